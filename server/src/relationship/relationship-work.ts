import type { EntityManager } from 'typeorm';
import { calendarDay } from './day-number';
import type { LoadedPatient } from './history-loader';
import { factsAt, valueOf } from './phase-rules';
import { phaseTimeline, relationshipAt, type Relationship, type RelationshipContext } from './relationship-at';
import { loadPhaseHistories, reconcilePhaseHistory, writeRelationships, type PhaseChangeRow, type RelationshipUpdate } from './relationship-writes';

/** A patient worked out at a day, with what changed. */
export interface WorkedOut {
  patientId: number;
  departmentId: number | null;
  relationship: Relationship;
  phaseSince: string;
  /** The phase changed today (a trigger for the phases' calls). */
  changedNow: boolean;
}

/**
 * Works out every loaded patient at `day` and writes what changed: the patient row, and the phase
 * history. The history is what the record says (phase-timeline): a visit imported with past dates,
 * or a corrected record, puts each change on the day it happened, not on the day it was learnt,
 * so the months' migration stays true; working a patient out twice changes nothing.
 */
export async function workOutAndWrite(
  manager: EntityManager,
  loaded: ReadonlyMap<number, LoadedPatient>,
  day: number,
  context: RelationshipContext,
  { recordChanged = true }: { recordChanged?: boolean } = {},
): Promise<WorkedOut[]> {
  const today = calendarDay(day);
  const worked: WorkedOut[] = [];
  const updates: RelationshipUpdate[] = [];
  const changes: PhaseChangeRow[] = [];
  const retold: number[] = [];
  for (const [patientId, { history, stored: row }] of loaded) {
    const relationship = relationshipAt(history, day, context);
    let phaseSince = row.phaseSince;
    let changedNow = false;
    // The daily pass, for a patient whose record did not change (the worker has those): without a new
    // record the phase only moves forward with time (a return falls due, a silence grows), so an
    // unchanged phase means an unchanged history, and only a changed one needs the timeline.
    if (recordChanged || phaseSince === null || row.phase !== relationship.phase) {
      const timeline = phaseTimeline(history, day, context).map(
        (event): PhaseChangeRow => ({
          patientId,
          changedOn: calendarDay(event.day),
          from: event.from,
          to: event.to,
          tier: event.day === day ? relationship.value.tier : valueOf(factsAt(history, event.day, context)).tier,
        }),
      );
      changes.push(...timeline);
      retold.push(patientId);
      phaseSince = timeline.at(-1)?.changedOn ?? today;
      changedNow = timeline.at(-1)?.changedOn === today && row.phase !== relationship.phase;
    }
    const since = phaseSince ?? today;
    worked.push({ patientId, departmentId: history.departmentId, relationship, phaseSince: since, changedNow });
    const next = { patientId, phase: relationship.phase, phaseSince: since, valueScore: relationship.value.score, valueTier: relationship.value.tier, clv: relationship.clv };
    const same =
      row.phase === next.phase && row.phaseSince === next.phaseSince && row.valueScore === next.valueScore && row.valueTier === next.valueTier && row.clv === next.clv;
    if (!same) updates.push(next);
  }
  await reconcilePhaseHistory(manager, await loadPhaseHistories(manager, retold), changes);
  await writeRelationships(manager, updates);
  return worked;
}
