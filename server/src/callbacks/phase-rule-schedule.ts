import { WIN_BACK_REASON_PREFIX, type PhaseReason, type RelationshipPhase, type ValueTier } from '@huifang/shared';
import { addDays, type CalendarDay } from '@huifang/shared';
import { atCallHour, type NewCallback, type RuleSettings } from './rule-schedule';

/*
 * The relationship phases' strategies as follow-up rules (DOMAIN.md): a welcome call after a first
 * visit; a win-back call on entering decline (high priority for a high-value patient); a care call for
 * a stable patient with no contact for the rule's days. Pure: the relationship work-out names the
 * candidates, this says which call each gets, when, and under which key (unique per kind, so a second
 * working-out, or a second server instance, adds nothing).
 */

/** What the rules need to know of a patient just worked out. */
export interface PhaseRuleCandidate {
  patientId: number;
  departmentId: number | null;
  phase: RelationshipPhase;
  phaseSince: CalendarDay;
  tier: ValueTier;
  visits: number;
  firstVisitOn: CalendarDay | null;
  /** The latest visit or survey answer (a reached call is checked in SQL by the caller). */
  lastContactOn: CalendarDay | null;
  /** Decline explained by a missed expected return: the missed-revisit rule's call covers it. */
  returnOverdue: boolean;
  /** Why the patient is in their phase (PHASE_REASONS), for the win-back call's reason. */
  reasons: readonly PhaseReason[];
}

/** How far back a trigger may lie and still fire (an import of old history is not a flood of calls). */
export const PHASE_RULE_LOOKBACK_DAYS = 2;
export const CARE_LOOKBACK_DAYS = 90;

export function phaseCallbacks(rules: RuleSettings, c: PhaseRuleCandidate, today: CalendarDay, now: Date, timeZone: string): NewCallback[] {
  const base = { patientId: c.patientId, reason: null, expectedOn: null, departmentId: c.departmentId, encounterId: null, surveyResponseId: null };
  const due = (day: CalendarDay) => {
    const planned = atCallHour(day, timeZone);
    return planned < now ? now : planned;
  };
  const calls: NewCallback[] = [];
  const welcome = rules.welcome;
  if (welcome?.enabled && c.phase === 'exploration' && c.visits === 1 && c.firstVisitOn) {
    const day = addDays(c.firstVisitOn, welcome.offset);
    if (day >= addDays(today, -PHASE_RULE_LOOKBACK_DAYS)) {
      calls.push({ ...base, kind: 'welcome', priority: welcome.priority, dueAt: due(day), sourceKey: `welcome:${c.patientId}` });
    }
  }
  const winBack = rules.win_back;
  if (winBack?.enabled && c.phase === 'decline' && !c.returnOverdue && c.phaseSince >= addDays(today, -PHASE_RULE_LOOKBACK_DAYS)) {
    calls.push({
      ...base,
      kind: 'win_back',
      priority: c.tier === 'high' ? 'high' : winBack.priority,
      // The decline's reasons as codes (PHASE_REASONS), which the client words in the user's language.
      reason: `${WIN_BACK_REASON_PREFIX}${c.reasons.join(',')}`,
      dueAt: due(addDays(c.phaseSince, winBack.offset)),
      sourceKey: `decline:${c.patientId}:${c.phaseSince}`,
    });
  }
  const care = rules.care;
  if (care?.enabled && c.phase === 'stable' && c.lastContactOn) {
    const day = addDays(c.lastContactOn, care.offset);
    if (day <= today && day >= addDays(today, -CARE_LOOKBACK_DAYS)) {
      calls.push({ ...base, kind: 'care', priority: care.priority, dueAt: due(day), sourceKey: `care:${c.patientId}:${c.lastContactOn}` });
    }
  }
  return calls;
}
