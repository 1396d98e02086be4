import type { EntityManager } from 'typeorm';
import { isCalendarDay, type RelationshipPhase, type ValueTier } from '@huifang/shared';
import { runRawSql } from '../core/database/raw-sql';

/** A patient row's new phase and value. */
export interface RelationshipUpdate {
  patientId: number;
  phase: RelationshipPhase;
  phaseSince: string | null;
  valueScore: number;
  valueTier: ValueTier;
  clv: number;
}

export interface PhaseChangeRow {
  patientId: number;
  changedOn: string;
  from: RelationshipPhase | null;
  to: RelationshipPhase;
  tier: ValueTier;
}

const CHUNK = 500;

/**
 * Writes the patients' new phase and value. PostgreSQL takes a chunk in one statement (arrays
 * unnested), SQLite one prepared statement per row (no round trip to pay).
 */
export async function writeRelationships(manager: EntityManager, updates: readonly RelationshipUpdate[]): Promise<void> {
  if (manager.connection.options.type === 'postgres') {
    for (let i = 0; i < updates.length; i += CHUNK) {
      const chunk = updates.slice(i, i + CHUNK);
      await manager.query(
        `UPDATE patient SET phase = v.phase, phase_since = v.since, value_score = v.score, value_tier = v.tier, clv = v.clv
           FROM (SELECT unnest($1::int[]) AS id, unnest($2::text[]) AS phase, unnest($3::text[]) AS since,
                        unnest($4::float8[]) AS score, unnest($5::text[]) AS tier, unnest($6::float8[]) AS clv) v
          WHERE patient.id = v.id`,
        [
          chunk.map((u) => u.patientId),
          chunk.map((u) => u.phase),
          chunk.map((u) => u.phaseSince),
          chunk.map((u) => u.valueScore),
          chunk.map((u) => u.valueTier),
          chunk.map((u) => u.clv),
        ],
      );
    }
    return;
  }
  for (const u of updates) {
    await manager.query('UPDATE patient SET phase = ?, phase_since = ?, value_score = ?, value_tier = ?, clv = ? WHERE id = ?', [
      u.phase,
      u.phaseSince,
      u.valueScore,
      u.valueTier,
      u.clv,
      u.patientId,
    ]);
  }
}

/**
 * Records phase changes, one row per patient and day: a second change on a day keeps the day's first
 * `from` and takes the new `to`; a day whose changes cancel out (back where it began) leaves no row.
 * Idempotent, so two instances recording the same change leave one row.
 */
export async function recordPhaseChanges(manager: EntityManager, changes: readonly PhaseChangeRow[]): Promise<void> {
  for (let i = 0; i < changes.length; i += CHUNK) {
    const chunk = changes.slice(i, i + CHUNK);
    const values = chunk.map((_, j) => `($${j * 5 + 1}, $${j * 5 + 2}, $${j * 5 + 3}, $${j * 5 + 4}, $${j * 5 + 5})`).join(', ');
    await runRawSql(
      manager,
      `INSERT INTO patient_phase_change (patient_id, changed_on, from_phase, to_phase, value_tier) VALUES ${values}
       ON CONFLICT (patient_id, changed_on) DO UPDATE SET to_phase = excluded.to_phase, value_tier = excluded.value_tier`,
      chunk.flatMap((c) => [c.patientId, c.changedOn, c.from, c.to, c.tier]),
    );
  }
  const cancelled = changes.filter((c) => c.from !== null);
  if (!cancelled.every((c) => isCalendarDay(c.changedOn) && Number.isSafeInteger(c.patientId))) throw new Error('phase changes need calendar days and ids');
  if (cancelled.length > 0) {
    await manager.query(`DELETE FROM patient_phase_change WHERE from_phase = to_phase AND changed_on IN (${[...new Set(cancelled.map((c) => `'${c.changedOn}'`))].join(', ')})
      AND patient_id IN (${cancelled.map((c) => Number(c.patientId)).join(', ')})`);
  }
}

/** The day each patient's current phase began, from the recorded changes (after a day cancelled out). */
export async function phaseSinceFromHistory(manager: EntityManager, patientIds: readonly number[]): Promise<Map<number, string>> {
  if (patientIds.length === 0) return new Map();
  const rows = (await manager.query(
    `SELECT patient_id, MAX(changed_on) AS since FROM patient_phase_change WHERE patient_id IN (${patientIds.map(Number).join(', ')}) GROUP BY patient_id`,
  )) as { patient_id: number; since: string }[];
  return new Map(rows.map((r) => [Number(r.patient_id), r.since]));
}
