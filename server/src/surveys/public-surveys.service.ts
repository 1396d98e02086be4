import { ERROR_CODES, isNpsDetractor, needsRecoveryAnswer, type QuestionKind } from '@huifang/shared';
import { BadRequestException, ConflictException, GoneException, Injectable, NotFoundException, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { PublicSurvey, SurveyLinkState } from '@huifang/shared';
import { RuleFiring } from '../callbacks/rule-firing.service';
import { AppConfig } from '../core/config/app-config';
import { WriteTransaction } from '../core/database/write-transaction';
import { calendarDayOf } from '@huifang/shared';
import { DepartmentEntity } from '../departments/department.entity';
import { EncounterEntity } from '../encounters/encounter.entity';
import { HospitalSettingsService } from '../hospital-settings/hospital-settings.service';
import { PatientEntity } from '../patients/patient.entity';
import { checkAnswers } from './answer-rules';
import type { SubmitSurveyDto } from './dto/submit-survey.dto';
import { SurveyInvitationEntity } from './survey-invitation.entity';
import { invitationByTokenHash, type InvitationForLink } from './invitation-by-token';
import { claimInvitation, insertAnswers, insertResponse, lockPatientForSubmit, updatePatientAfterSurvey } from './response-writes';
import { SurveyTemplateVersionEntity } from './survey-template-version.entity';
import { hashSurveyToken, looksLikeSurveyToken } from './survey-token';
import { AuditService } from '../audit/audit.service';
import { preferredLanguageChange } from '../patients/preferred-language-change';
import { problemFields } from '../core/http/validation';
import { insertResponseThemes, insertSearchTerms, tagsToStore, warmUpTagger } from './themes/response-tags';
import { BUILT_IN_CATALOG, loadThemeCatalog } from './themes/theme-catalog';

const QUESTION_CACHE_SIZE = 100;

/** What patients reach through a one-time link, without an account. Never the patient's name or phone. */
@Injectable()
export class PublicSurveysService implements OnApplicationBootstrap {
  private readonly questionCache = new Map<number, SurveyTemplateVersionEntity['questions']>();

  constructor(
    @InjectRepository(SurveyInvitationEntity) private readonly invitations: Repository<SurveyInvitationEntity>,
    private readonly writes: WriteTransaction,
    private readonly rules: RuleFiring,
    private readonly config: AppConfig,
    private readonly hospital: HospitalSettingsService,
    private readonly audit: AuditService,
  ) {}

  onApplicationBootstrap(): void {
    warmUpTagger();
  }

  async get(token: string): Promise<PublicSurvey> {
    const invitation = await this.usable(token);
    const manager = this.invitations.manager;
    const [version, department, encounter] = await Promise.all([
      manager.findOneByOrFail(SurveyTemplateVersionEntity, { id: invitation.templateVersionId }),
      manager.findOneByOrFail(DepartmentEntity, { id: invitation.departmentId }),
      manager.findOneByOrFail(EncounterEntity, { id: invitation.encounterId }),
    ]);
    return {
      hospital: await this.hospital.publicHospital(),
      departmentName: { zh: department.name, en: department.nameEn },
      visitDate: encounter.checkedInOn,
      expiresAt: invitation.expiresAt.toISOString(),
      questions: version.questions,
    };
  }

  /**
   * Stores exactly one response per token: the invitation is marked used with a conditional UPDATE,
   * so of two submits at once one changes the row and the other answers 409 (and a unique index on
   * `survey_response.invitation_id` backs it up).
   */
  /** `ip`: the patient's address, for the audit entry of a change to their record. */
  async submit(token: string, input: SubmitSurveyDto, ip: string | null = null): Promise<{ id: number }> {
    const invitation = await this.usable(token, true);
    const checked = checkAnswers(await this.questionsOf(invitation.templateVersionId), input.answers, input.comment);
    if ('problems' in checked) {
      throw new BadRequestException({ message: checked.problems, code: ERROR_CODES.surveyAnswersInvalid, params: { fields: problemFields(checked.problems) } });
    }
    const { response } = checked;
    // Tagged before the write transaction: CPU work (well under 5 ms) that need not hold the write lock,
    // with the themes in force (read per submit: another server process may have changed them).
    const catalog = response.comment?.trim() ? await loadThemeCatalog(this.invitations.manager) : BUILT_IN_CATALOG;
    const tags = tagsToStore(response.comment, catalog);

    return this.writes.run(async (manager) => {
      const now = new Date();
      // The patient row first, as an erasure takes it (one lock order, no deadlock): a submit queued
      // behind an erasure finds the patient erased and its link revoked, and stores nothing.
      const patient = await lockPatientForSubmit(manager, invitation.patientId);
      if (!patient || patient.erased) throw gone('expired');
      if (!(await claimInvitation(manager, invitation.id, now))) {
        const current = await manager.findOneByOrFail(SurveyInvitationEntity, { id: invitation.id });
        throw current.usedAt ? alreadyAnswered() : gone('expired');
      }
      const row = {
        invitationId: invitation.id,
        encounterId: invitation.encounterId,
        patientId: invitation.patientId,
        departmentId: invitation.departmentId,
        templateVersionId: invitation.templateVersionId,
        submittedAt: now,
        submittedOn: calendarDayOf(now, this.config.timeZone),
        nps: response.nps,
        csat: response.csat,
        needsRecovery: response.needsRecovery,
        comment: response.comment,
        language: input.language ?? 'zh',
        commentSentiment: tags?.sentiment ?? null,
        taggerVersion: tags?.version ?? null,
      };
      const id = await insertResponse(manager, row);
      if (tags) await insertResponseThemes(manager, [{ response: { id, submittedOn: row.submittedOn, departmentId: row.departmentId, nps: row.nps }, themes: tags.themes }]);
      if (tags) await insertSearchTerms(manager, [{ responseId: id, terms: tags.terms }]);
      await insertAnswers(
        manager,
        id,
        response.answers.map((a) => ({ questionId: a.question.id, kind: a.question.kind, dimension: a.question.dimension ?? null, valueNumber: a.valueNumber, valueText: a.valueText })),
      );
      // At risk (DOMAIN.md) follows the NPS alone; a low rating still opens a service-recovery call below.
      // The language the patient answered in becomes the language of their next links.
      await updatePatientAfterSurvey(manager, invitation.patientId, isNpsDetractor(response.nps), input.language ?? null);
      // The patient changed their own record, without an account.
      const languageChange = preferredLanguageChange(invitation.patientId, patient.preferredLanguage, input.language);
      if (languageChange) await this.audit.record({ actor: null, ip }, languageChange, manager);
      if (response.needsRecovery) {
        const full = await manager.findOneByOrFail(PatientEntity, { id: invitation.patientId });
        await this.rules.onNeedsRecovery(manager, full, { ...row, id }, recoveryReason(response));
      }
      return { id };
    });
  }

  /** A version's questions never change once it exists (a new version is made instead): kept in memory. */
  private async questionsOf(versionId: number): Promise<SurveyTemplateVersionEntity['questions']> {
    const known = this.questionCache.get(versionId);
    if (known) return known;
    const version = await this.invitations.manager.findOneByOrFail(SurveyTemplateVersionEntity, { id: versionId });
    if (this.questionCache.size >= QUESTION_CACHE_SIZE) this.questionCache.clear();
    this.questionCache.set(versionId, version.questions);
    return version.questions;
  }

  private async usable(token: string, forSubmit = false): Promise<InvitationForLink> {
    const invitation = looksLikeSurveyToken(token) ? await invitationByTokenHash(this.invitations.manager, hashSurveyToken(token)) : null;
    if (!invitation) throw new NotFoundException({ message: 'this survey link is not valid', code: ERROR_CODES.surveyLinkNotFound });
    if (invitation.usedAt) {
      if (forSubmit) throw alreadyAnswered();
      throw gone('answered');
    }
    if (invitation.expiresAt.getTime() < Date.now()) throw gone('expired');
    return invitation;
  }
}

function gone(state: SurveyLinkState): GoneException {
  return new GoneException(
    state === 'expired'
      ? { message: 'this survey link has expired', code: ERROR_CODES.surveyLinkExpired }
      : { message: 'this survey has already been answered', code: ERROR_CODES.surveyLinkAnswered },
  );
}

function alreadyAnswered(): ConflictException {
  return new ConflictException({ message: 'this survey has already been answered', code: ERROR_CODES.surveyLinkAnswered });
}

/**
 * The stored text of a recovery case (for exports and logs): the answers that triggered it, then the
 * comment. The client shows the structured trigger (callbacks/recovery-trigger.ts), translated.
 */
function recoveryReason(response: { answers: { question: { id: string; kind: QuestionKind }; valueNumber: number | null }[]; comment: string | null }): string {
  const low = response.answers
    .filter((a) => a.valueNumber !== null && needsRecoveryAnswer(a.question.kind, a.valueNumber))
    .map((a) => `${a.question.id} ${a.valueNumber}`);
  const text = `${low.join(', ')}${response.comment ? ` — ${response.comment}` : ''}`;
  return text.length > 500 ? `${text.slice(0, 497)}...` : text;
}
