import type { EntityManager } from 'typeorm';
import type { RelationshipPhase } from '@huifang/shared';
import { runRawSql } from '../core/database/raw-sql';
import { calendarDay, dayNumber } from './day-number';
import { loadHistories, patientIdRange, type LoadedPatient } from './history-loader';
import type { PatientHistory } from './patient-history';
import { relationshipAt, type RelationshipContext } from './relationship-at';
import type { WorkedOut } from './relationship-work';

/*
 * The relationship pass's measurements over every patient: the phases' 12-month retention and the mean
 * charges (what CLV needs, measured hospital-wide), the daily snapshot of patients and CLV per
 * department × phase × tier, and the monthly migration between phases from the phase history.
 * The walk over the patients is in ranges of ids, so memory stays bounded on large hospitals.
 */

export const PASS_CHUNK_PATIENTS = 2_000;

/** Walks every patient in ranges of ids; `visit` gets each range's histories. */
export async function forEachPatientRange(
  manager: EntityManager,
  timeZone: string,
  visit: (range: { fromId: number; toId: number }, loaded: Map<number, LoadedPatient> | null) => Promise<void>,
  { load = true }: { load?: boolean } = {},
): Promise<void> {
  const range = await patientIdRange(manager);
  if (!range) return;
  for (let fromId = range.min; fromId <= range.max; fromId += PASS_CHUNK_PATIENTS) {
    const scope = { fromId, toId: fromId + PASS_CHUNK_PATIENTS - 1 };
    await visit(scope, load ? await loadHistories(manager, scope, timeZone) : null);
    // Let the requests waiting on this process run between two ranges.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Patients and Σ CLV per department (0 = all) × phase × tier, for one day. */
export class SnapshotTally {
  private readonly cells = new Map<string, { patients: number; clv: number }>();

  add(departmentId: number | null, phase: RelationshipPhase, tier: string, clv: number): void {
    for (const department of departmentId === null ? [0] : [0, departmentId]) {
      const key = `${department}|${phase}|${tier}`;
      const cell = this.cells.get(key) ?? { patients: 0, clv: 0 };
      cell.patients += 1;
      cell.clv += clv;
      this.cells.set(key, cell);
    }
  }

  addWorked(worked: readonly WorkedOut[]): void {
    for (const w of worked) this.add(w.departmentId, w.relationship.phase, w.relationship.value.tier, w.relationship.clv);
  }

  async write(manager: EntityManager, day: string): Promise<void> {
    await runRawSql(manager, 'DELETE FROM relationship_snapshot WHERE day = $1', [day]);
    const rows = [...this.cells].map(([key, cell]) => {
      const [department, phase, tier] = key.split('|');
      return [day, Number(department), phase, tier, cell.patients, Math.round(cell.clv * 100) / 100];
    });
    for (let i = 0; i < rows.length; i += 100) {
      const chunk = rows.slice(i, i + 100);
      const values = chunk.map((_, j) => `($${j * 6 + 1}, $${j * 6 + 2}, $${j * 6 + 3}, $${j * 6 + 4}, $${j * 6 + 5}, $${j * 6 + 6})`).join(', ');
      await runRawSql(manager, `INSERT INTO relationship_snapshot (day, department_id, phase, value_tier, patients, clv) VALUES ${values}`, chunk.flat());
    }
  }
}

/** The last day of each of the `count` months before `today`'s month (oldest first). */
export function previousMonthEnds(today: number, count: number): number[] {
  const [year, month] = calendarDay(today).split('-').map(Number);
  const ends: number[] = [];
  for (let k = count; k >= 1; k -= 1) {
    // Day 0 of a month is the last day of the month before it.
    const end = new Date(Date.UTC(year, month - 1 - k + 1, 0));
    ends.push(dayNumber(end.toISOString().slice(0, 10)));
  }
  return ends;
}

/** A backfilled snapshot for each month end: what the record says each patient was then. */
export function backfillSnapshots(histories: Iterable<PatientHistory>, contexts: ReadonlyMap<number, RelationshipContext>, tallies: Map<number, SnapshotTally>): void {
  for (const history of histories) {
    for (const [day, context] of contexts) {
      if (history.since > day) continue;
      const r = relationshipAt(history, day, context);
      tallies.get(day)!.add(history.departmentId, r.phase, r.value.tier, r.clv);
    }
  }
}

/**
 * The migration between phases of each month in `months` ('YYYY-MM'), per department of the
 * patient's latest visit (0 = all): the phase on the month's first day → on its last day (today for
 * the month under way), from the recorded phase history. A patient with no phase on the first day
 * counts as `''` (entered during the month).
 */
export async function rebuildMigrationMonths(manager: EntityManager, months: readonly string[], today: string): Promise<void> {
  if (months.length === 0) return;
  const bounds = months.map((month) => {
    const first = `${month}-01`;
    const [y, m] = month.split('-').map(Number);
    const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
    return { month, first, last: last < today ? last : today };
  });
  const counts = new Map<string, number>();
  const add = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  const flush = (events: { on: string; to: string }[], department: number | null) => {
    if (events.length === 0) return;
    for (const { month, first, last } of bounds) {
      let from = '';
      let to = '';
      for (const e of events) {
        if (e.on <= first) from = e.to;
        if (e.on <= last) to = e.to;
      }
      if (to === '') continue;
      for (const d of department === null ? [0] : [0, department]) add(`${month}|${d}|${from}|${to}`);
    }
  };
  const lastDay = bounds.map((b) => b.last).sort().at(-1)!;
  const rows = (await runRawSql(
    manager,
    `SELECT c.patient_id, c.changed_on, c.to_phase, p.last_department_id FROM patient_phase_change c JOIN patient p ON p.id = c.patient_id
      WHERE c.changed_on <= $1 ORDER BY c.patient_id, c.changed_on`,
    [lastDay],
  )) as { patient_id: number; changed_on: string; to_phase: string; last_department_id: number | null }[];
  let current: number | null = null;
  let department: number | null = null;
  let events: { on: string; to: string }[] = [];
  for (const row of rows) {
    if (Number(row.patient_id) !== current) {
      flush(events, department);
      current = Number(row.patient_id);
      department = row.last_department_id === null ? null : Number(row.last_department_id);
      events = [];
    }
    events.push({ on: row.changed_on, to: row.to_phase });
  }
  flush(events, department);
  await manager.query(`DELETE FROM phase_migration_month WHERE month IN (${months.map((m) => `'${m.replace(/[^0-9-]/g, '')}'`).join(', ')})`);
  const values = [...counts].map(([key, n]) => {
    const [month, d, from, to] = key.split('|');
    return [month, Number(d), from, to, n];
  });
  for (let i = 0; i < values.length; i += 100) {
    const chunk = values.slice(i, i + 100);
    const sql = chunk.map((_, j) => `($${j * 5 + 1}, $${j * 5 + 2}, $${j * 5 + 3}, $${j * 5 + 4}, $${j * 5 + 5})`).join(', ');
    await runRawSql(manager, `INSERT INTO phase_migration_month (month, department_id, from_phase, to_phase, patients) VALUES ${sql}`, chunk.flat());
  }
}
