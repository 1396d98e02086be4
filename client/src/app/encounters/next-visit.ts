import type { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';
import { nextVisitDueProblem } from '@huifang/shared';

/** Quick picks for the next visit, in days from today. */
export const NEXT_VISIT_QUICK_PICKS = [7, 30, 90] as const;

/**
 * An optional expected return date, checked by the server's own rule (shared/): a real day
 * (`date`), after the day of the visit (`notAfterVisit`), within two years (`tooFar`).
 */
export function nextVisitValidator(visitDay: () => string): ValidatorFn {
  return (control: AbstractControl<string | null>): ValidationErrors | null => {
    const value = (control.value ?? '').trim();
    if (value === '') {
      return null;
    }
    const problem = nextVisitDueProblem(visitDay(), value);
    return problem ? { [problem]: true } : null;
  };
}
