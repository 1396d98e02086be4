import type { CallbackKind, CallbackPriority, FollowUpRuleKey } from '@huifang/shared';
import { CALL_HOUR, addDays, atLocalHour, calendarDayOf, type CalendarDay } from '@huifang/shared';

/*
 * When each rule's callback falls due, and the key of the trigger that makes it unique. Pure, so the
 * live firing and the demo seeder (which replays the rules over the demo history) share it.
 */

export interface RuleSetting {
  enabled: boolean;
  offset: number;
  priority: CallbackPriority;
}

export type RuleSettings = Readonly<Record<FollowUpRuleKey, RuleSetting>>;

export interface NewCallback {
  patientId: number;
  kind: CallbackKind;
  priority: CallbackPriority;
  dueAt: Date;
  reason: string | null;
  sourceKey: string;
  expectedOn: string | null;
  departmentId: number | null;
  encounterId: number | null;
  surveyResponseId: number | null;
}

export function atCallHour(day: CalendarDay, timeZone: string): Date {
  return atLocalHour(day, CALL_HOUR, timeZone);
}

/** The next Monday-to-Friday after `now`'s day, at the call hour (DOMAIN.md: no answer → next working day). */
export function nextWorkingDay(now: Date, timeZone: string): Date {
  let day = addDays(calendarDayOf(now, timeZone), 1);
  while ([0, 6].includes(new Date(`${day}T12:00:00Z`).getUTCDay())) day = addDays(day, 1);
  return atCallHour(day, timeZone);
}

/** Entering rehabilitation: a post-treatment call and a rehabilitation check. */
export function rehabilitationCallbacks(
  rules: RuleSettings,
  trigger: { transitionId: number; patientId: number; at: Date; departmentId: number | null },
  timeZone: string,
): NewCallback[] {
  const day = calendarDayOf(trigger.at, timeZone);
  return (['post_treatment', 'rehab_check'] as const)
    .filter((key) => rules[key].enabled)
    .map((key) => ({
      patientId: trigger.patientId,
      kind: key,
      priority: rules[key].priority,
      dueAt: atCallHour(addDays(day, rules[key].offset), timeZone),
      reason: null,
      sourceKey: `transition:${trigger.transitionId}`,
      expectedOn: null,
      departmentId: trigger.departmentId,
      encounterId: null,
      surveyResponseId: null,
    }));
}

/** A visit that set an expected return date: a reminder some days before it (or now, if that is past). */
export function revisitReminder(
  rules: RuleSettings,
  trigger: { encounterId: number; patientId: number; departmentId: number; nextVisitDue: CalendarDay; now: Date },
  timeZone: string,
): NewCallback | null {
  const rule = rules.revisit_reminder;
  if (!rule.enabled) return null;
  const planned = atCallHour(addDays(trigger.nextVisitDue, -rule.offset), timeZone);
  return {
    patientId: trigger.patientId,
    kind: 'revisit_reminder',
    priority: rule.priority,
    dueAt: planned < trigger.now ? trigger.now : planned,
    reason: null,
    sourceKey: `encounter:${trigger.encounterId}`,
    expectedOn: trigger.nextVisitDue,
    departmentId: trigger.departmentId,
    encounterId: trigger.encounterId,
    surveyResponseId: null,
  };
}

/** A detractor response: a high-priority recovery call within the rule's hours. */
export function serviceRecovery(
  rules: RuleSettings,
  trigger: { responseId: number; patientId: number; encounterId: number; departmentId: number; submittedAt: Date; reason: string },
): NewCallback | null {
  const rule = rules.service_recovery;
  if (!rule.enabled) return null;
  return {
    patientId: trigger.patientId,
    kind: 'service_recovery',
    priority: rule.priority,
    dueAt: new Date(trigger.submittedAt.getTime() + rule.offset * 3_600_000),
    reason: trigger.reason,
    sourceKey: `response:${trigger.responseId}`,
    expectedOn: null,
    departmentId: trigger.departmentId,
    encounterId: trigger.encounterId,
    surveyResponseId: trigger.responseId,
  };
}

/** The key that makes one missed expected return produce one win-back call, however often the job runs. */
export function missedRevisitKey(patientId: number, nextVisitDue: CalendarDay): string {
  return `due:${patientId}:${nextVisitDue}`;
}
