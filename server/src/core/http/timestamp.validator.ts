import { isISO8601, ValidateBy, type ValidationOptions } from 'class-validator';
import { EARLIEST_DAY, LATEST_DAY } from '@huifang/shared';

const EARLIEST = Date.parse(`${EARLIEST_DAY}T00:00:00Z`);
const LATEST = Date.parse(`${LATEST_DAY}T23:59:59.999Z`);

/** ISO 8601 with date and time, in the range of calendar days the API accepts. */
export function isBoundedTimestamp(value: unknown): boolean {
  if (typeof value !== 'string' || !isISO8601(value, { strict: true, strictSeparator: true })) return false;
  const instant = Date.parse(value);
  return Number.isFinite(instant) && instant >= EARLIEST && instant <= LATEST;
}

/** An instant such as `2026-03-05T09:30:00+08:00`, from 1900 to 2999. */
export function IsTimestamp(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isTimestamp',
      validator: {
        validate: (value) => isBoundedTimestamp(value),
        defaultMessage: (args) => `${args?.property} must be an ISO 8601 date and time, from ${EARLIEST_DAY} to ${LATEST_DAY}`,
      },
    },
    options,
  );
}
