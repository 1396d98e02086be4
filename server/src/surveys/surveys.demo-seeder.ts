import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, Not } from 'typeorm';
import { CallbackEntity } from '../callbacks/callback.entity';
import { INSERT_CHUNK_ROWS, insertChunked, moveSequencesPastIds } from '../core/database/bulk-insert';
import { WriteTransaction } from '../core/database/write-transaction';
import type { DemoSeeder } from '../demo/demo-seeder';
import { EncounterEntity } from '../encounters/encounter.entity';
import { PatientEntity } from '../patients/patient.entity';
import { StaffUserEntity } from '../users/user.entity';
import { generateDemoFeedback } from './demo/demo-feedback';
import { SurveyAnswerEntity } from './survey-answer.entity';
import { SurveyInvitationEntity } from './survey-invitation.entity';
import { SurveyResponseEntity } from './survey-response.entity';
import { SurveyTemplateVersionEntity } from './survey-template-version.entity';
import { HospitalSettingsService } from '../hospital-settings/hospital-settings.service';
import { insertResponseThemes, insertSearchTerms, tagsToStore, type StoredTags, type TaggedResponse } from './themes/response-tags';
import { loadThemeCatalog, type ThemeCatalog } from './themes/theme-catalog';

/** Invitations, responses and service-recovery cases for the demo visits (see demo/demo-feedback.ts). */
@Injectable()
export class SurveysDemoSeeder implements DemoSeeder {
  readonly feature = 'survey invitations, responses and service recovery';
  private readonly logger = new Logger(SurveysDemoSeeder.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly writes: WriteTransaction,
    private readonly hospital: HospitalSettingsService,
  ) {}

  /** The hospital's settings as an admin may have changed them, not the start-up defaults. */
  async seed(): Promise<void> {
    const settings = await this.hospital.current();
    const version = await this.dataSource.getRepository(SurveyTemplateVersionEntity).findOneByOrFail({ status: 'published' });
    const staff = await this.dataSource.getRepository(StaffUserEntity).findBy({ role: 'front_desk' });
    const rows = await this.dataSource.getRepository(EncounterEntity).find({
      where: { finishedAt: Not(IsNull()) },
      relations: { patient: true, department: true },
    });
    const feedback = generateDemoFeedback({
      now: new Date(),
      timeZone: settings.timeZone,
      templateVersionId: version.id,
      staffIds: staff.map((u) => u.id),
      expiryDays: settings.surveyExpiryDays,
      minDays: settings.surveyMinDays,
      encounters: rows.map((e) => ({
        id: e.id,
        patientId: e.patientId,
        departmentId: e.departmentId,
        departmentCode: e.department?.code ?? '',
        checkedInAt: e.checkedInAt,
        calledAt: e.calledAt as Date,
        finishedAt: e.finishedAt as Date,
        consentSurveys: e.patient?.consentSurveys ?? null,
      })),
    });
    const tagged = tagDemoResponses(feedback.responses, await loadThemeCatalog(this.dataSource.manager));
    await this.writes.run(async (manager) => {
      await insertChunked(manager, SurveyInvitationEntity, feedback.invitations);
      await insertChunked(manager, SurveyResponseEntity, feedback.responses);
      for (let i = 0; i < tagged.themes.length; i += INSERT_CHUNK_ROWS) await insertResponseThemes(manager, tagged.themes.slice(i, i + INSERT_CHUNK_ROWS));
      await insertSearchTerms(manager, tagged.searchTerms);
      await insertChunked(manager, SurveyAnswerEntity, feedback.answers);
      await insertChunked(manager, CallbackEntity, feedback.callbacks);
      await moveSequencesPastIds(manager, ['survey_invitation', 'survey_response', 'survey_answer', 'callback']);
      for (const [patientId, at] of feedback.lastInvited) {
        await manager.update(PatientEntity, { id: patientId }, { lastSurveyInvitedAt: at, latestSurveyDetractor: feedback.latestDetractor.get(patientId) ?? false });
      }
    });
    this.logger.log(
      `demo surveys: ${feedback.invitations.length} invitations, ${feedback.responses.length} responses, ` +
        `${feedback.callbacks.length} service-recovery cases`,
    );
  }
}

type DemoResponse = TaggedResponse & { comment: string | null; commentSentiment?: string | null; taggerVersion?: string | null };

/**
 * Tags the demo comments as a submit would (sentiment and version set on each response row); their
 * themes and search words, to insert after the responses. The demo repeats its comments, so each text is tagged once.
 */
function tagDemoResponses(responses: DemoResponse[], catalog: ThemeCatalog): {
  themes: { response: TaggedResponse; themes: StoredTags['themes'] }[];
  searchTerms: { responseId: number; terms: string[] }[];
} {
  const byText = new Map<string, StoredTags | null>();
  const themes: { response: TaggedResponse; themes: StoredTags['themes'] }[] = [];
  const searchTerms: { responseId: number; terms: string[] }[] = [];
  for (const response of responses) {
    if (response.comment === null) continue;
    if (!byText.has(response.comment)) byText.set(response.comment, tagsToStore(response.comment, catalog));
    const tags = byText.get(response.comment);
    if (!tags) continue;
    response.commentSentiment = tags.sentiment;
    response.taggerVersion = tags.version;
    if (tags.themes.length) themes.push({ response, themes: tags.themes });
    searchTerms.push({ responseId: response.id, terms: tags.terms });
  }
  return { themes, searchTerms };
}
