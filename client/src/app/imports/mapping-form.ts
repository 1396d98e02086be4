import {
  IMPORT_FIELDS,
  requiredImportFields,
  type ImportColumnMapping,
  type ImportField,
} from '@huifang/shared';

/**
 * The mapping to start from: `start` (the server's suggestion or a saved mapping) without the columns
 * this file does not have, so a saved mapping from last month's file never points at nothing.
 */
export function initialMapping(columns: readonly string[], start: ImportColumnMapping): ImportColumnMapping {
  const mapping: ImportColumnMapping = {};
  for (const field of IMPORT_FIELDS) {
    const column = start[field];
    if (column !== undefined && columns.includes(column)) mapping[field] = column;
  }
  return mapping;
}

/** `mapping` with `field` taken from `column`, or unmapped when `column` is null. */
export function withColumn(mapping: ImportColumnMapping, field: ImportField, column: string | null): ImportColumnMapping {
  const next = { ...mapping };
  if (column === null) delete next[field];
  else next[field] = column;
  return next;
}

/** Required fields (as shared/ says, given what is mapped) still without a column. */
export function missingFields(mapping: ImportColumnMapping): ImportField[] {
  return requiredImportFields(mapping).filter((field) => mapping[field] === undefined);
}

export function isRequired(mapping: ImportColumnMapping, field: ImportField): boolean {
  return requiredImportFields(mapping).includes(field);
}

/** The first non-blank value of `column` in the sample rows: a hint beside each field. */
export function sampleValue(columns: readonly string[], rows: readonly string[][], column: string | undefined): string | null {
  const index = column === undefined ? -1 : columns.indexOf(column);
  if (index < 0) return null;
  return rows.map((row) => row[index]?.trim() ?? '').find((value) => value !== '') ?? null;
}
