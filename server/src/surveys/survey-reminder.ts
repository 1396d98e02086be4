import type { OutreachSuppressionRule, OutreachStatus } from '@huifang/shared';

const HOUR_MS = 3_600_000;

/**
 * When the one reminder of an invitation is due: `hours` after the invitation's message may first go
 * out (`firstSendableAt` of its writing: an invitation written at 22:00 goes at 08:00, and the
 * patient gets the full delay to answer), or never when reminders are off (0) or the link would have
 * expired by then.
 */
export function surveyReminderDueAt(invitation: { sendableAt: Date; expiresAt: Date }, hours: number): Date | null {
  if (hours <= 0) return null;
  const due = new Date(invitation.sendableAt.getTime() + Math.round(hours * HOUR_MS));
  return due < invitation.expiresAt ? due : null;
}

/**
 * Whether a reminder still has a reason to go at `now`: not when the survey was answered or the link
 * expired (or was revoked: an erasure sets the expiry to its moment), nor when the invitation's own
 * message never went out (suppressed or failed: a reminder of a message the patient never got makes
 * no sense, and a failed one has called the desk in already). `later` while that message is still
 * queued (being retried, or the worker behind): the reminder waits for it rather than being lost.
 */
export function surveyReminderRule(
  invitation: { usedAt: Date | null; expiresAt: Date } | null,
  invitationMessage: OutreachStatus | null,
  now: Date,
): OutreachSuppressionRule | 'later' | null {
  if (!invitation) return 'expired';
  if (invitation.usedAt) return 'answered';
  if (invitation.expiresAt <= now) return 'expired';
  if (invitationMessage === 'queued') return 'later';
  if (invitationMessage !== 'sent' && invitationMessage !== 'delivered') return 'no_invitation';
  return null;
}
