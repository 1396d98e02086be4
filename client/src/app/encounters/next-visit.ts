import type { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';
import { isCalendarDay } from '../core/calendar-day';

/** Quick picks for the next visit, in days from today. */
export const NEXT_VISIT_QUICK_PICKS = [7, 30, 90] as const;

/** An optional expected return date: a real day (`date`), not before `today()` (`pastDate`). */
export function nextVisitValidator(today: () => string): ValidatorFn {
  return (control: AbstractControl<string | null>): ValidationErrors | null => {
    const value = (control.value ?? '').trim();
    if (value === '') {
      return null;
    }
    if (!isCalendarDay(value)) {
      return { date: true };
    }
    return value < today() ? { pastDate: true } : null;
  };
}
