import {
  CLINICIAN_MAX_LENGTH,
  IMPORT_REQUIRED_FIELDS,
  IMPORT_SOURCE_NUMBER_MAX_LENGTH,
  IMPORT_VISIT_FIELDS,
  PATIENT_NAME_MAX_LENGTH,
  type ImportColumnMapping,
  type ImportField,
  type ImportRowError,
  type ImportRowProblem,
} from '@huifang/shared';
import type { ImportItem } from '../import-records';
import { parseDay, parseInstant } from './cell-dates';
import { characterCount, hasControlCharacters, maskControlCharacters, parseChargeCents, parseGender, parsePhone } from './cell-values';

/** What a row needs to become an item: where each mapped field sits, and how to name departments. */
export interface RowContext {
  /** Field → column index in the row. */
  columns: Partial<Record<ImportField, number>>;
  departmentId: (text: string) => number | null;
  timeZone: string;
}

const MAX_LENGTH: Partial<Record<ImportField, number>> = {
  patientNumber: IMPORT_SOURCE_NUMBER_MAX_LENGTH,
  visitNumber: IMPORT_SOURCE_NUMBER_MAX_LENGTH,
  patientName: PATIENT_NAME_MAX_LENGTH,
  clinician: CLINICIAN_MAX_LENGTH,
};

const ERROR_VALUE_MAX_LENGTH = 100;

/** The field → column-index table for a header row; mapped columns missing from it are left out. */
export function columnIndexes(mapping: ImportColumnMapping, header: readonly string[]): Partial<Record<ImportField, number>> {
  const columns: Partial<Record<ImportField, number>> = {};
  for (const [field, column] of Object.entries(mapping) as [ImportField, string][]) {
    const index = header.indexOf(column);
    if (index >= 0) columns[field] = index;
  }
  return columns;
}

/** One data row (1-based) → the patient and, with a visit number, the visit; or the row's problems. */
export function rowToItem(row: number, cells: readonly string[], context: RowContext): ImportItem {
  const errors: ImportRowError[] = [];
  const fail = (field: ImportField, problem: ImportRowProblem, value: string | null): null => {
    errors.push({ row, field, problem, value: value === null ? null : value.slice(0, ERROR_VALUE_MAX_LENGTH) });
    return null;
  };

  /** The trimmed cell of `field` ('' when unmapped or empty), with the checks every text gets. */
  const text = (field: ImportField): string => {
    const index = context.columns[field];
    const value = index === undefined ? '' : (cells[index] ?? '').trim();
    if (hasControlCharacters(value)) return fail(field, 'control_characters', maskControlCharacters(value)) ?? '';
    const max = MAX_LENGTH[field];
    if (max !== undefined && characterCount(value) > max) return fail(field, 'too_long', value) ?? '';
    return value;
  };
  const parsed = <T>(field: ImportField, parse: (value: string) => T | null, problem: ImportRowProblem): T | null => {
    const value = text(field);
    if (value === '') return null;
    return parse(value) ?? fail(field, problem, value);
  };

  const values = {
    patientNumber: text('patientNumber'),
    patientName: text('patientName'),
    visitNumber: text('visitNumber'),
    clinician: text('clinician'),
  };
  const phone = parsed('phone', parsePhone, 'bad_phone');
  const gender = parsed('gender', parseGender, 'bad_gender');
  const birthDate = parsed('birthDate', parseDay, 'bad_date');
  const hasVisit = values.visitNumber !== '';
  const required = hasVisit ? [...IMPORT_REQUIRED_FIELDS, ...IMPORT_VISIT_FIELDS] : IMPORT_REQUIRED_FIELDS;
  const departmentId = hasVisit ? parsed('department', context.departmentId, 'unknown_department') : null;
  const toInstant = (value: string) => parseInstant(value, context.timeZone);
  const checkedInAt = hasVisit ? parsed('checkedInAt', toInstant, 'bad_time') : null;
  const calledAt = hasVisit ? parsed('calledAt', toInstant, 'bad_time') : null;
  const finishedAt = hasVisit ? parsed('finishedAt', toInstant, 'bad_time') : null;
  const nextVisitDue = hasVisit ? parsed('nextVisitDue', parseDay, 'bad_date') : null;
  const chargeCents = hasVisit ? parsed('charge', parseChargeCents, 'bad_charge') : null;
  for (const field of required) {
    const index = context.columns[field];
    if (index === undefined || (cells[index] ?? '').trim() === '') fail(field, 'missing_field', null);
  }
  if (errors.length > 0) return { row, errors };

  const patientKey = `his:${values.patientNumber}`;
  const item: ImportItem = {
    row,
    patient: { keys: [patientKey], name: values.patientName, phone, gender, birthDate },
  };
  if (hasVisit && departmentId !== null && checkedInAt !== null) {
    item.encounter = {
      keys: [`his-visit:${values.visitNumber}`],
      patientKey,
      department: { departmentId },
      clinician: values.clinician || null,
      checkedInAt,
      calledAt,
      finishedAt,
      nextVisitDue,
      chargeCents,
    };
  }
  return item;
}
