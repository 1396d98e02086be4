import type { ExportedRow } from '@huifang/shared';

/**
 * A loaded entity as plain JSON: its columns (camelCase), instants as ISO strings. Loaded relations
 * and the columns in `leaveOut` (secrets such as a survey link's token hash) are not part of it.
 */
export function exportedRow(entity: object, leaveOut: readonly string[] = []): ExportedRow {
  const row: ExportedRow = {};
  for (const [key, value] of Object.entries(entity)) {
    if (leaveOut.includes(key) || value === undefined) continue;
    if (value instanceof Date) row[key] = value.toISOString();
    else if (value === null || typeof value !== 'object') row[key] = value as string | number | boolean | null;
  }
  return row;
}
