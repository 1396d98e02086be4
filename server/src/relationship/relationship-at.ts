import type { RelationshipPhase } from '@huifang/shared';
import { clvOf, type ChargeMeans, type RetentionByPhase } from './clv';
import type { PatientHistory } from './patient-history';
import { factsAt, phaseOf, valueOf, type PhaseRuleSettings, type PhaseVerdict, type RelationshipFacts, type ValueVerdict } from './phase-rules';

export interface RelationshipContext extends PhaseRuleSettings {
  retention: RetentionByPhase;
  chargeMeans: ChargeMeans;
  /** d of the CLV formula (0.08 = 8 %). */
  discountRate: number;
}

export interface Relationship extends PhaseVerdict {
  value: ValueVerdict;
  clv: number;
  facts: RelationshipFacts;
}

/** A patient's phase, value and CLV at `day` (a day number), from their history up to it. */
export function relationshipAt(history: PatientHistory, day: number, context: RelationshipContext): Relationship {
  const facts = factsAt(history, day, context);
  const verdict = phaseOf(facts);
  const clv = clvOf(history, { day, visitsLast365Days: facts.visitsLast365Days, phase: verdict.phase }, context.retention, context.chargeMeans, context.discountRate);
  return { ...verdict, value: valueOf(facts), clv, facts };
}

export interface PhaseEvent {
  day: number;
  from: RelationshipPhase | null;
  to: RelationshipPhase;
}

/**
 * The days a phase can change on: where a visit, a check-in, an answer, an expectation falling due or
 * lapsing, a year since the first visit, or a silence growing past the decline threshold changes what
 * the rules see. Between two of them every input of the phase rules stays the same.
 */
function changeDays(history: PatientHistory, graceDays: number): number[] {
  const days = new Set<number>([history.since]);
  const visits: number[] = [];
  for (const e of history.encounters) {
    days.add(e.day);
    if (!e.finished) continue;
    visits.push(e.day);
    if (e.due !== null) {
      days.add(e.due + 1);
      days.add(e.due + graceDays + 1);
    }
  }
  for (const r of history.responses) days.add(r.day);
  if (visits.length > 0) days.add(visits[0] + 365);
  // After each visit from the third on, the day its silence passes max(60, 2 × median gap so far).
  for (let k = 2; k < visits.length; k += 1) {
    const gaps = visits
      .slice(1, k + 1)
      .map((v, i) => v - visits[i])
      .sort((a, b) => a - b);
    const threshold = Math.max(60, 2 * gaps[Math.ceil(gaps.length / 2) - 1]);
    days.add(visits[k] + threshold + 1);
  }
  return [...days].sort((a, b) => a - b);
}

/** Every phase change from the patient's first known day to `until` (inclusive), oldest first. */
export function phaseTimeline(history: PatientHistory, until: number, settings: PhaseRuleSettings): PhaseEvent[] {
  const events: PhaseEvent[] = [];
  let current: RelationshipPhase | null = null;
  for (const day of changeDays(history, settings.graceDays)) {
    if (day > until) break;
    if (day < history.since) continue;
    const { phase } = phaseOf(factsAt(history, day, settings));
    if (phase !== current) events.push({ day, from: current, to: phase });
    current = phase;
  }
  return events;
}
