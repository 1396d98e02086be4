import type { AbstractControl, ValidationErrors } from '@angular/forms';
import { isIndicatorKey, isTargetValue } from '@huifang/shared';

/** The value in the indicator's range with at most two decimals (shared `isTargetValue`), set on the value field. */
export function targetValueValidator(group: AbstractControl): ValidationErrors | null {
  const indicator = group.get('indicator')?.value as string;
  const value = group.get('value');
  if (!value || !isIndicatorKey(indicator)) return null;
  const wrong = value.value !== null && !isTargetValue(indicator, value.value);
  const errors = { ...(value.errors ?? {}) };
  if (wrong) errors['targetValue'] = true;
  else delete errors['targetValue'];
  value.setErrors(Object.keys(errors).length > 0 ? errors : null);
  return null;
}
