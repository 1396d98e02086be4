import type { EntityManager } from 'typeorm';
import type { OutreachKind, OutreachSuppressionRule } from '@huifang/shared';
import { EncounterEntity } from '../encounters/encounter.entity';
import { SurveyInvitationEntity } from '../surveys/survey-invitation.entity';
import { surveyReminderRule } from '../surveys/survey-reminder';
import { OutreachMessageEntity } from './outreach-message.entity';

/**
 * Messages written ahead of their time are looked at again when due (after consent): a survey
 * reminder whose survey was answered or expired, or whose invitation never reached the patient; a
 * revisit reminder or missed-revisit nudge whose expected return was met (`returned_on`) or replaced
 * by a later visit's (`superseded`, see return-expectations.ts). Null: send it.
 */
export async function noLongerWanted(
  manager: EntityManager,
  message: { kind: OutreachKind; sourceId: number | null },
  now: Date,
): Promise<OutreachSuppressionRule | null> {
  if (message.sourceId === null) return null;
  if (message.kind === 'survey_reminder') {
    const [invitation, invitationMessage] = await Promise.all([
      manager.findOne(SurveyInvitationEntity, { select: { id: true, usedAt: true, expiresAt: true }, where: { id: message.sourceId } }),
      manager.findOne(OutreachMessageEntity, { select: { id: true, status: true }, where: { idempotencyKey: `survey_invitation:${message.sourceId}` } }),
    ]);
    return surveyReminderRule(invitation, invitationMessage?.status ?? null, now);
  }
  if (message.kind === 'revisit_reminder' || message.kind === 'missed_revisit_nudge') {
    const encounter = await manager.findOne(EncounterEntity, { select: { id: true, returnedOn: true, superseded: true }, where: { id: message.sourceId } });
    return encounter && (encounter.returnedOn !== null || encounter.superseded) ? 'returned' : null;
  }
  return null;
}
