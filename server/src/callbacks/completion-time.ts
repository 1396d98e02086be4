import type { EntityManager } from 'typeorm';

/**
 * A completed callback keeps the time of the attempt that completed it (`completed_at`), so the
 * follow-up indicator's "time from due to completion" reads the callback row alone. The service
 * sets it when recording that attempt; this recomputes it from the attempts, for rows written in
 * bulk (migration, demo data, benchmark loads). Plain SQL, the same on SQLite and PostgreSQL.
 */
export const BACKFILL_COMPLETED_AT = `UPDATE callback SET completed_at = (
    SELECT MAX(a.at) FROM callback_attempt a WHERE a.callback_id = callback.id AND a.outcome <> 'no_answer')
  WHERE status = 'completed' AND completed_at IS NULL`;

export async function backfillCompletedAt(manager: EntityManager): Promise<void> {
  await manager.query(BACKFILL_COMPLETED_AT);
}
