import type { AuditEntry } from '@huifang/shared';
import { csvCell } from '../indicators/indicator-csv';

/** Excel reads UTF-8 only when the file starts with a BOM. */
const BOM = '\uFEFF';

const COLUMNS: [header: string, value: (entry: AuditEntry) => unknown][] = [
  ['at', (e) => e.at],
  ['actor_id', (e) => e.actor?.id ?? null],
  ['actor', (e) => e.actor?.username ?? null],
  ['action', (e) => e.action],
  ['entity_type', (e) => e.entityType],
  ['entity_id', (e) => e.entityId],
  ['patient_id', (e) => e.patientId],
  ['ip', (e) => e.ip],
  ['detail', (e) => e.detail],
];

/** The audit log as CSV, one row per entry, newest first (as the page shows it). */
export function auditToCsv(entries: readonly AuditEntry[]): string {
  const lines = [COLUMNS.map(([header]) => header), ...entries.map((entry) => COLUMNS.map(([, value]) => value(entry)))];
  return BOM + lines.map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
