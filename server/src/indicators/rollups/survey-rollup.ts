import { FFT_DONT_KNOW_CODE, FFT_NEGATIVE_CODES, FFT_POSITIVE_MAX, FFT_SCALE, SCALE } from '@huifang/shared';
import { npsDetractorSql, npsPromoterSql, topBoxSql } from '../../surveys/band-sql';
import type { IndicatorSql } from '../indicator-sql';

/*
 * Satisfaction figures (DOMAIN.md, Surveys) per hospital day, department and template, so a year of
 * them costs a few thousand rollup rows instead of every response and invitation. `survey_daily`
 * keeps, per key, the responses submitted that day, how many answered each NPS and CSAT value (one
 * column per value: the bands are applied when read, by band-sql.ts, so the rules live once), and
 * of the invitations created that day, how many and how many are answered (the response rate sets a
 * response against its invitation's day).
 *
 * As for the follow-up rollup (callback-rollup.ts), triggers on `survey_response` and
 * `survey_invitation` (migration 1765950000000) copy each old and new row's figures into
 * `survey_rollup_journal` (-1 / +1), whatever wrote them (submit, invite, a loader, SQL by hand), and
 * the journal is folded into the rollup (on SQLite before each commit, on PostgreSQL by the
 * background folder; reads add what is not folded yet). Journal rows are of
 * two kinds: a response (`day` set: its submission day, NPS, CSAT) or an invitation's figures
 * (`created_at` set: `invited` and `answered`, 0 or 1; a response journals its invitation's
 * `answered` too). Template versions never change template, so the journal keeps the version.
 */

export const SURVEY_ROLLUP = 'survey';

const values = (scale: { min: number; max: number }) => Array.from({ length: scale.max - scale.min + 1 }, (_, i) => scale.min + i);
const NPS_VALUES = values(SCALE.nps);
const CSAT_VALUES = values(SCALE.csat);
export const FFT_VALUES = values(FFT_SCALE);
export const npsColumn = (value: number) => `nps_${value}`;
export const csatColumn = (value: number) => `csat_${value}`;
export const fftColumn = (value: number) => `fft_${value}`;

/** `survey_daily`'s figure columns, in order. */
export const SURVEY_FIGURE_COLUMNS = [
  'responses',
  ...NPS_VALUES.map(npsColumn),
  ...CSAT_VALUES.map(csatColumn),
  'invitations',
  'answered',
  ...FFT_VALUES.map(fftColumn),
];
const DAILY_COLUMNS = `day, department_id, template_id, ${SURVEY_FIGURE_COLUMNS.join(', ')}`;
const ADD_DAILY = `ON CONFLICT (day, department_id, template_id) DO UPDATE SET
  ${SURVEY_FIGURE_COLUMNS.map((c) => `${c} = survey_daily.${c} + excluded.${c}`).join(', ')}`;

/** The journal-shaped rows' day: a response's submission day, an invitation's creation day. */
export const journalDaySql = (sql: IndicatorSql, alias = 'j') => `COALESCE(${alias}.day, ${sql.localDay(`${alias}.created_at`)})`;

/** The figures of journal-shaped rows (alias `j`: sign, day, created_at, nps, csat, invited, answered, fft), in `SURVEY_FIGURE_COLUMNS` order, not summed. */
export function journalFiguresSql(alias = 'j'): string[] {
  const when = (condition: string) => `CASE WHEN ${condition} THEN ${alias}.sign ELSE 0 END`;
  return [
    when(`${alias}.day IS NOT NULL`),
    ...NPS_VALUES.map((v) => when(`${alias}.nps = ${v}`)),
    ...CSAT_VALUES.map((v) => when(`${alias}.csat = ${v}`)),
    `${alias}.invited * ${alias}.sign`,
    `${alias}.answered * ${alias}.sign`,
    ...FFT_VALUES.map((v) => when(`${alias}.fft = ${v}`)),
  ];
}

/** Journal-shaped rows (sum them by day, department and template) for `from`, with the template of each version. */
function aggregate(sql: IndicatorSql, from: string): string {
  return `SELECT ${journalDaySql(sql)}, j.department_id, v.template_id, ${journalFiguresSql()
    .map((figure) => `SUM(${figure})`)
    .join(', ')}
            FROM ${from} j JOIN survey_template_version v ON v.id = j.template_version_id
           GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`;
}

/** Every response and invitation as journal rows with sign +1 (the rebuild). */
const SOURCE_ROWS = `(SELECT 1 AS sign, r.submitted_on AS day, NULL AS created_at, r.department_id, r.template_version_id, r.nps, r.csat, 0 AS invited, 0 AS answered, r.fft
                        FROM survey_response r
                      UNION ALL
                      SELECT 1, NULL, i.created_at, i.department_id, i.template_version_id, NULL, NULL, 1,
                             CASE WHEN EXISTS (SELECT 1 FROM survey_response a WHERE a.invitation_id = i.id) THEN 1 ELSE 0 END, NULL
                        FROM survey_invitation i)`;

/**
 * Moves the journal into the rollup, keys in order (see foldCallbackJournalSql): on PostgreSQL the
 * rows are taken with DELETE … RETURNING, so rows another fold took are not counted twice.
 */
export function foldSurveyJournalSql(sql: IndicatorSql): string[] {
  if (sql.isPostgres) {
    return [`WITH j AS (DELETE FROM survey_rollup_journal RETURNING *) INSERT INTO survey_daily (${DAILY_COLUMNS}) ${aggregate(sql, 'j')} ${ADD_DAILY}`];
  }
  return [`INSERT INTO survey_daily (${DAILY_COLUMNS}) ${aggregate(sql, 'survey_rollup_journal')} ${ADD_DAILY}`, 'DELETE FROM survey_rollup_journal'];
}

/** Recomputes `survey_daily` from the responses and invitations (one transaction; see rebuildCallbackRollupSql). */
export function rebuildSurveyRollupSql(sql: IndicatorSql, timeZone: string): string[] {
  if (!/^[A-Za-z0-9_+\-/]+$/.test(timeZone)) throw new Error(`unexpected time zone name ${timeZone}`);
  return [
    ...(sql.isPostgres ? ['LOCK TABLE survey_rollup_journal IN SHARE ROW EXCLUSIVE MODE'] : []),
    'DELETE FROM survey_rollup_journal',
    'DELETE FROM survey_daily',
    `INSERT INTO survey_daily (${DAILY_COLUMNS}) ${aggregate(sql, SOURCE_ROWS)}`,
    `INSERT INTO rollup_state (name, time_zone, built_at) VALUES ('${SURVEY_ROLLUP}', '${timeZone}', CURRENT_TIMESTAMP)
     ON CONFLICT (name) DO UPDATE SET time_zone = excluded.time_zone, built_at = excluded.built_at`,
  ];
}

/**
 * The satisfaction figures of one bucket from its summed `survey_daily` columns (alias `t`), the
 * bands applied to each value's column: n, nps_n, promoters, detractors, csat_n, csat_top,
 * csat_sum, invitations, answered, fft_n, fft_positive, fft_negative, fft_dont_know. Summing the columns first and banding the few sums after costs
 * a year of rows far less than banding every row.
 */
export function satisfactionFiguresSql(alias = 't'): string {
  const add = (terms: string[]) => `(${terms.join(' + ')})`;
  const banded = (vs: number[], column: (v: number) => string, band: (literal: string) => string) =>
    add(vs.map((v) => `CASE WHEN ${band(String(v))} THEN ${alias}.${column(v)} ELSE 0 END`));
  return [
    `${alias}.responses AS n`,
    `${add(NPS_VALUES.map((v) => `${alias}.${npsColumn(v)}`))} AS nps_n`,
    `${banded(NPS_VALUES, npsColumn, npsPromoterSql)} AS promoters`,
    `${banded(NPS_VALUES, npsColumn, npsDetractorSql)} AS detractors`,
    `${add(CSAT_VALUES.map((v) => `${alias}.${csatColumn(v)}`))} AS csat_n`,
    `${banded(CSAT_VALUES, csatColumn, topBoxSql)} AS csat_top`,
    `${add(CSAT_VALUES.map((v) => `${v} * ${alias}.${csatColumn(v)}`))} AS csat_sum`,
    `${alias}.invitations AS invitations`,
    `${alias}.answered AS answered`,
    `${add(FFT_VALUES.map((v) => `${alias}.${fftColumn(v)}`))} AS fft_n`,
    `${banded(FFT_VALUES, fftColumn, (v) => `${v} <= ${FFT_POSITIVE_MAX}`)} AS fft_positive`,
    `${banded(FFT_VALUES, fftColumn, (v) => `${v} IN (${FFT_NEGATIVE_CODES.join(', ')})`)} AS fft_negative`,
    `${alias}.${fftColumn(FFT_DONT_KNOW_CODE)} AS fft_dont_know`,
  ].join(',\n ');
}
