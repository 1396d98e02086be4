import { SCALE, fftPercentPositive, type DimensionScore, type SatisfactionPoint } from '@huifang/shared';
import { groupKeySql, num, percent, round1, type Grouping, type IndicatorScope } from './indicator-scope';
import { RATING_COLUMNS, dimensionFiguresSql, ratingJournalFiguresSql } from './rollups/rating-rollup';
import { SURVEY_FIGURE_COLUMNS, journalDaySql, journalFiguresSql, satisfactionFiguresSql } from './rollups/survey-rollup';
import type { IndicatorSql } from './indicator-sql';

/**
 * Satisfaction (DOMAIN.md, Surveys): scores counted by submission day, invitations by creation day;
 * the response rate counts, of the invitations created in a bucket, those answered (a response is set
 * against the invitation it answers, so no bucket exceeds 100%). NPS = 100 * (promoters - detractors) / NPS answers; CSAT = top-2-box % of CSAT answers.
 * Dimensions are only needed by the series, not the headlines.
 */
export async function satisfactionByGroup(
  sql: IndicatorSql,
  scope: IndicatorScope,
  groupBy: Grouping,
  timeZone: string,
  withDimensions = true,
  templateId: number | null = null,
): Promise<Map<string, SatisfactionPoint>> {
  const inDepartment = (alias: string) =>
    `${scope.departmentId === null ? '' : `AND ${alias}.department_id = :departmentId`} ${templateId === null ? '' : inTemplate(alias)}`;
  const params = { ...scope, templateId };
  const figures = await surveyFigureRows(sql, scope, groupBy, templateId);
  // Rating answers from the day × department × template × dimension rollup (rollups/rating-rollup.ts), plus its journal.
  const dimensions = !withDimensions
    ? []
    : await sql.query<Record<string, unknown>>(
        `SELECT g, dimension, ${dimensionFiguresSql('t')} FROM (SELECT g, dimension, ${RATING_COLUMNS.map((c) => `SUM(${c}) AS ${c}`).join(', ')}
           FROM (SELECT ${groupKeySql(sql, groupBy, 'd.day', 'd.department_id')} AS g, d.dimension, ${RATING_COLUMNS.map((c) => `d.${c}`).join(', ')}
                   FROM survey_rating_daily d
                  WHERE d.day BETWEEN :from AND :to ${scope.departmentId === null ? '' : 'AND d.department_id = :departmentId'}
                        ${templateId === null ? '' : 'AND d.template_id = :templateId'}
                 UNION ALL
                 SELECT ${groupKeySql(sql, groupBy, 'j.day', 'j.department_id')}, j.dimension, ${ratingJournalFiguresSql().join(', ')}
                   FROM survey_rating_journal j
                  WHERE j.day BETWEEN :from AND :to ${inDepartment('j')}) u
          GROUP BY g, dimension) t`,
        params,
      );

  const points = new Map<string, SatisfactionPoint>();
  const pointFor = (key: string) => {
    let point = points.get(key);
    if (!point) points.set(key, (point = emptySatisfactionPoint(key)));
    return point;
  };
  for (const row of figures) {
    const point = pointFor(String(row['g']));
    const npsN = num(row['nps_n']);
    const promoters = num(row['promoters']);
    const detractors = num(row['detractors']);
    const csatN = num(row['csat_n']);
    point.n = num(row['n']);
    point.nps = { value: percent(promoters - detractors, npsN), n: npsN, promoters, passives: npsN - promoters - detractors, detractors };
    point.csat = { value: percent(num(row['csat_top']), csatN), mean: csatN ? round1(num(row['csat_sum']) / csatN) : null, n: csatN };
    point.invitations = num(row['invitations']);
    point.answered = num(row['answered']);
    const fftN = num(row['fft_n']);
    const fftPositive = num(row['fft_positive']);
    point.fft = { value: fftPercentPositive(fftPositive, fftN), n: fftN, positive: fftPositive, negative: num(row['fft_negative']), dontKnow: num(row['fft_dont_know']) };
  }
  for (const row of dimensions) {
    const n = num(row['n']);
    if (n === 0) continue; // a rollup row whose answers were all deleted since
    const score: DimensionScore = { dimension: String(row['dimension']), value: percent(num(row['top']), n), mean: round1(num(row['total']) / n), n };
    pointFor(String(row['g'])).dimensions.push(score);
  }
  for (const point of points.values()) {
    point.responseRate = percent(point.answered, point.invitations);
    point.dimensions.sort((a, b) => a.dimension.localeCompare(b.dimension));
  }
  return points;
}

/**
 * The survey figures of each bucket (`g`, then satisfactionFiguresSql's columns: n, nps_n,
 * promoters, detractors, csat_n, csat_top, …): responses and invitations from the day × department
 * × template rollup (rollups/survey-rollup.ts), plus any journalled change not yet folded into it
 * (on PostgreSQL the last moments' writes). Also read by improvement actions' evaluations.
 */
export function surveyFigureRows(
  sql: IndicatorSql,
  scope: IndicatorScope,
  groupBy: Grouping,
  templateId: number | null = null,
): Promise<Record<string, unknown>[]> {
  const inDepartment = (alias: string) =>
    `${scope.departmentId === null ? '' : `AND ${alias}.department_id = :departmentId`} ${templateId === null ? '' : inTemplate(alias)}`;
  const journalDay = journalDaySql(sql);
  return sql.query<Record<string, unknown>>(
    `SELECT g, ${satisfactionFiguresSql('t')} FROM (SELECT g, ${SURVEY_FIGURE_COLUMNS.map((c) => `SUM(${c}) AS ${c}`).join(', ')}
       FROM (SELECT ${groupKeySql(sql, groupBy, 'd.day', 'd.department_id')} AS g, ${SURVEY_FIGURE_COLUMNS.map((c) => `d.${c}`).join(', ')}
               FROM survey_daily d
              WHERE d.day BETWEEN :from AND :to ${scope.departmentId === null ? '' : 'AND d.department_id = :departmentId'}
                    ${templateId === null ? '' : 'AND d.template_id = :templateId'}
             UNION ALL
             SELECT ${groupKeySql(sql, groupBy, journalDay, 'j.department_id')}, ${journalFiguresSql().join(', ')}
               FROM survey_rollup_journal j
              WHERE ${journalDay} BETWEEN :from AND :to ${inDepartment('j')}) u
      GROUP BY g) t`,
    { ...scope, templateId },
  );
}

/**
 * How many answers of one rating dimension gave each value (1-5) over a scope, from the rating
 * rollup and its journal as the dimension scores read them: the whole distribution, which a test
 * of the change in mean needs (the scores keep only n, top box and total).
 */
export async function ratingValueCounts(sql: IndicatorSql, scope: IndicatorScope, dimension: string): Promise<{ value: number; count: number }[]> {
  const department = (alias: string) => (scope.departmentId === null ? '' : `AND ${alias}.department_id = :departmentId`);
  const journal = ratingJournalFiguresSql();
  const rows = await sql.query<Record<string, unknown>>(
    `SELECT ${RATING_COLUMNS.map((c) => `SUM(${c}) AS ${c}`).join(', ')}
       FROM (SELECT ${RATING_COLUMNS.map((c) => `d.${c}`).join(', ')}
               FROM survey_rating_daily d
              WHERE d.day BETWEEN :from AND :to AND d.dimension = :dimension ${department('d')}
             UNION ALL
             SELECT ${journal.map((figure, i) => `${figure} AS ${RATING_COLUMNS[i]}`).join(', ')}
               FROM survey_rating_journal j
              WHERE j.day BETWEEN :from AND :to AND j.dimension = :dimension ${department('j')}) u`,
    { ...scope, dimension },
  );
  return RATING_COLUMNS.map((column, i) => ({ value: SCALE.rating.min + i, count: num(rows[0]?.[column]) }));
}

export function emptySatisfactionPoint(key: string): SatisfactionPoint {
  return {
    key,
    n: 0,
    invitations: 0,
    answered: 0,
    responseRate: null,
    nps: { value: null, n: 0, promoters: 0, passives: 0, detractors: 0 },
    csat: { value: null, mean: null, n: 0 },
    fft: { value: null, n: 0, positive: 0, negative: 0, dontKnow: 0 },
    dimensions: [],
  };
}

/** Rows (response or invitation, by `alias`) of any version of the template `:templateId`. */
export function inTemplate(alias: string): string {
  return `AND ${alias}.template_version_id IN (SELECT v.id FROM survey_template_version v WHERE v.template_id = :templateId)`;
}
