import type { AuditEntry, ExportLanguage } from '@huifang/shared';
import { toCsv } from '../core/http/csv';
import { AUDIT_ACTION_LABELS, AUDIT_CSV_HEADERS, AUDIT_ENTITY_LABELS } from './audit-labels';

type Column = [header: keyof typeof AUDIT_CSV_HEADERS, value: (entry: AuditEntry, lang: ExportLanguage) => unknown];

const COLUMNS: Column[] = [
  ['at', (e) => e.at],
  ['actorId', (e) => e.actor?.id ?? null],
  ['actor', (e) => e.actor?.username ?? null],
  ['action', (e, lang) => AUDIT_ACTION_LABELS[e.action]?.[lang] ?? e.action],
  ['entityType', (e, lang) => AUDIT_ENTITY_LABELS[e.entityType]?.[lang] ?? e.entityType],
  ['entityId', (e) => e.entityId],
  ['patientId', (e) => e.patientId],
  ['ip', (e) => e.ip],
  ['detail', (e) => e.detail],
];

/** The audit log as CSV, one row per entry, newest first (as the page shows it), in the user's language. */
export function auditToCsv(entries: readonly AuditEntry[], lang: ExportLanguage): string {
  return toCsv(
    COLUMNS.map(([header]) => AUDIT_CSV_HEADERS[header][lang]),
    entries.map((entry) => COLUMNS.map(([, value]) => value(entry, lang))),
  );
}
