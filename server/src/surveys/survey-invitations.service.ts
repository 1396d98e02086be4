import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { toString as qrToSvg } from 'qrcode';
import type { SurveyInvitation } from '@huifang/shared';
import type { AuditContext } from '../audit/audit-context.decorator';
import { AuditService } from '../audit/audit.service';
import { AppConfig } from '../core/config/app-config';
import { WriteTransaction } from '../core/database/write-transaction';
import { calendarDayOf } from '../core/time/calendar-day';
import { EncounterEntity } from '../encounters/encounter.entity';
import { PatientEntity } from '../patients/patient.entity';
import { invitationCutoff, nextInvitationPossibleAt } from './invitation-eligibility';
import { SurveyInvitationEntity } from './survey-invitation.entity';
import { SurveyTemplatesService } from './survey-templates.service';
import { hashSurveyToken, newSurveyToken } from './survey-token';

const DAY_MS = 86_400_000;

@Injectable()
export class SurveyInvitationsService {
  constructor(
    private readonly templates: SurveyTemplatesService,
    private readonly writes: WriteTransaction,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  /**
   * A one-time link for a finished encounter. Refused (409, with the reason) when the patient declined
   * surveys or was invited within the last `surveyMinDays` days, so patients are not worn out.
   */
  async create(encounterId: number, context: AuditContext): Promise<SurveyInvitation> {
    const token = newSurveyToken();
    const now = new Date();
    const invitation = await this.writes.run(async (manager) => {
      const encounter = await manager.findOneBy(EncounterEntity, { id: encounterId });
      if (!encounter) throw new NotFoundException(`encounter ${encounterId} not found`);
      if (!encounter.finishedAt) throw new ConflictException('the visit is not finished yet: invite after it ends');
      const patient = (await manager.findOneBy(PatientEntity, { id: encounter.patientId })) as PatientEntity;
      if (patient.consentSurveys === false) {
        throw new ConflictException({ message: 'the patient declined feedback surveys', reason: 'declined' });
      }
      // Claim the patient's invitation slot with a conditional UPDATE: two desks inviting at once
      // cannot both pass the spacing rule.
      const cutoff = invitationCutoff(now, this.config.surveyMinDays);
      const claimed = await manager
        .createQueryBuilder()
        .update(PatientEntity)
        .set({ lastSurveyInvitedAt: now })
        .where('id = :id AND (last_survey_invited_at IS NULL OR last_survey_invited_at < :cutoff)', { id: patient.id, cutoff })
        .execute();
      if (claimed.affected !== 1) {
        const last = (await manager.findOneBy(PatientEntity, { id: patient.id }))?.lastSurveyInvitedAt ?? now;
        const next = nextInvitationPossibleAt(last, this.config.surveyMinDays);
        throw new ConflictException({
          message: `the patient was invited on ${calendarDayOf(last, this.config.timeZone)}; the next invitation is possible from ${calendarDayOf(next, this.config.timeZone)}`,
          reason: 'too_soon',
          nextPossibleAt: next.toISOString(),
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
        expiresAt: new Date(now.getTime() + this.config.surveyExpiryDays * DAY_MS),
        usedAt: null,
        createdBy: context.actor.id,
      });
      await manager.insert(SurveyInvitationEntity, row);
      await this.audit.record(context, { action: 'survey.invite', entityType: 'survey_invitation', entityId: row.id, patientId: row.patientId }, manager);
      return row;
    });
    const url = `${this.config.publicUrl}/feedback/${token}`;
    return {
      id: invitation.id,
      token,
      url,
      expiresAt: invitation.expiresAt.toISOString(),
      qrSvg: await qrToSvg(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }),
    };
  }
}
