import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { In, type EntityManager } from 'typeorm';
import type { PatientExport } from '@huifang/shared';
import { AuditService } from '../audit/audit.service';
import { CallbackAttemptEntity } from '../callbacks/callback-attempt.entity';
import { CallbackEntity } from '../callbacks/callback.entity';
import { EncounterEntity } from '../encounters/encounter.entity';
import { PatientsService } from '../patients/patients.service';
import { StageTransitionEntity } from '../patients/stage-transition.entity';
import { SurveyAnswerEntity } from '../surveys/survey-answer.entity';
import { SurveyInvitationEntity } from '../surveys/survey-invitation.entity';
import { SurveyResponseEntity } from '../surveys/survey-response.entity';
import { exportedRow } from './exported-row';

/** Everything stored about one patient, for the patient's right of access (PIPL art. 45). */
@Injectable()
export class PatientExportService {
  constructor(
    @InjectEntityManager() private readonly manager: EntityManager,
    private readonly patients: PatientsService,
    private readonly audit: AuditService,
  ) {}

  async export(patientId: number): Promise<PatientExport> {
    const patient = await this.patients.get(patientId);
    const byPatient = { where: { patientId }, order: { id: 'ASC' as const } };
    const [transitions, encounters, invitations, responses, callbacks] = await Promise.all([
      this.manager.find(StageTransitionEntity, byPatient),
      this.manager.find(EncounterEntity, byPatient),
      this.manager.find(SurveyInvitationEntity, byPatient),
      this.manager.find(SurveyResponseEntity, byPatient),
      this.manager.find(CallbackEntity, byPatient),
    ]);
    const [answers, attempts] = await Promise.all([
      responses.length ? this.manager.find(SurveyAnswerEntity, { where: { responseId: In(responses.map((r) => r.id)) }, order: { id: 'ASC' } }) : [],
      callbacks.length ? this.manager.find(CallbackAttemptEntity, { where: { callbackId: In(callbacks.map((c) => c.id)) }, order: { id: 'ASC' } }) : [],
    ]);
    return {
      exportedAt: new Date().toISOString(),
      patient,
      transitions: transitions.map((t) => exportedRow(t)),
      encounters: encounters.map((e) => exportedRow(e)),
      surveyInvitations: invitations.map((i) => exportedRow(i, ['tokenHash'])),
      surveyResponses: responses.map((r) => ({
        response: exportedRow(r),
        answers: answers.filter((a) => a.responseId === r.id).map((a) => exportedRow(a)),
      })),
      callbacks: callbacks.map((c) => ({
        callback: exportedRow(c),
        attempts: attempts.filter((a) => a.callbackId === c.id).map((a) => exportedRow(a)),
      })),
      auditEntries: await this.audit.allForPatient(patientId),
    };
  }
}
