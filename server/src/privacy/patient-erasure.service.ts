import { Injectable } from '@nestjs/common';
import { In, IsNull, type EntityManager } from 'typeorm';
import type { ErasureReason, PatientErasure } from '@huifang/shared';
import type { AuditContext } from '../audit/audit-context.decorator';
import { AuditService } from '../audit/audit.service';
import { CallbackAttemptEntity } from '../callbacks/callback-attempt.entity';
import { CallbackEntity } from '../callbacks/callback.entity';
import { WriteTransaction } from '../core/database/write-transaction';
import { OutreachMessageEntity } from '../outreach/outreach-message.entity';
import { PatientEntity } from '../patients/patient.entity';
import { StageTransitionEntity } from '../patients/stage-transition.entity';
import { SurveyAnswerEntity } from '../surveys/survey-answer.entity';
import { SurveyInvitationEntity } from '../surveys/survey-invitation.entity';
import { CommentSearchTermEntity } from '../surveys/themes/comment-search-term.entity';
import { ResponseThemeEntity } from '../surveys/themes/response-theme.entity';
import { SurveyResponseEntity } from '../surveys/survey-response.entity';
import { patientNotFound } from '../patients/patient-not-found';
import { eraseImportTraces } from './erase-import-traces';

/** The pseudonym an erased patient keeps: unique per id, so the (phone, name) unique index holds. */
export const erasedName = (id: number) => `已删除 #${id}`;

/**
 * Erases one patient's personal data (PIPL art. 47) in one transaction, keeping every fact the
 * indicators count: visits, waits, scores, transitions and completed calls stay; what could identify
 * the person goes. Name becomes a pseudonym, phone is emptied, birth date, gender and note are
 * cleared, consent is withdrawn; free text that may name them (survey comments and text answers,
 * transition reasons, callback reasons and notes, attempt notes) is removed; open survey links are
 * revoked, calls still to make cancelled and messages still to send suppressed; the keys imports found them by go (erase-import-traces.ts). Idempotent: the first erasure wins, later ones change
 * nothing. The audit log keeps that it happened, with the legal ground and the counts only.
 */
@Injectable()
export class PatientErasureService {
  constructor(
    private readonly writes: WriteTransaction,
    private readonly audit: AuditService,
  ) {}

  erase(patientId: number, reason: ErasureReason, context: AuditContext): Promise<PatientErasure> {
    return this.writes.run(async (manager) => {
      const now = new Date();
      // Conditional: of two erasures at once only one finds the patient not yet erased.
      const claimed = await manager.update(PatientEntity, { id: patientId, erasedAt: IsNull() }, { erasedAt: now });
      if (!claimed.affected) {
        const patient = await manager.findOneBy(PatientEntity, { id: patientId });
        if (!patient) throw patientNotFound(patientId);
        return { patientId, erasedAt: (patient.erasedAt ?? now).toISOString(), alreadyErased: true, cancelledCallbacks: 0, revokedInvitations: 0 };
      }
      const person = await manager.findOneOrFail(PatientEntity, { where: { id: patientId }, select: { id: true, name: true, phone: true } });
      await eraseImportTraces(manager, patientId, person);
      await erasePatientRow(manager, patientId, context.actor.id, now);
      const revokedInvitations = await revokeOpenInvitations(manager, patientId, now);
      const cancelledCallbacks = await eraseCallbacks(manager, patientId, now);
      await eraseMessages(manager, patientId);
      await eraseFreeText(manager, patientId);
      await this.audit.record(
        context,
        {
          action: 'patient.erase',
          entityType: 'patient',
          entityId: patientId,
          patientId,
          detail: JSON.stringify({ reason, cancelledCallbacks, revokedInvitations }),
        },
        manager,
      );
      return { patientId, erasedAt: now.toISOString(), alreadyErased: false, cancelledCallbacks, revokedInvitations };
    });
  }
}

async function erasePatientRow(manager: EntityManager, patientId: number, staffId: number, now: Date): Promise<void> {
  await manager.update(PatientEntity, { id: patientId }, {
    name: erasedName(patientId),
    phone: '',
    email: null,
    gender: 'unknown',
    birthDate: null,
    note: null,
    consentCalls: false,
    consentCallsAt: now,
    consentCallsBy: staffId,
    consentSurveys: false,
    consentSurveysAt: now,
    consentSurveysBy: staffId,
    // The language they answered in says something about the person too.
    preferredLanguage: null,
    updatedAt: now,
  });
}

/** Links not yet answered stop working at once (the public form then answers "expired"); no link keeps a language. */
async function revokeOpenInvitations(manager: EntityManager, patientId: number, now: Date): Promise<number> {
  const result = await manager
    .createQueryBuilder()
    .update(SurveyInvitationEntity)
    .set({ expiresAt: now })
    .where('patient_id = :patientId AND used_at IS NULL AND expires_at > :now', { patientId, now })
    .execute();
  // Every link of theirs, answered or not, forgets the language it was sent in.
  await manager.update(SurveyInvitationEntity, { patientId }, { language: null });
  return result.affected ?? 0;
}

/**
 * Messages not yet sent (a reminder may wait for days) are suppressed, `erased` (the outbox tells an
 * erasure from the patient's own opt-out), and no message keeps its text: it names the patient (a
 * failed one kept it for a retry).
 */
async function eraseMessages(manager: EntityManager, patientId: number): Promise<void> {
  await manager.update(OutreachMessageEntity, { patientId, status: 'queued' }, { status: 'suppressed', reason: 'erased', claimedUntil: null, claimedBy: null });
  await manager.update(OutreachMessageEntity, { patientId }, { subject: '', body: '' });
}

/** Calls not yet made are cancelled (completed and failed ones keep counting); their free text goes. */
async function eraseCallbacks(manager: EntityManager, patientId: number, now: Date): Promise<number> {
  const cancelled = await manager
    .createQueryBuilder()
    .update(CallbackEntity)
    .set({ status: 'cancelled', cancelReason: 'patient erased', claimedBy: null, claimExpiresAt: null, updatedAt: now })
    .where("patient_id = :patientId AND status IN ('pending', 'claimed')", { patientId })
    .execute();
  await manager.update(CallbackEntity, { patientId }, { reason: null, note: null });
  // Staff's earlier cancel reasons are free text too ("moved to her daughter's in Hangzhou").
  await manager.update(CallbackEntity, { patientId, status: 'cancelled' }, { cancelReason: 'patient erased' });
  const callbackIds = (await manager.find(CallbackEntity, { select: { id: true }, where: { patientId } })).map((c) => c.id);
  if (callbackIds.length) await manager.update(CallbackAttemptEntity, { callbackId: In(callbackIds) }, { note: null });
  return cancelled.affected ?? 0;
}

/** Comments and text answers, and staff's reasons for stage moves: free text that may name the person. */
async function eraseFreeText(manager: EntityManager, patientId: number): Promise<void> {
  // The comment's tags go with it: the matched words are the comment's own words.
  await manager.update(SurveyResponseEntity, { patientId }, { comment: null, commentSentiment: null, taggerVersion: null });
  const responseIds = (await manager.find(SurveyResponseEntity, { select: { id: true }, where: { patientId } })).map((r) => r.id);
  if (responseIds.length) {
    await manager.update(SurveyAnswerEntity, { responseId: In(responseIds) }, { valueText: null });
    await manager.delete(ResponseThemeEntity, { responseId: In(responseIds) });
    // The search words are the comment's words too.
    await manager.delete(CommentSearchTermEntity, { responseId: In(responseIds) });
  }
  await manager.update(StageTransitionEntity, { patientId }, { reason: null });
}
