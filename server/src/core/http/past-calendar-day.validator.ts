import { ValidateBy, type ValidationOptions } from 'class-validator';
import { EARLIEST_DAY } from '@huifang/shared';
import { isCalendarDay } from '@huifang/shared';

/** A `YYYY-MM-DD` day from 1900-01-01 up to today (UTC+14, so no time zone makes today "future"). */
export function IsPastCalendarDay(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isPastCalendarDay',
      validator: {
        validate: (value) => {
          if (!isCalendarDay(value)) return false;
          const latest = new Date(Date.now() + 14 * 3600_000).toISOString().slice(0, 10);
          return value >= EARLIEST_DAY && value <= latest;
        },
        defaultMessage: (args) => `${args?.property} must be a date written YYYY-MM-DD, not before 1900 and not in the future`,
      },
    },
    options,
  );
}
