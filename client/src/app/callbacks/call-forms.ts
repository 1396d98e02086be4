import type { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';
import { hospitalInputInstant } from './hospital-date-time';

/** Required, and more than blanks (the server trims). */
export function requiredText(control: AbstractControl<string | null>): ValidationErrors | null {
  return (control.value ?? '').trim() === '' ? { required: true } : null;
}

/**
 * A `datetime-local` value on the hospital's clock that is later than `now()`:
 * `{ required }` when empty, `{ dateTime }` when unreadable, `{ future }` when not in the future.
 */
export function futureDateTime(now: () => number): ValidatorFn {
  return (control: AbstractControl<string | null>): ValidationErrors | null => {
    const value = (control.value ?? '').trim();
    if (value === '') {
      return { required: true };
    }
    const instant = hospitalInputInstant(value);
    if (instant === null) {
      return { dateTime: true };
    }
    return instant > now() ? null : { future: true };
  };
}

/** The translation key of a due date-time's first problem (see `futureDateTime`), or null. */
export function dueErrorKey(control: AbstractControl): string | null {
  if (control.hasError('required')) return 'callbacks.validation.required';
  if (control.hasError('dateTime')) return 'callbacks.validation.dateTime';
  if (control.hasError('future')) return 'callbacks.validation.future';
  return null;
}
