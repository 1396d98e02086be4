import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository, type SelectQueryBuilder } from 'typeorm';
import type { Page, SurveyResponseSortKey, SurveyResponseSummary } from '@huifang/shared';
import { CallbackEntity } from '../callbacks/callback.entity';
import { orderList, type SortColumn } from '../core/database/list-order';
import type { SurveyResponseQueryDto } from './dto/survey-response-query.dto';
import { SurveyResponseEntity } from './survey-response.entity';
import { npsDetractorSql } from './band-sql';
import { applyDriverFilters } from './driver-filters';
import { toSurveyResponse } from './survey-response-view';
import { searchTerms } from './themes/search-terms';
import { ResponseThemeEntity } from './themes/response-theme.entity';

/** The response list's sort keys in SQL (SURVEY_RESPONSE_SORT_KEYS); unanswered scores sort last. */
const RESPONSE_ORDER = {
  submittedAt: { sql: 'r.submitted_at' },
  nps: { sql: 'r.nps', nullable: true },
  csat: { sql: 'r.csat', nullable: true },
} satisfies Record<SurveyResponseSortKey, SortColumn>;

@Injectable()
export class SurveyResponsesService {
  constructor(
    @InjectRepository(SurveyResponseEntity) private readonly responses: Repository<SurveyResponseEntity>,
    @InjectRepository(CallbackEntity) private readonly callbacks: Repository<CallbackEntity>,
    @InjectRepository(ResponseThemeEntity) private readonly themes: Repository<ResponseThemeEntity>,
  ) {}

  async list(query: SurveyResponseQueryDto): Promise<Page<SurveyResponseSummary>> {
    const qb = this.withRelations(this.responses.createQueryBuilder('r'));
    if (query.from) qb.andWhere('r.submitted_on >= :from', { from: query.from });
    if (query.to) qb.andWhere('r.submitted_on <= :to', { to: query.to });
    if (query.departmentId) qb.andWhere('r.department_id = :departmentId', { departmentId: query.departmentId });
    if (query.templateId) qb.andWhere('version.template_id = :templateId', { templateId: query.templateId });
    // The same condition as the NPS figure's detractors (satisfaction.query.ts), so the counts agree.
    if (query.npsDetractorsOnly) qb.andWhere(npsDetractorSql('r.nps'));
    if (query.needsRecoveryOnly) qb.andWhere('r.needs_recovery = :needsRecovery', { needsRecovery: true });
    if (query.hasComment === true) qb.andWhere("r.comment IS NOT NULL AND r.comment <> ''");
    if (query.hasComment === false) qb.andWhere("(r.comment IS NULL OR r.comment = '')");
    applyDriverFilters(qb, query);
    // Every word of the search among the comment's words (themes/search-terms.ts), one index lookup each.
    searchTerms(query.q ?? '').forEach((term, i) => {
      qb.andWhere(`r.id IN (SELECT st${i}.response_id FROM comment_search_term st${i} WHERE st${i}.term = :term${i})`, { [`term${i}`]: term });
    });
    const total = await qb.clone().getCount();
    // Page by ids first: the answers join would otherwise multiply rows.
    const ids = (
      await orderList(qb.clone().select('r.id', 'id'), query.sort, RESPONSE_ORDER, 'r.id', (q) =>
        q.orderBy('r.submitted_at', 'DESC').addOrderBy('r.id', 'DESC'),
      )
        .offset((query.page - 1) * query.pageSize)
        .limit(query.pageSize)
        .getRawMany<{ id: number }>()
    ).map((r) => Number(r.id));
    const byId = new Map((await this.summaries(ids)).map((item) => [item.id, item]));
    // Keep the page in the requested order (summaries() returns newest first).
    const items = ids.map((id) => byId.get(id)).filter((item): item is SurveyResponseSummary => !!item);
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  /** One patient's responses, newest first (for the timeline). */
  async forPatient(patientId: number): Promise<SurveyResponseSummary[]> {
    const ids = (await this.responses.find({ select: { id: true }, where: { patientId } })).map((r) => r.id);
    return this.summaries(ids);
  }

  private async summaries(ids: number[]): Promise<SurveyResponseSummary[]> {
    if (ids.length === 0) return [];
    const rows = await this.withRelations(this.responses.createQueryBuilder('r'))
      .leftJoinAndSelect('r.answers', 'answer')
      .where('r.id IN (:...ids)', { ids })
      .orderBy('r.submittedAt', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .getMany();
    const recovery = await this.callbacks.find({ select: { id: true, surveyResponseId: true }, where: { surveyResponseId: In(ids) } });
    const byResponse = new Map(recovery.map((c) => [c.surveyResponseId, c.id]));
    const themes = await this.themes.find({ select: { responseId: true, themeKey: true, matched: true }, where: { responseId: In(ids) }, order: { themeKey: 'ASC' } });
    const themesOf = new Map<number, SurveyResponseSummary['themes']>();
    for (const theme of themes) themesOf.set(theme.responseId, [...(themesOf.get(theme.responseId) ?? []), { key: theme.themeKey, matched: JSON.parse(theme.matched) as string[] }]);
    return rows.map((row) => toSurveyResponse(row, byResponse.get(row.id) ?? null, themesOf.get(row.id) ?? []));
  }

  private withRelations(qb: SelectQueryBuilder<SurveyResponseEntity>): SelectQueryBuilder<SurveyResponseEntity> {
    return qb
      // Imported feedback has no patient (anonymous): a left join keeps it listed and counted.
      .leftJoinAndSelect('r.patient', 'patient')
      .innerJoinAndSelect('r.department', 'department')
      .innerJoinAndSelect('r.templateVersion', 'version');
  }
}
