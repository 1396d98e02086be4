import { ValidateBy, type ValidationOptions } from 'class-validator';
import { isCalendarDay } from '../time/calendar-day';

/** A real calendar day written `YYYY-MM-DD`. */
export function IsCalendarDay(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDay',
      validator: {
        validate: (value) => isCalendarDay(value),
        defaultMessage: (args) => `${args?.property} must be a date written YYYY-MM-DD`,
      },
    },
    options,
  );
}
