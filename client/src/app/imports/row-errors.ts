import { IMPORT_FIELDS, type ImportRowError } from '@huifang/shared';

export type TranslateFn = (key: string, params?: Record<string, unknown>) => string;

export interface RowErrorText {
  row: number;
  field: string;
  problem: string;
  value: string;
}

/**
 * A row error in the user's language: the problem from `imports.problems.<code>`, a mapped field by
 * its label (a FHIR element path such as `Encounter.period.start` stays as it is).
 */
export function describeRowError(t: TranslateFn, error: ImportRowError): RowErrorText {
  return {
    row: error.row,
    field: error.field === null ? '' : fieldLabel(t, error.field),
    problem: t(`imports.problems.${error.problem}`),
    value: error.value ?? '',
  };
}

export function fieldLabel(t: TranslateFn, field: string): string {
  return (IMPORT_FIELDS as readonly string[]).includes(field) ? t(`imports.fields.${field}`) : field;
}
