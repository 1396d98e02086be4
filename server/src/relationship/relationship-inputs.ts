import type { EntityManager } from 'typeorm';
import { RELATIONSHIP_PHASES, type ClvUnit } from '@huifang/shared';
import { runRawSql, storedInstant } from '../core/database/raw-sql';
import { clvUnitOf, type ChargeMeans, type RetentionByPhase } from './clv';
import type { RelationshipContext } from './relationship-at';

/**
 * What the last pass measured hospital-wide and every later working-out of one patient reuses: the
 * phases' 12-month retention, the mean charges, the discount rate and grace in force. Stored as JSON
 * in `relationship_state` (one row).
 */
export interface RelationshipInputs {
  retention: RetentionByPhase;
  chargeMeans: { byDepartment: [number, number][]; hospital: number | null };
  discountRate: number;
  graceDays: number;
}

export interface PassState {
  computedOn: string;
  computedAt: Date;
  inputs: RelationshipInputs;
}

export function contextOf(inputs: RelationshipInputs): RelationshipContext {
  return { retention: inputs.retention, chargeMeans: chargeMeansOf(inputs), discountRate: inputs.discountRate, graceDays: inputs.graceDays };
}

export function chargeMeansOf(inputs: RelationshipInputs): ChargeMeans {
  return { byDepartment: new Map(inputs.chargeMeans.byDepartment), hospital: inputs.chargeMeans.hospital };
}

export function clvUnitOfInputs(inputs: RelationshipInputs): ClvUnit {
  return clvUnitOf(chargeMeansOf(inputs));
}

export function inputsOf(context: RelationshipContext): RelationshipInputs {
  return {
    retention: context.retention,
    chargeMeans: { byDepartment: [...context.chargeMeans.byDepartment], hospital: context.chargeMeans.hospital },
    discountRate: context.discountRate,
    graceDays: context.graceDays,
  };
}

/** The last finished pass, or null before the first. */
export async function readPassState(manager: EntityManager): Promise<PassState | null> {
  const [row] = (await manager.query(`SELECT computed_on, computed_at, inputs FROM relationship_state WHERE id = 1`)) as {
    computed_on: string;
    computed_at: Date | string;
    inputs: string;
  }[];
  if (!row || row.computed_on === '') return null;
  const inputs = JSON.parse(row.inputs) as RelationshipInputs;
  if (!RELATIONSHIP_PHASES.every((phase) => inputs.retention?.[phase])) return null;
  return { computedOn: row.computed_on, computedAt: storedInstant(row.computed_at), inputs };
}

/**
 * Takes the day's pass for this instance: true when no pass finished today and no other instance
 * holds a live lease. The lease outlives a crashed pass by `leaseMs` at most.
 */
export async function claimPass(manager: EntityManager, today: string, now: Date, leaseMs: number): Promise<boolean> {
  await runRawSql(
    manager,
    `INSERT INTO relationship_state (id, computed_on, computed_at, inputs, lease_until) VALUES (1, '', $1, '{}', NULL) ON CONFLICT (id) DO NOTHING`,
    [now],
  );
  const result = (await runRawSql(
    manager,
    `UPDATE relationship_state SET lease_until = $1 WHERE id = 1 AND computed_on < $2 AND (lease_until IS NULL OR lease_until < $3) RETURNING id`,
    [new Date(now.getTime() + leaseMs), today, now],
  )) as unknown[];
  const rows = manager.connection.options.type === 'postgres' ? (result[0] as unknown[]) : result;
  return rows.length === 1;
}

export async function finishPass(manager: EntityManager, today: string, now: Date, inputs: RelationshipInputs): Promise<void> {
  await runRawSql(manager, `UPDATE relationship_state SET computed_on = $1, computed_at = $2, inputs = $3, lease_until = NULL WHERE id = 1`, [
    today,
    now,
    JSON.stringify(inputs),
  ]);
}

/** A pass that failed lets the next try start at once. */
export async function releasePass(manager: EntityManager): Promise<void> {
  await manager.query(`UPDATE relationship_state SET lease_until = NULL WHERE id = 1`);
}
