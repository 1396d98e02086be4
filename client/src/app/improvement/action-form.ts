import type { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';
import {
  type BetterDirection,
  type CalendarDay,
  type CreateImprovementActionRequest,
  ERROR_CODES,
  IMPROVEMENT_EDITABLE_FIELDS,
  IMPROVEMENT_WINDOW_DEFAULTS,
  type ImprovementEditableField,
  type ImprovementAction,
  type ImprovementStatus,
  type ImprovementWindowSetting,
  type IndicatorKey,
  isEndOnOrAfterStart,
  isImprovementDay,
  isImprovementWindowDays,
  isIndicatorKey,
} from '@huifang/shared';
import { describeHttpError, type ErrorDescription } from '../core/api-error';

/** What the action form holds; dates as the datepicker's `YYYY-MM-DD` (or null), days as numbers from number inputs. */
export interface ActionFormValue {
  title: string;
  description: string;
  departmentId: number | null;
  ownerUserId: number | null;
  indicator: IndicatorKey | '';
  betterDirection: BetterDirection;
  startDate: CalendarDay | null;
  endDate: CalendarDay | null;
  status: ImprovementStatus;
  baselineDays: number | null;
  lagDays: number | null;
  followUpDays: number | null;
}

/** The form edits what a PATCH may change (shared/). */
export const ACTION_FORM_FIELDS = IMPROVEMENT_EDITABLE_FIELDS;
export type ActionFormField = ImprovementEditableField;

/** A day the API accepts (`date`), or empty when optional. */
export function improvementDayValidator(control: AbstractControl<string | null>): ValidationErrors | null {
  const value = control.value;
  return value === null || value === '' || isImprovementDay(value) ? null : { date: true };
}

/** A known indicator key (a theme's existence is the server's to say). */
export function indicatorValidator(control: AbstractControl<string>): ValidationErrors | null {
  return control.value === '' || isIndicatorKey(control.value) ? null : { indicator: true };
}

/** A whole number of days in the setting's range (shared IMPROVEMENT_WINDOW_RANGES). */
export function windowDaysValidator(setting: ImprovementWindowSetting): ValidatorFn {
  return (control: AbstractControl<number | null>) => (isImprovementWindowDays(setting, control.value) ? null : { windowDays: true });
}

/** The end on or after the start (the rule behind `improvement.end_before_start`), set on the end field. */
export function endAfterStartValidator(group: AbstractControl): ValidationErrors | null {
  const start = group.get('startDate')?.value as CalendarDay | null;
  const end = group.get('endDate');
  if (!end) return null;
  const before = start !== null && isImprovementDay(start) && isImprovementDay(end.value) && !isEndOnOrAfterStart(start, end.value);
  const errors = { ...(end.errors ?? {}) };
  if (before) errors['endBeforeStart'] = true;
  else delete errors['endBeforeStart'];
  end.setErrors(Object.keys(errors).length > 0 ? errors : null);
  return null;
}

/** A new action's form: the DOMAIN.md window defaults, planned, the indicator's own better direction. */
export function emptyActionForm(ownerUserId: number | null): ActionFormValue {
  return {
    title: '',
    description: '',
    departmentId: null,
    ownerUserId,
    indicator: '',
    betterDirection: 'lower',
    startDate: null,
    endDate: null,
    status: 'planned',
    ...IMPROVEMENT_WINDOW_DEFAULTS,
  };
}

export function actionFormOf(action: ImprovementAction): ActionFormValue {
  return {
    title: action.title,
    description: action.description,
    departmentId: action.departmentId,
    ownerUserId: action.ownerUserId,
    indicator: action.indicator,
    betterDirection: action.betterDirection,
    startDate: action.startDate,
    endDate: action.endDate,
    status: action.status,
    baselineDays: action.baselineDays,
    lagDays: action.lagDays,
    followUpDays: action.followUpDays,
  };
}

/** The request of a valid form (the same body creates and, as a PATCH, replaces every editable field). */
export function actionRequestOf(value: ActionFormValue): CreateImprovementActionRequest {
  if (value.ownerUserId === null || value.indicator === '' || value.startDate === null) throw new Error('the form is not complete');
  return {
    title: value.title.trim(),
    description: value.description.trim(),
    departmentId: value.departmentId,
    ownerUserId: value.ownerUserId,
    indicator: value.indicator,
    betterDirection: value.betterDirection,
    startDate: value.startDate,
    endDate: value.endDate === '' ? null : value.endDate,
    status: value.status,
    baselineDays: value.baselineDays ?? IMPROVEMENT_WINDOW_DEFAULTS.baselineDays,
    lagDays: value.lagDays ?? IMPROVEMENT_WINDOW_DEFAULTS.lagDays,
    followUpDays: value.followUpDays ?? IMPROVEMENT_WINDOW_DEFAULTS.followUpDays,
  };
}

/** The error codes that name one field by themselves (API.md: the field is implied by the code). */
const FIELD_OF_CODE: Readonly<Record<string, ActionFormField>> = {
  [ERROR_CODES.improvementEndBeforeStart]: 'endDate',
  [ERROR_CODES.improvementUnknownIndicator]: 'indicator',
  [ERROR_CODES.improvementUnknownTheme]: 'indicator',
  [ERROR_CODES.improvementUnknownOwner]: 'ownerUserId',
  [ERROR_CODES.improvementUnknownDepartment]: 'departmentId',
};

/** The form fields a refused save names: a validation error's `fields`, or the one its code implies. */
export function actionFieldsOf(err: unknown): { fields: ActionFormField[]; error: ErrorDescription } {
  const error = describeHttpError(err);
  const named = Array.isArray(error.params['fields']) ? error.params['fields'] : [];
  const fields = new Set(named.map((path) => path.split('.')[0]).filter((name): name is ActionFormField => (ACTION_FORM_FIELDS as readonly string[]).includes(name)));
  const code = error.key.replace(/^errorCodes\./, '');
  if (FIELD_OF_CODE[code]) fields.add(FIELD_OF_CODE[code]);
  return { fields: [...fields], error };
}
