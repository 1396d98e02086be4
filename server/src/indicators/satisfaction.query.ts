import type { DimensionScore, SatisfactionPoint } from '@huifang/shared';
import { groupByKey, groupKeySql, instantBounds, num, percent, round1, type Grouping, type IndicatorScope } from './indicator-scope';
import { npsDetractorSql, npsPromoterSql, topBoxSql } from '../surveys/band-sql';
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
  const key = groupKeySql(sql, groupBy, 'r.submitted_on', 'r.department_id');
  const responses = await sql.query<Record<string, unknown>>(
    `SELECT ${key} AS g, COUNT(*) AS n,
            COUNT(r.nps) AS nps_n,
            SUM(CASE WHEN ${npsPromoterSql('r.nps')} THEN 1 ELSE 0 END) AS promoters,
            SUM(CASE WHEN ${npsDetractorSql('r.nps')} THEN 1 ELSE 0 END) AS detractors,
            COUNT(r.csat) AS csat_n,
            SUM(CASE WHEN ${topBoxSql('r.csat')} THEN 1 ELSE 0 END) AS csat_top,
            SUM(r.csat) AS csat_sum
       FROM survey_response r
      WHERE r.submitted_on BETWEEN :from AND :to ${inDepartment('r')}
      ${groupByKey(groupBy)}`,
    params,
  );
  const invitationKey = groupKeySql(sql, groupBy, sql.localDay('i.created_at'), 'i.department_id');
  const invitations = await sql.query<Record<string, unknown>>(
    `SELECT ${invitationKey} AS g, COUNT(*) AS n, COUNT(r.id) AS answered
       FROM survey_invitation i LEFT JOIN survey_response r ON r.invitation_id = i.id
      WHERE i.created_at >= :start AND i.created_at < :end ${inDepartment('i')}
      ${groupByKey(groupBy)}`,
    { ...params, ...instantBounds(scope, timeZone) },
  );
  const dimensions = !withDimensions
    ? []
    : templateId === null
      ? // Daily counts of rating answers (surveys/rating-rollup.ts), the same figures without the join.
        await sql.query<Record<string, unknown>>(
          `SELECT ${groupKeySql(sql, groupBy, 'd.day', 'd.department_id')} AS g, d.dimension AS dimension, SUM(d.n) AS n,
                  SUM(CASE WHEN ${topBoxSql('d.value')} THEN d.n ELSE 0 END) AS top, SUM(d.value * d.n) AS total
             FROM survey_rating_daily d
            WHERE d.day BETWEEN :from AND :to ${inDepartment('d')}
            ${groupByKey(groupBy, 1)}`,
          params,
        )
      : // The rollup does not know templates: one template's answers are read from the responses.
        await sql.query<Record<string, unknown>>(
          `SELECT ${key} AS g, a.dimension AS dimension, COUNT(*) AS n,
                  SUM(CASE WHEN ${topBoxSql('a.value_number')} THEN 1 ELSE 0 END) AS top, SUM(a.value_number) AS total
             FROM survey_response r JOIN survey_answer a ON a.response_id = r.id AND a.kind = 'rating' AND a.dimension IS NOT NULL
            WHERE r.submitted_on BETWEEN :from AND :to AND a.value_number IS NOT NULL ${inDepartment('r')}
            ${groupByKey(groupBy, 1)}`,
          params,
        );

  const points = new Map<string, SatisfactionPoint>();
  const pointFor = (key: string) => {
    let point = points.get(key);
    if (!point) points.set(key, (point = emptySatisfactionPoint(key)));
    return point;
  };
  for (const row of responses) {
    const point = pointFor(String(row['g']));
    const npsN = num(row['nps_n']);
    const promoters = num(row['promoters']);
    const detractors = num(row['detractors']);
    const csatN = num(row['csat_n']);
    point.n = num(row['n']);
    point.nps = { value: percent(promoters - detractors, npsN), n: npsN, promoters, passives: npsN - promoters - detractors, detractors };
    point.csat = { value: percent(num(row['csat_top']), csatN), mean: csatN ? round1(num(row['csat_sum']) / csatN) : null, n: csatN };
  }
  for (const row of invitations) {
    const point = pointFor(String(row['g']));
    point.invitations = num(row['n']);
    point.answered = num(row['answered']);
  }
  for (const row of dimensions) {
    const n = num(row['n']);
    const score: DimensionScore = { dimension: String(row['dimension']), value: percent(num(row['top']), n), mean: round1(num(row['total']) / n), n };
    pointFor(String(row['g'])).dimensions.push(score);
  }
  for (const point of points.values()) {
    point.responseRate = percent(point.answered, point.invitations);
    point.dimensions.sort((a, b) => a.dimension.localeCompare(b.dimension));
  }
  return points;
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
    dimensions: [],
  };
}

/** Rows (response or invitation, by `alias`) of any version of the template `:templateId`. */
export function inTemplate(alias: string): string {
  return `AND ${alias}.template_version_id IN (SELECT v.id FROM survey_template_version v WHERE v.template_id = :templateId)`;
}
