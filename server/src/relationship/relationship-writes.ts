import type { EntityManager } from 'typeorm';
import type { RelationshipPhase, ValueTier } from '@huifang/shared';
import { runRawSql } from '../core/database/raw-sql';
import { integerList } from '../encounters/return-expectations';

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

/** Sets the CLV of these patients (the daily pass's correction to the day's inputs). */
export async function writeClv(manager: EntityManager, values: readonly [id: number, clv: number][]): Promise<void> {
  for (let i = 0; i < values.length; i += CHUNK * 4) {
    const chunk = values.slice(i, i + CHUNK * 4);
    if (manager.connection.options.type === 'postgres') {
      await manager.query('UPDATE patient SET clv = v.clv FROM (SELECT unnest($1::int[]) AS id, unnest($2::float8[]) AS clv) v WHERE patient.id = v.id', [
        chunk.map(([id]) => id),
        chunk.map(([, clv]) => clv),
      ]);
    } else {
      for (const [id, clv] of chunk) await manager.query('UPDATE patient SET clv = ? WHERE id = ?', [clv, id]);
    }
  }
}

/** The recorded phase history of these patients, keyed `patientId|day`. */
export async function loadPhaseHistories(manager: EntityManager, patientIds: readonly number[]): Promise<Map<string, PhaseChangeRow>> {
  const stored = new Map<string, PhaseChangeRow>();
  if (patientIds.length === 0) return stored;
  const rows = (await manager.query(
    `SELECT patient_id, changed_on, from_phase, to_phase, value_tier FROM patient_phase_change WHERE patient_id IN (${integerList(patientIds)})`,
  )) as { patient_id: number; changed_on: string; from_phase: RelationshipPhase | null; to_phase: RelationshipPhase; value_tier: ValueTier }[];
  for (const r of rows) {
    const row = { patientId: Number(r.patient_id), changedOn: r.changed_on, from: r.from_phase, to: r.to_phase, tier: r.value_tier };
    stored.set(`${row.patientId}|${row.changedOn}`, row);
  }
  return stored;
}

/**
 * Makes the recorded history of the patients in `stored` what `wanted` says: rows the record no
 * longer supports go, new or different ones are written (one row per patient and day, so two
 * instances reconciling at once leave the same rows).
 */
export async function reconcilePhaseHistory(manager: EntityManager, stored: ReadonlyMap<string, PhaseChangeRow>, wanted: readonly PhaseChangeRow[]): Promise<void> {
  const keep = new Set<string>();
  const upserts: PhaseChangeRow[] = [];
  for (const row of wanted) {
    const key = `${row.patientId}|${row.changedOn}`;
    keep.add(key);
    const old = stored.get(key);
    if (!old || old.from !== row.from || old.to !== row.to || old.tier !== row.tier) upserts.push(row);
  }
  const gone = [...stored.entries()].filter(([key]) => !keep.has(key)).map(([, row]) => row);
  for (const row of gone) {
    await runRawSql(manager, 'DELETE FROM patient_phase_change WHERE patient_id = $1 AND changed_on = $2', [row.patientId, row.changedOn]);
  }
  for (let i = 0; i < upserts.length; i += CHUNK) {
    const chunk = upserts.slice(i, i + CHUNK);
    const values = chunk.map((_, j) => `($${j * 5 + 1}, $${j * 5 + 2}, $${j * 5 + 3}, $${j * 5 + 4}, $${j * 5 + 5})`).join(', ');
    await runRawSql(
      manager,
      `INSERT INTO patient_phase_change (patient_id, changed_on, from_phase, to_phase, value_tier) VALUES ${values}
       ON CONFLICT (patient_id, changed_on) DO UPDATE SET from_phase = excluded.from_phase, to_phase = excluded.to_phase, value_tier = excluded.value_tier`,
      chunk.flatMap((c) => [c.patientId, c.changedOn, c.from, c.to, c.tier]),
    );
  }
}
