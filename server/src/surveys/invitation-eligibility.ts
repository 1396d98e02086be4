import { calendarDayOf, type CalendarDay, type SurveyOffer } from '@huifang/shared';

const DAY_MS = 86_400_000;

/** Invitations are spaced out: a patient invited after this instant is not invited again yet. */
export function invitationCutoff(now: Date, surveyMinDays: number): Date {
  return new Date(now.getTime() - surveyMinDays * DAY_MS);
}

/** When a patient last invited at `last` may be invited again. */
export function nextInvitationPossibleAt(last: Date, surveyMinDays: number): Date {
  return new Date(last.getTime() + surveyMinDays * DAY_MS);
}

/** The hospital's calendar day from which a patient last invited at `last` may be invited again. */
export function nextInvitationDay(last: Date, surveyMinDays: number, timeZone: string): CalendarDay {
  return calendarDayOf(nextInvitationPossibleAt(last, surveyMinDays), timeZone);
}

/**
 * The rule POST /api/survey-invitations enforces (consent, then spacing), read without claiming the
 * slot: the desk is offered the invitation only when it would be accepted.
 */
export function surveyOffer(
  patient: { consentSurveys: boolean | null; lastSurveyInvitedAt: Date | null },
  now: Date,
  surveyMinDays: number,
  timeZone: string,
): SurveyOffer {
  if (patient.consentSurveys === false) return { possible: false, reason: 'declined', nextPossibleAt: null, nextAllowedDay: null };
  const last = patient.lastSurveyInvitedAt;
  if (last && last >= invitationCutoff(now, surveyMinDays)) {
    return {
      possible: false,
      reason: 'too_soon',
      nextPossibleAt: nextInvitationPossibleAt(last, surveyMinDays).toISOString(),
      nextAllowedDay: nextInvitationDay(last, surveyMinDays, timeZone),
    };
  }
  return { possible: true };
}
