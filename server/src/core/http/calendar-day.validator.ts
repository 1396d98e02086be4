import { ValidateBy, type ValidationOptions } from 'class-validator';
import { EARLIEST_DAY, LATEST_DAY } from '@huifang/shared';
import { isCalendarDay } from '@huifang/shared';

/** A real calendar day in the accepted range, as compared (as text) by periods and SQL. */
export function isBoundedCalendarDay(value: unknown): boolean {
  return isCalendarDay(value) && value >= EARLIEST_DAY && value <= LATEST_DAY;
}

/** A real calendar day written `YYYY-MM-DD`, from 1900-01-01 to 2999-12-31. */
export function IsCalendarDay(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDay',
      validator: {
        validate: (value) => isBoundedCalendarDay(value),
        defaultMessage: (args) =>
          isCalendarDay(args?.value)
            ? `${args?.property} must be from ${EARLIEST_DAY} to ${LATEST_DAY}`
            : `${args?.property} must be a date written YYYY-MM-DD`,
      },
    },
    options,
  );
}
