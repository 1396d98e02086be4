import { MoreThan, type EntityManager } from 'typeorm';
import type { OutreachKind, OutreachSuppressionRule } from '@huifang/shared';
import { appointmentRule } from '../callbacks/callback-appointments';
import { CallbackEntity } from '../callbacks/callback.entity';
import { standingExpectation } from '../encounters/return-expectations';
import { SurveyInvitationEntity } from '../surveys/survey-invitation.entity';
import { surveyReminderRule } from '../surveys/survey-reminder';
import { OutreachMessageEntity } from './outreach-message.entity';

/** At delivery: send it (null), suppress it with the rule, or `later`: not yet, due again a little later. */
export type StillWanted = OutreachSuppressionRule | 'later' | null;

/**
 * Messages written ahead of their time are looked at again when due (after consent): a survey
 * reminder whose survey was answered or expired, or whose invitation never reached the patient (one
 * still queued makes it wait: `later`); a revisit reminder or missed-revisit nudge whose expected
 * return was met or replaced by a later visit's (`returned`, return-expectations.ts); a callback
 * appointment whose call was closed, or announced again with a new time (callback-appointments.ts).
 */
export async function noLongerWanted(manager: EntityManager, message: { id: number; kind: OutreachKind; sourceId: number | null }, now: Date): Promise<StillWanted> {
  if (message.sourceId === null) return null;
  switch (message.kind) {
    case 'survey_reminder': {
      const [invitation, invitationMessage] = await Promise.all([
        manager.findOne(SurveyInvitationEntity, { select: { id: true, usedAt: true, expiresAt: true }, where: { id: message.sourceId } }),
        manager.findOne(OutreachMessageEntity, { select: { id: true, status: true }, where: { idempotencyKey: `survey_invitation:${message.sourceId}` } }),
      ]);
      return surveyReminderRule(invitation, invitationMessage?.status ?? null, now);
    }
    case 'revisit_reminder':
    case 'missed_revisit_nudge':
      return (await standingExpectation(manager, message.sourceId)) ? null : 'returned';
    case 'callback_appointment': {
      const [callback, announcedAgain] = await Promise.all([
        manager.findOne(CallbackEntity, { select: { id: true, status: true }, where: { id: message.sourceId } }),
        manager.exists(OutreachMessageEntity, { where: { kind: 'callback_appointment', sourceId: message.sourceId, id: MoreThan(message.id) } }),
      ]);
      return appointmentRule(callback?.status ?? null, announcedAgain);
    }
    case 'survey_invitation':
      return null;
  }
}
