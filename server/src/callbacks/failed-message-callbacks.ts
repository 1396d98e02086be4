import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { OPEN_CALLBACK_STATUSES, SYSTEM_CALLBACK_REASONS, type CallbackKind, type OutreachKind, type OutreachSuppressionRule } from '@huifang/shared';
import { standingExpectation } from '../encounters/return-expectations';
import { PatientEntity } from '../patients/patient.entity';
import { SurveyInvitationEntity } from '../surveys/survey-invitation.entity';
import { isCallable } from './callable-patient';
import { CallbackEntity } from './callback.entity';
import { FollowUpRulesService } from './follow-up-rules.service';
import { insertCallbacks } from './insert-callbacks';
import type { NewCallback } from './rule-schedule';

/**
 * The call that stands in for a message that failed for good: a revisit reminder becomes the desk's
 * `revisit_reminder` call; a survey invitation or reminder a `manual` call to ask about the visit.
 * None for a missed-revisit nudge (its `missed_revisit` call was opened with it) nor for a callback
 * appointment (the call it announced exists).
 */
const CALLBACK_FOR_FAILED_MESSAGE: Readonly<Record<OutreachKind, CallbackKind | null>> = {
  survey_invitation: 'manual',
  survey_reminder: 'manual',
  revisit_reminder: 'revisit_reminder',
  missed_revisit_nudge: null,
  callback_appointment: null,
};

/**
 * The kind of call a message's end opens, or null. Failed for good: as above. Suppressed at
 * delivery: only a revisit reminder that reached no one (`unreachable`: its address was removed
 * meanwhile) is left to the desk's call, as one the outbox could not send at enqueue is
 * (revisit-reminders.ts); every other rule means the message is not wanted, and a survey message
 * that reaches no one opens no call at enqueue either.
 */
export function callbackKindFor(kind: OutreachKind, outcome: 'failed' | OutreachSuppressionRule): CallbackKind | null {
  if (outcome === 'failed') return CALLBACK_FOR_FAILED_MESSAGE[kind];
  return outcome === 'unreachable' && kind === 'revisit_reminder' ? 'revisit_reminder' : null;
}

export interface FailedMessage {
  kind: OutreachKind;
  patientId: number;
  /** The causing record: the survey invitation (survey_*) or the encounter (revisit_reminder). */
  sourceId: number | null;
}

/**
 * Opens that call in the transaction that records the message's end, for a patient who may be called
 * (a number, follow-up calls not declined), unless they have an open call of that kind already. One
 * per causing record whatever happens: the source key is the reminder's own (`encounter:<id>`, as the
 * rule's), or the invitation's for both survey messages (`survey_invitation:<id>`).
 */
@Injectable()
export class FailedMessageCallbacks {
  constructor(private readonly rules: FollowUpRulesService) {}

  /** A message failed for good: the id of the callback opened, or null. */
  onFailed(manager: EntityManager, message: FailedMessage, now: Date): Promise<number | null> {
    return this.open(manager, message, 'failed', now);
  }

  /** A message suppressed at delivery: the id of the callback opened, or null. */
  onSuppressed(manager: EntityManager, message: FailedMessage, rule: OutreachSuppressionRule, now: Date): Promise<number | null> {
    return this.open(manager, message, rule, now);
  }

  private async open(manager: EntityManager, message: FailedMessage, outcome: 'failed' | OutreachSuppressionRule, now: Date): Promise<number | null> {
    const kind = callbackKindFor(message.kind, outcome);
    if (kind === null || message.sourceId === null) return null;
    const patient = await manager.findOne(PatientEntity, { select: { id: true, phone: true, consentCalls: true }, where: { id: message.patientId } });
    if (!patient || !isCallable(patient)) return null;
    if (await manager.exists(CallbackEntity, { where: { patientId: patient.id, kind, status: In([...OPEN_CALLBACK_STATUSES]) } })) return null;
    const callback = kind === 'revisit_reminder' ? await this.revisitCall(manager, message.sourceId, patient.id, now) : await this.surveyCall(manager, message.sourceId, patient.id, now);
    if (!callback || (await manager.exists(CallbackEntity, { where: { kind: callback.kind, sourceKey: callback.sourceKey } }))) return null;
    await insertCallbacks(manager, [callback]);
    const opened = await manager.findOne(CallbackEntity, { select: { id: true }, where: { kind: callback.kind, sourceKey: callback.sourceKey } });
    return opened?.id ?? null;
  }

  /** The rule's reminder call, due now; none when the expected return was met or replaced meanwhile. */
  private async revisitCall(manager: EntityManager, encounterId: number, patientId: number, now: Date): Promise<NewCallback | null> {
    const encounter = await standingExpectation(manager, encounterId);
    if (!encounter) return null;
    const settings = await this.rules.settings(manager);
    return {
      patientId,
      kind: 'revisit_reminder',
      priority: settings.revisit_reminder.priority,
      dueAt: now,
      reason: null,
      sourceKey: `encounter:${encounter.id}`,
      expectedOn: encounter.nextVisitDue,
      departmentId: encounter.departmentId,
      encounterId: encounter.id,
      surveyResponseId: null,
    };
  }

  /** A call to ask about the visit, due now; none once the survey was answered after all. */
  private async surveyCall(manager: EntityManager, invitationId: number, patientId: number, now: Date): Promise<NewCallback | null> {
    const invitation = await manager.findOneBy(SurveyInvitationEntity, { id: invitationId });
    if (!invitation || invitation.usedAt) return null;
    return {
      patientId,
      kind: 'manual',
      priority: 'normal',
      dueAt: now,
      reason: SYSTEM_CALLBACK_REASONS.surveyMessageFailed,
      sourceKey: `survey_invitation:${invitation.id}`,
      expectedOn: null,
      departmentId: invitation.departmentId,
      encounterId: invitation.encounterId,
      surveyResponseId: null,
    };
  }
}
