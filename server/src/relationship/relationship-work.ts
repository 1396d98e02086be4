import type { EntityManager } from 'typeorm';
import { calendarDayOf } from '@huifang/shared';
import { calendarDay } from './day-number';
import type { LoadedPatient } from './history-loader';
import { valueOf, factsAt } from './phase-rules';
import { phaseTimeline, relationshipAt, type Relationship, type RelationshipContext } from './relationship-at';
import { phaseSinceFromHistory, recordPhaseChanges, writeRelationships, type PhaseChangeRow, type RelationshipUpdate } from './relationship-writes';

/** A patient worked out at a day, with what changed. */
export interface WorkedOut {
  patientId: number;
  departmentId: number | null;
  relationship: Relationship;
  phaseSince: string;
  /** The phase changed now (not only in a history worked out for a patient seen the first time). */
  changedNow: boolean;
}

/**
 * Works out every loaded patient at `day` and writes what changed: the patient row, and the phase
 * history. A patient seen for the first time (no `phase_since` yet) gets their whole history worked
 * out from the record, so the migration between phases can be counted for past months too.
 */
export async function workOutAndWrite(
  manager: EntityManager,
  loaded: ReadonlyMap<number, LoadedPatient>,
  day: number,
  context: RelationshipContext,
): Promise<WorkedOut[]> {
  const today = calendarDay(day);
  const changes: PhaseChangeRow[] = [];
  const worked: WorkedOut[] = [];
  for (const [patientId, { history, stored }] of loaded) {
    const relationship = relationshipAt(history, day, context);
    let phaseSince = stored.phaseSince ?? today;
    let changedNow = false;
    if (stored.phaseSince === null) {
      const timeline = phaseTimeline(history, day, context);
      for (const event of timeline) {
        const tier = event.day === day ? relationship.value.tier : valueOf(factsAt(history, event.day, context)).tier;
        changes.push({ patientId, changedOn: calendarDay(event.day), from: event.from, to: event.to, tier });
      }
      phaseSince = calendarDay(timeline.at(-1)?.day ?? day);
      changedNow = timeline.at(-1)?.day === day;
    } else if (relationship.phase !== stored.phase) {
      changes.push({ patientId, changedOn: today, from: stored.phase, to: relationship.phase, tier: relationship.value.tier });
      phaseSince = today;
      changedNow = true;
    }
    worked.push({ patientId, departmentId: history.departmentId, relationship, phaseSince, changedNow });
  }
  await recordPhaseChanges(manager, changes);
  // A day whose changes cancelled out left no row: the phase began at the last recorded change.
  const changedToday = worked.filter((w) => w.changedNow && loaded.get(w.patientId)?.stored.phaseSince !== null);
  const since = await phaseSinceFromHistory(
    manager,
    changedToday.map((w) => w.patientId),
  );
  for (const w of changedToday) w.phaseSince = since.get(w.patientId) ?? w.phaseSince;

  const updates: RelationshipUpdate[] = [];
  for (const w of worked) {
    const { stored } = loaded.get(w.patientId) as LoadedPatient;
    const next = {
      patientId: w.patientId,
      phase: w.relationship.phase,
      phaseSince: w.phaseSince,
      valueScore: w.relationship.value.score,
      valueTier: w.relationship.value.tier,
      clv: w.relationship.clv,
    };
    const same =
      stored.phase === next.phase &&
      stored.phaseSince === next.phaseSince &&
      stored.valueScore === next.valueScore &&
      stored.valueTier === next.valueTier &&
      stored.clv === next.clv;
    if (!same) updates.push(next);
  }
  await writeRelationships(manager, updates);
  return worked;
}

/** Today as a day number in the hospital's zone. */
export function todayNumber(now: Date, timeZone: string): number {
  return Math.round(Date.parse(`${calendarDayOf(now, timeZone)}T00:00:00Z`) / 86_400_000);
}
