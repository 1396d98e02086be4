import { SCALE } from '@huifang/shared';
import { topBoxSql } from '../../surveys/band-sql';

/*
 * Dimension scores (DOMAIN.md: top-2-box % and mean of each rating dimension) per hospital day,
 * department, template and dimension: `survey_rating_daily` counts the answers of each rating value
 * in its own column (the top box is applied when read, by band-sql.ts). Triggers on `survey_answer`
 * (and on `survey_response`, whose day, department and template the answers take) journal each
 * change into `survey_rating_journal` (migration 1765950000000), folded in as for the other rollups
 * (survey-rollup.ts).
 */

const RATING_VALUES = Array.from({ length: SCALE.rating.max - SCALE.rating.min + 1 }, (_, i) => SCALE.rating.min + i);
const ratingColumn = (value: number) => `rating_${value}`;
export const RATING_COLUMNS = RATING_VALUES.map(ratingColumn);
const DAILY_COLUMNS = `day, department_id, template_id, dimension, ${RATING_COLUMNS.join(', ')}`;
const ADD_DAILY = `ON CONFLICT (day, department_id, template_id, dimension) DO UPDATE SET
  ${RATING_COLUMNS.map((c) => `${c} = survey_rating_daily.${c} + excluded.${c}`).join(', ')}`;

/** The counts of journal-shaped rows (alias `j`: sign, value), in `RATING_COLUMNS` order, not summed. */
export function ratingJournalFiguresSql(alias = 'j'): string[] {
  return RATING_VALUES.map((v) => `CASE WHEN ${alias}.value = ${v} THEN ${alias}.sign ELSE 0 END`);
}

function aggregate(from: string): string {
  return `SELECT j.day, j.department_id, v.template_id, j.dimension, ${ratingJournalFiguresSql()
    .map((figure) => `SUM(${figure})`)
    .join(', ')}
            FROM ${from} j JOIN survey_template_version v ON v.id = j.template_version_id
           GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`;
}

/** The answers the dimension figures count (alias `a`): a rating with its dimension and value. */
export const ratedAnswerSql = (a = 'a') => `${a}.kind = 'rating' AND ${a}.dimension IS NOT NULL AND ${a}.value_number IS NOT NULL`;

/** Every rating answer as a journal row with sign +1 (the rebuild). */
const SOURCE_ROWS = `(SELECT 1 AS sign, r.submitted_on AS day, r.department_id, r.template_version_id, a.dimension, a.value_number AS value
                        FROM survey_answer a JOIN survey_response r ON r.id = a.response_id
                       WHERE ${ratedAnswerSql()})`;

/** Moves the journal into the rollup (see foldSurveyJournalSql). */
export function foldRatingJournalSql(postgres: boolean): string[] {
  if (postgres) {
    return [`WITH j AS (DELETE FROM survey_rating_journal RETURNING *) INSERT INTO survey_rating_daily (${DAILY_COLUMNS}) ${aggregate('j')} ${ADD_DAILY}`];
  }
  return [`INSERT INTO survey_rating_daily (${DAILY_COLUMNS}) ${aggregate('survey_rating_journal')} ${ADD_DAILY}`, 'DELETE FROM survey_rating_journal'];
}

/** Recomputes `survey_rating_daily` from the answers (in the rebuild's transaction, after its locks). */
export function rebuildRatingRollupSql(postgres: boolean): string[] {
  return [
    ...(postgres ? ['LOCK TABLE survey_rating_journal IN SHARE ROW EXCLUSIVE MODE'] : []),
    'DELETE FROM survey_rating_journal',
    'DELETE FROM survey_rating_daily',
    `INSERT INTO survey_rating_daily (${DAILY_COLUMNS}) ${aggregate(SOURCE_ROWS)}`,
  ];
}

/** The dimension figures of one bucket from its summed `survey_rating_daily` columns (alias `t`): n, top (top box), total (sum of values). */
export function dimensionFiguresSql(alias = 't'): string {
  const add = (terms: string[]) => `(${terms.join(' + ')})`;
  return [
    `${add(RATING_VALUES.map((v) => `${alias}.${ratingColumn(v)}`))} AS n`,
    `${add(RATING_VALUES.map((v) => `CASE WHEN ${topBoxSql(String(v))} THEN ${alias}.${ratingColumn(v)} ELSE 0 END`))} AS top`,
    `${add(RATING_VALUES.map((v) => `${v} * ${alias}.${ratingColumn(v)}`))} AS total`,
  ].join(', ');
}
