import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { toString as qrToSvg } from 'qrcode';
import { ERROR_CODES, outreachDate, type SurveyInvitation, type SurveyLanguage } from '@huifang/shared';
import type { AuditContext } from '../audit/audit-context.decorator';
import { AuditService } from '../audit/audit.service';
import { AppConfig } from '../core/config/app-config';
import { WriteTransaction } from '../core/database/write-transaction';
import { calendarDayOf } from '@huifang/shared';
import { EncounterEntity } from '../encounters/encounter.entity';
import { HospitalSettingsService } from '../hospital-settings/hospital-settings.service';
import { commonValues } from '../outreach/message-values';
import { Outbox } from '../outreach/outbox';
import { firstSendableAt } from '../outreach/quiet-hours';
import { PatientEntity } from '../patients/patient.entity';
import { invitationCutoff, nextInvitationDay } from './invitation-eligibility';
import { surveyReminderDueAt } from './survey-reminder';
import { SurveyInvitationEntity } from './survey-invitation.entity';
import { SurveyTemplatesService } from './survey-templates.service';
import { preferredLanguageChange } from '../patients/preferred-language-change';
import { hashSurveyToken, newSurveyToken } from './survey-token';

const DAY_MS = 86_400_000;

@Injectable()
export class SurveyInvitationsService {
  constructor(
    private readonly templates: SurveyTemplatesService,
    private readonly writes: WriteTransaction,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly hospital: HospitalSettingsService,
    private readonly outbox: Outbox,
  ) {}

  /**
   * A one-time link for a finished encounter. Refused (409, with the reason) when the patient declined
   * surveys or was invited within the last `surveyMinDays` days, so patients are not worn out.
   */
  async create(encounterId: number, context: AuditContext, chosenLanguage?: SurveyLanguage): Promise<SurveyInvitation> {
    const token = newSurveyToken();
    const now = new Date();
    const invitation = await this.writes.run(async (manager) => {
      const { surveyMinDays, surveyExpiryDays, timeZone, hospitalName } = await this.hospital.current(manager);
      const encounter = await manager.findOneBy(EncounterEntity, { id: encounterId });
      if (!encounter) {
        throw new NotFoundException({ message: `encounter ${encounterId} not found`, code: ERROR_CODES.encounterNotFound, params: { encounterId } });
      }
      if (!encounter.finishedAt) {
        throw new ConflictException({ message: 'the visit is not finished yet: invite after it ends', code: ERROR_CODES.surveyVisitNotFinished });
      }
      const patient = (await manager.findOneBy(PatientEntity, { id: encounter.patientId })) as PatientEntity;
      if (patient.consentSurveys === false) {
        throw new ConflictException({ message: 'the patient declined feedback surveys', code: ERROR_CODES.surveyDeclined });
      }
      // Claim the patient's invitation slot with a conditional UPDATE: two desks inviting at once
      // cannot both pass the spacing rule.
      const cutoff = invitationCutoff(now, surveyMinDays);
      const claimed = await manager
        .createQueryBuilder()
        .update(PatientEntity)
        // A language chosen at the desk is remembered as the patient's.
        .set({ lastSurveyInvitedAt: now, ...(chosenLanguage && { preferredLanguage: chosenLanguage }) })
        .where('id = :id AND (last_survey_invited_at IS NULL OR last_survey_invited_at < :cutoff)', { id: patient.id, cutoff })
        .execute();
      if (claimed.affected !== 1) {
        const last = (await manager.findOneBy(PatientEntity, { id: patient.id }))?.lastSurveyInvitedAt ?? now;
        const lastInvitedDay = calendarDayOf(last, timeZone);
        const nextAllowedDay = nextInvitationDay(last, surveyMinDays, timeZone);
        throw new ConflictException({
          message: `the patient was invited on ${lastInvitedDay}; the next invitation is possible from ${nextAllowedDay}`,
          code: ERROR_CODES.surveyTooSoon,
          params: { lastInvitedDay, nextAllowedDay },
        });
      }
      const version = await this.templates.currentVersion(manager);
      const row = manager.create(SurveyInvitationEntity, {
        tokenHash: hashSurveyToken(token),
        encounterId,
        patientId: encounter.patientId,
        departmentId: encounter.departmentId,
        templateVersionId: version.id,
        createdAt: now,
        expiresAt: new Date(now.getTime() + surveyExpiryDays * DAY_MS),
        usedAt: null,
        language: chosenLanguage ?? patient.preferredLanguage ?? null,
        createdBy: context.actor.id,
      });
      await manager.insert(SurveyInvitationEntity, row);
      await this.audit.record(context, { action: 'survey.invite', entityType: 'survey_invitation', entityId: row.id, patientId: row.patientId }, manager);
      const languageChange = preferredLanguageChange(patient.id, patient.preferredLanguage, chosenLanguage);
      if (languageChange) await this.audit.record(context, languageChange, manager);
      // The message to the patient commits with the invitation (transactional outbox): its link
      // carries the token, which exists only here.
      const language = row.language ?? 'zh';
      const values = {
        ...(await commonValues(manager, patient, encounter.departmentId, language, hospitalName)),
        date: outreachDate(calendarDayOf(encounter.finishedAt, timeZone), language),
        link: surveyUrl(this.config.publicUrl, token, row.language),
      };
      const message = { patientId: row.patientId, sourceId: row.id, departmentId: row.departmentId, language, values };
      const sent = await this.outbox.enqueue(manager, { ...message, kind: 'survey_invitation', idempotencyKey: `survey_invitation:${row.id}` }, now, timeZone);
      // Its one reminder, with the same link, is written now too (the token exists only here) and
      // looked at again when due (survey-reminder.ts). An invitation suppressed already gets none.
      const reminderAt =
        sent.status === 'suppressed' ? null : surveyReminderDueAt({ sendableAt: firstSendableAt(now, timeZone), expiresAt: row.expiresAt }, this.config.outreach.surveyReminderHours);
      if (reminderAt) {
        await this.outbox.enqueue(manager, { ...message, kind: 'survey_reminder', idempotencyKey: `survey_reminder:${row.id}`, dueAt: reminderAt }, now, timeZone);
      }
      return row;
    });
    const url = surveyUrl(this.config.publicUrl, token, invitation.language);
    return {
      id: invitation.id,
      token,
      url,
      expiresAt: invitation.expiresAt.toISOString(),
      language: invitation.language,
      qrSvg: await qrToSvg(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }),
    };
  }
}

/** The public link; `?lang=` when the patient's language is known (the form follows the phone otherwise). */
export function surveyUrl(publicUrl: string, token: string, language: SurveyLanguage | null): string {
  return `${publicUrl}/feedback/${token}${language ? `?lang=${language}` : ''}`;
}
