import { PHASE_THRESHOLDS, VALUE_TERM_WEIGHTS, valueTierOf, type PhaseReason, type RelationshipPhase, type RelationshipStatus, type ValueBreakdown, type ValueTier } from '@huifang/shared';
import { isNpsDetractor } from '@huifang/shared';
import type { EncounterFact, PatientHistory, ResponseFact } from './patient-history';

/*
 * DOMAIN.md, "Relationship phases and patient value", as pure functions of a patient's history at a
 * day D (a day number). Everything on or before D counts, nothing after it: the current phase is
 * worked out at today, the early-warning evaluation at the day before its cut date, the history at
 * each day something could change.
 */

/** DOMAIN.md's thresholds, in shared/ (the patient page explains with them). */
const {
  declineMinDays: DECLINE_MIN_DAYS,
  declineGapFactor: DECLINE_GAP_FACTOR,
  declineMinVisits: DECLINE_MIN_VISITS,
  stableMinVisits: STABLE_MIN_VISITS,
  stableMinDays: STABLE_MIN_DAYS,
  stableMinKeptShare: STABLE_MIN_KEPT_SHARE,
  stableMinNps: STABLE_MIN_NPS,
  frequencyCap: FREQUENCY_CAP,
} = PHASE_THRESHOLDS;

export interface PhaseRuleSettings {
  /** Days after an expected return before a patient who has not come back counts as lapsed. */
  graceDays: number;
}

/** The facts at D that the phase and the value score are decided on. */
export interface RelationshipFacts {
  day: number;
  visits: EncounterFact[];
  visitsLast365Days: number;
  daysSinceLastVisit: number | null;
  medianGapDays: number | null;
  dueExpectations: number;
  keptExpectations: number;
  lastReturnDaysLate: number | null;
  latestNps: ResponseFact | null;
  /** The latest NPS answer came after the patient's second visit began. */
  latestNpsAfterSecondVisit: boolean;
  status: RelationshipStatus;
  /** An expected return has passed without the patient coming back (the missed-revisit rule's case). */
  returnOverdue: boolean;
  outcomeReached: boolean;
}

export interface PhaseVerdict {
  phase: RelationshipPhase;
  reasons: PhaseReason[];
}

export interface ValueVerdict {
  score: number;
  tier: ValueTier;
  terms: ValueBreakdown;
}

export function factsAt(history: PatientHistory, day: number, settings: PhaseRuleSettings): RelationshipFacts {
  const encounters = history.encounters.filter((e) => e.day <= day);
  const visits = encounters.filter((e) => e.finished);
  const responses = history.responses.filter((r) => r.day <= day);
  const npsAnswers = responses.filter((r) => r.nps !== null);
  const latestNps = npsAnswers.at(-1) ?? null;
  const lastVisit = visits.at(-1);
  const expectations = expectationsAt(encounters, visits, day, settings.graceDays);
  return {
    day,
    visits,
    visitsLast365Days: visits.filter((v) => v.day > day - 365).length,
    daysSinceLastVisit: lastVisit ? day - lastVisit.day : null,
    medianGapDays: medianGap(visits),
    ...expectations,
    latestNps,
    latestNpsAfterSecondVisit: latestNps !== null && visits.length >= 2 && latestNps.at > visits[1].at,
    status: statusAt(encounters, visits, responses, day, settings.graceDays),
    returnOverdue: returnOverdue(encounters, visits, day),
    outcomeReached: history.outcomeDay !== null && history.outcomeDay <= day,
  };
}

/**
 * DOMAIN.md's relationship status at D, from the history (the patient list works it out in SQL from
 * the patient row, relationship-status.ts; the two agree on a record kept by the app): the expected
 * return in force is the latest visit's that named one; a check-in on or after it is a return.
 */
export function statusAt(
  encounters: readonly EncounterFact[],
  visits: readonly EncounterFact[],
  responses: readonly ResponseFact[],
  day: number,
  graceDays: number,
): RelationshipStatus {
  const due = unreturnedDue(encounters, visits);
  if (due !== null && due < day - graceDays) return 'lapsed';
  const latest = responses.at(-1);
  if ((due !== null && due < day) || (latest !== undefined && isNpsDetractor(latest.nps))) return 'at_risk';
  return 'active';
}

/** The expected return in force (the latest visit's that named one) while no check-in came on or after it. */
function unreturnedDue(encounters: readonly EncounterFact[], visits: readonly EncounterFact[]): number | null {
  const inForce = [...visits].reverse().find((v) => v.due !== null)?.due ?? null;
  const lastCheckIn = encounters.at(-1)?.day ?? null;
  return inForce !== null && (lastCheckIn === null || lastCheckIn < inForce) ? inForce : null;
}

function returnOverdue(encounters: readonly EncounterFact[], visits: readonly EncounterFact[], day: number): boolean {
  const due = unreturnedDue(encounters, visits);
  return due !== null && due < day;
}

/**
 * Return expectations (each visit's `nextVisitDue`): due once due + grace < D; kept when the patient
 * checked in after the visit that set it, on or before due + grace.
 */
function expectationsAt(encounters: readonly EncounterFact[], visits: readonly EncounterFact[], day: number, graceDays: number) {
  let dueExpectations = 0;
  let keptExpectations = 0;
  let lastReturnDaysLate: number | null = null;
  for (const visit of visits) {
    if (visit.due === null) continue;
    const due = visit.due;
    const returned = encounters.find((e) => e.at > visit.at);
    if (due + graceDays < day) {
      dueExpectations += 1;
      if (returned && returned.day <= due + graceDays) keptExpectations += 1;
    }
    if (returned && due <= day) lastReturnDaysLate = returned.day - due;
  }
  return { dueExpectations, keptExpectations, lastReturnDaysLate };
}

/** Median (nearest rank, DOMAIN.md Statistics) of the days between consecutive visits. */
function medianGap(visits: readonly EncounterFact[]): number | null {
  if (visits.length < 2) return null;
  const gaps = visits
    .slice(1)
    .map((v, i) => v.day - visits[i].day)
    .sort((a, b) => a - b);
  return gaps[Math.ceil(gaps.length / 2) - 1];
}

export function phaseOf(facts: RelationshipFacts): PhaseVerdict {
  const decline: PhaseReason[] = [];
  if (facts.status === 'lapsed') decline.push('status_lapsed');
  if (facts.status === 'at_risk') decline.push('status_at_risk');
  if (
    facts.visits.length >= DECLINE_MIN_VISITS &&
    facts.daysSinceLastVisit !== null &&
    facts.daysSinceLastVisit > DECLINE_MIN_DAYS &&
    facts.daysSinceLastVisit > DECLINE_GAP_FACTOR * (facts.medianGapDays ?? 0)
  ) {
    decline.push('visits_stopped');
  }
  if (facts.latestNpsAfterSecondVisit && isNpsDetractor(facts.latestNps?.nps ?? null)) decline.push('detractor_after_second_visit');
  if (decline.length > 0) return { phase: 'decline', reasons: decline };
  if (facts.visits.length < 2) return { phase: 'exploration', reasons: ['fewer_than_two_visits'] };
  const keptShare = facts.dueExpectations === 0 ? 1 : facts.keptExpectations / facts.dueExpectations;
  const stable =
    facts.visits.length >= STABLE_MIN_VISITS &&
    facts.visits[0].day <= facts.day - STABLE_MIN_DAYS &&
    keptShare >= STABLE_MIN_KEPT_SHARE &&
    (facts.latestNps === null || (facts.latestNps.nps ?? 0) >= STABLE_MIN_NPS);
  return stable ? { phase: 'stable', reasons: ['stable_record'] } : { phase: 'development', reasons: ['developing'] };
}

/**
 * 35 × min(F, 6) / 6 + 25 × A + 20 × S + 20 × O, one decimal (DOMAIN.md). A patient who has not
 * visited yet has value 0 (issue #14), not the neutral adherence and satisfaction terms.
 */
export function valueOf(facts: RelationshipFacts): ValueVerdict {
  if (facts.visits.length === 0) return { score: 0, tier: 'low', terms: { frequency: 0, adherence: 0, satisfaction: 0, outcome: 0 } };
  const adherence = facts.dueExpectations === 0 ? 0.5 : facts.keptExpectations / facts.dueExpectations;
  const satisfaction = facts.latestNps === null ? 0.7 : (facts.latestNps.nps ?? 0) / 10;
  const w = VALUE_TERM_WEIGHTS;
  const frequency = (w.frequency * Math.min(facts.visitsLast365Days, FREQUENCY_CAP)) / FREQUENCY_CAP;
  const outcome = facts.outcomeReached ? w.outcome : 0;
  const terms: ValueBreakdown = {
    frequency: oneDecimal(frequency),
    adherence: oneDecimal(w.adherence * adherence),
    satisfaction: oneDecimal(w.satisfaction * satisfaction),
    outcome,
  };
  const score = oneDecimal(frequency + w.adherence * adherence + w.satisfaction * satisfaction + outcome);
  return { score, tier: valueTierOf(score), terms };
}

/** Rounded half away from zero at one decimal, without binary fractions tipping 69.95 to 69.9. */
export function oneDecimal(value: number): number {
  return Math.round(Number((value * 10).toPrecision(12))) / 10;
}
