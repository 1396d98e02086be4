import type { EntityManager } from 'typeorm';
import type { OutreachChannel, OutreachKind, OutreachPurpose } from '@huifang/shared';
import { runRawSql } from '../core/database/raw-sql';

export interface ClaimedMessage {
  id: number;
  kind: OutreachKind;
  patientId: number;
  /** The causing record (OutreachMessageEntity.sourceId). */
  sourceId: number | null;
  departmentId: number | null;
  channel: OutreachChannel;
  purpose: OutreachPurpose;
  idempotencyKey: string;
  language: 'zh' | 'en';
  subject: string;
  body: string;
  /** Including this try. */
  attempts: number;
}

interface ClaimedRow {
  id: number;
  kind: OutreachKind;
  patient_id: number;
  source_id: number | null;
  department_id: number | null;
  channel: OutreachChannel;
  purpose: OutreachPurpose;
  idempotency_key: string;
  language: 'zh' | 'en';
  subject: string;
  body: string;
  attempts: number;
}

/**
 * Takes up to `limit` due messages for this worker in one statement, marking them with the claim's
 * token until `until` and counting the try. PostgreSQL: the rows are chosen with FOR UPDATE SKIP
 * LOCKED, so two instances claiming at once take different rows and neither waits for the other.
 * SQLite: one writer at a time (BEGIN IMMEDIATE, also across processes), so the single
 * UPDATE … RETURNING is the claim. A message whose claim expired (its server died mid-delivery) is
 * due again.
 */
export async function claimDueMessages(manager: EntityManager, token: string, now: Date, until: Date, limit: number): Promise<ClaimedMessage[]> {
  const postgres = manager.connection.options.type === 'postgres';
  const result = (await runRawSql(
    manager,
    `UPDATE outreach_message SET claimed_until = $1, claimed_by = $2, attempts = attempts + 1
     WHERE id IN (
       SELECT id FROM outreach_message
       WHERE status = 'queued' AND next_attempt_at <= $3 AND (claimed_until IS NULL OR claimed_until < $4)
       ORDER BY next_attempt_at, id LIMIT $5${postgres ? ' FOR UPDATE SKIP LOCKED' : ''}
     )
     RETURNING id, kind, patient_id, source_id, department_id, channel, purpose, idempotency_key, language, subject, body, attempts`,
    [until, token, now, now, limit],
  )) as unknown[];
  const rows = (postgres ? result[0] : result) as ClaimedRow[];
  return rows
    .map((row) => ({
      id: Number(row.id),
      kind: row.kind,
      patientId: Number(row.patient_id),
      sourceId: row.source_id === null ? null : Number(row.source_id),
      departmentId: row.department_id === null ? null : Number(row.department_id),
      channel: row.channel,
      purpose: row.purpose,
      idempotencyKey: row.idempotency_key,
      language: row.language,
      subject: row.subject,
      body: row.body,
      attempts: Number(row.attempts),
    }))
    .sort((a, b) => a.id - b.id);
}
