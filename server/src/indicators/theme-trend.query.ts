import type { ThemeCount, ThemeTrendGrouping } from '@huifang/shared';
import { npsDetractorSql } from '../surveys/band-sql';
import { groupByKey, groupKeySql, num, percent, type IndicatorScope } from './indicator-scope';
import type { IndicatorSql } from './indicator-sql';

/** Per period: the comments (n) and how many of them had each theme. */
export interface ThemeFigures {
  comments: Map<string, number>;
  themes: Map<string, Map<string, number>>;
}

/**
 * The themes of a period's comments (docs/INSIGHTS.md), from indexed source rows: the comments per
 * period from survey_response's (submitted_on, department_id, …) index, the themes from
 * response_theme's day-first index, which carries the response's day, department and NPS (so
 * "among detractors" needs no join). A comment is a response whose comment is not empty, as the
 * feedback list's `hasComment` filter counts it; a comment counts once per theme it has.
 */
export async function themeFigures(
  sql: IndicatorSql,
  scope: IndicatorScope,
  groupBy: ThemeTrendGrouping | 'all',
  detractorsOnly: boolean,
): Promise<ThemeFigures> {
  const department = (alias: string) => (scope.departmentId === null ? '' : `AND ${alias}.department_id = :departmentId`);
  const detractors = (alias: string) => (detractorsOnly ? `AND ${npsDetractorSql(`${alias}.nps`)}` : '');
  const comments = await sql.query<{ g: string; n: unknown }>(
    `SELECT ${groupKeySql(sql, groupBy, 'r.submitted_on', 'r.department_id')} AS g, COUNT(*) AS n
       FROM survey_response r
      WHERE r.submitted_on BETWEEN :from AND :to ${department('r')} ${detractors('r')}
        AND r.comment IS NOT NULL AND r.comment <> ''
      ${groupByKey(groupBy)}`,
    scope,
  );
  const themes = await sql.query<{ g: string; theme_key: string; n: unknown }>(
    `SELECT ${groupKeySql(sql, groupBy, 't.submitted_on', 't.department_id')} AS g, t.theme_key, COUNT(*) AS n
       FROM response_theme t
      WHERE t.submitted_on BETWEEN :from AND :to ${department('t')} ${detractors('t')}
      ${groupByKey(groupBy, 1)}`,
    scope,
  );
  const figures: ThemeFigures = { comments: new Map(), themes: new Map() };
  for (const row of comments) figures.comments.set(String(row.g), num(row.n));
  for (const row of themes) {
    const key = String(row.g);
    const counts = figures.themes.get(key) ?? new Map<string, number>();
    counts.set(row.theme_key, num(row.n));
    figures.themes.set(key, counts);
  }
  return figures;
}

/** Each theme's count and share of `comments`, most frequent first (ties by key, so the order is stable). */
export function themeCounts(counts: ReadonlyMap<string, number> | undefined, comments: number): ThemeCount[] {
  return [...(counts ?? new Map<string, number>())]
    .map(([key, n]) => ({ key, n, share: percent(n, comments) }))
    .sort((a, b) => b.n - a.n || a.key.localeCompare(b.key));
}
