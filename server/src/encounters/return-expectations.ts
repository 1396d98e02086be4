import type { EntityManager } from 'typeorm';
import { runRawSql } from '../core/database/raw-sql';
import { EncounterEntity } from './encounter.entity';

/*
 * A finished encounter with `next_visit_due` sets a return expectation. Churn (DOMAIN.md) asks, for
 * every expectation whose due date + grace fell in a period, whether the patient came back on or
 * after the due date. Answering that with a lookup per row is too slow on a million encounters, so
 * each expectation keeps its fate on the encounter row:
 * - `returned_on`: the first check-in day on or after the due date (null: not back yet);
 * - `superseded`: a later visit before the due date set a new expectation, which replaces this one.
 * The encounter service keeps both current; `backfillReturnExpectations` recomputes them in bulk.
 */

/**
 * The encounter whose expectation still stands (set, the patient not back, not replaced by a later
 * visit's), or null: what a revisit reminder or missed-revisit nudge reminds of, message or call.
 */
export async function standingExpectation(manager: EntityManager, encounterId: number): Promise<(EncounterEntity & { nextVisitDue: string }) | null> {
  const encounter = await manager.findOneBy(EncounterEntity, { id: encounterId });
  return encounter?.nextVisitDue && encounter.returnedOn === null && !encounter.superseded ? { ...encounter, nextVisitDue: encounter.nextVisitDue } : null;
}

/** A check-in on `day` fulfils the patient's expectations due on or before it. */
export async function recordReturn(manager: EntityManager, patientId: number, day: string): Promise<void> {
  await runRawSql(
    manager,
    `UPDATE encounter SET returned_on = $1
      WHERE patient_id = $2 AND next_visit_due IS NOT NULL AND next_visit_due <= $3 AND (returned_on IS NULL OR returned_on > $4)`,
    [day, patientId, day, day],
  );
}

/** A visit that sets a new expected return replaces the patient's expectations still pending at that visit. */
export async function supersedeEarlierExpectations(
  manager: EntityManager,
  encounter: { id: number; patientId: number; checkedInAt: Date; checkedInOn: string },
): Promise<void> {
  await runRawSql(
    manager,
    `UPDATE encounter SET superseded = TRUE
      WHERE patient_id = $1 AND id <> $2 AND next_visit_due IS NOT NULL AND checked_in_at < $3 AND next_visit_due > $4`,
    [encounter.patientId, encounter.id, encounter.checkedInAt, encounter.checkedInOn],
  );
}

/**
 * Recomputes every expectation's fate from the encounters (migration, demo data, bulk loads). On
 * PostgreSQL the freshly loaded table is analyzed first: without statistics the planner scans the
 * table for each row's subqueries (19 s for the demo's 7,700 encounters instead of well under 1 s).
 */
export async function backfillReturnExpectations(manager: EntityManager): Promise<void> {
  if (manager.connection.options.type === 'postgres') await manager.query('ANALYZE encounter');
  for (const sql of BACKFILL_RETURN_EXPECTATIONS) await manager.query(sql);
}

/**
 * The statement that recomputes the fates, for every expectation or only those of `patientIds` (the
 * import refreshes the patients it touched). Plain SQL, the same on SQLite and PostgreSQL. One
 * statement for both columns: each expectation row is found and rewritten once, not twice (neither
 * subquery reads a column the statement writes, so the order rows are updated in does not matter).
 */
export function returnExpectationSql(patientIds?: readonly number[]): string[] {
  const only = patientIds ? ` AND patient_id IN (${integerList(patientIds)})` : '';
  return [
    `UPDATE encounter SET
       returned_on = (
         SELECT MIN(x.checked_in_on) FROM encounter x
          WHERE x.patient_id = encounter.patient_id AND x.id <> encounter.id AND x.checked_in_on >= encounter.next_visit_due),
       superseded = (EXISTS (
         SELECT 1 FROM encounter s
          WHERE s.patient_id = encounter.patient_id AND s.id <> encounter.id AND s.next_visit_due IS NOT NULL
            AND s.checked_in_at > encounter.checked_in_at AND s.checked_in_on < encounter.next_visit_due))
     WHERE next_visit_due IS NOT NULL${only}`,
  ];
}

/** For loaders outside the app (the benchmark). */
export const BACKFILL_RETURN_EXPECTATIONS = returnExpectationSql();

/** Ids written into SQL: they come from the database, never from input, and are checked anyway. */
export function integerList(ids: readonly number[]): string {
  if (ids.length === 0 || !ids.every((id) => Number.isSafeInteger(id))) throw new Error('ids must be a non-empty list of integers');
  return ids.join(', ');
}
