import type { CalendarDay } from '@huifang/shared';
import { waitBandKeySql } from '../../surveys/band-sql';
import { waitSpans } from '../../encounters/wait-histogram';
import type { IndicatorSql } from '../indicator-sql';
import { ratedAnswerSql } from './rating-rollup';

/*
 * The counts behind the drivers of dissatisfaction (drivers.query.ts, shared/src/lib/drivers.ts)
 * by day, ISO week and month × department (and 0, all departments), so a year reads about twelve
 * months of rows whatever the number of responses. Daily rows alone would not compress: a day and
 * department has a few dozen responses but up to dimensions × 5 ratings × 12 NPS values of
 * combinations; a month of all departments folds thousands of responses into a few hundred rows.
 *
 * `driver_count` rows, by kind (x and y are -1 for no answer):
 *   commented  tagged comments with an NPS answer     x = NPS
 *   theme      comment themes with an NPS answer      label = theme key, x = NPS
 *   rating     rating answers                         label = dimension, x = rating, y = NPS
 *   wait       responses whose visit has a wait       label = wait band (shared WAIT_BANDS), x = NPS, y = CSAT
 * all on the response's submission day and department, as the satisfaction figures count them (a
 * stored day: no time zone involved, so the rollup is never rebuilt for one).
 *
 * Triggers (migration 1766040000000) on `survey_response`, `survey_answer`, `response_theme` and
 * `encounter` (its wait) journal each old row -1 and new row +1 into `driver_count_journal` in the
 * writing transaction, whatever wrote it (submit, demo, imports, re-tag, erasure, SQL by hand);
 * the journal is folded (rollups.service.ts: on SQLite before each commit, on PostgreSQL in the
 * background), each journal row counted in its day, week and month, of its department and of all.
 */

export const DRIVER_KINDS = ['commented', 'theme', 'rating', 'wait'] as const;
export type DriverKind = (typeof DRIVER_KINDS)[number];

const COLUMNS = 'span, department_id, first_day, kind, label, x, y, n';
const ADD = 'ON CONFLICT (span, department_id, first_day, kind, label, x, y) DO UPDATE SET n = driver_count.n + excluded.n';

/**
 * Journal-shaped rows (sign, day, department_id, kind, label, x, y) summed into their spans and
 * departments, keys in order: two PostgreSQL folds at once (two instances) lock shared rows in the
 * same order (see foldCallbackJournalSql).
 */
function expand(sql: IndicatorSql, from: string): string {
  const firstDay = `CASE s.span WHEN 'day' THEN j.day WHEN 'week' THEN ${sql.weekStart('j.day')} ELSE substr(j.day, 1, 7) || '-01' END`;
  return `SELECT s.span, CASE WHEN d.whole = 1 THEN 0 ELSE j.department_id END, ${firstDay}, j.kind, j.label, j.x, j.y, SUM(j.sign)
            FROM ${from} j CROSS JOIN (SELECT 'day' AS span UNION ALL SELECT 'week' UNION ALL SELECT 'month') s
                           CROSS JOIN (SELECT 0 AS whole UNION ALL SELECT 1) d
           GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 2, 3, 4, 5, 6, 7`;
}

/** Every source row as a journal row with sign +1 (the rebuild): the same rows the triggers journal. */
const SOURCE_ROWS = `(SELECT 1 AS sign, r.submitted_on AS day, r.department_id, 'commented' AS kind, '' AS label, r.nps AS x, -1 AS y
                        FROM survey_response r WHERE r.comment_sentiment IS NOT NULL AND r.nps IS NOT NULL
                      UNION ALL
                      SELECT 1, t.submitted_on, t.department_id, 'theme', t.theme_key, t.nps, -1 FROM response_theme t WHERE t.nps IS NOT NULL
                      UNION ALL
                      SELECT 1, r.submitted_on, r.department_id, 'rating', a.dimension, a.value_number, COALESCE(r.nps, -1)
                        FROM survey_answer a JOIN survey_response r ON r.id = a.response_id WHERE ${ratedAnswerSql('a')}
                      UNION ALL
                      SELECT 1, r.submitted_on, r.department_id, 'wait', ${waitBandKeySql('e.wait_seconds')}, COALESCE(r.nps, -1), COALESCE(r.csat, -1)
                        FROM survey_response r JOIN encounter e ON e.id = r.encounter_id WHERE e.wait_seconds >= 0)`;

/** Moves the journal into the rollup (see foldSurveyJournalSql: on PostgreSQL DELETE … RETURNING takes each row once). */
export function foldDriverJournalSql(sql: IndicatorSql): string[] {
  if (sql.isPostgres) return [`WITH j AS (DELETE FROM driver_count_journal RETURNING *) INSERT INTO driver_count (${COLUMNS}) ${expand(sql, 'j')} ${ADD}`];
  return [`INSERT INTO driver_count (${COLUMNS}) ${expand(sql, 'driver_count_journal')} ${ADD}`, 'DELETE FROM driver_count_journal'];
}

/**
 * Recomputes `driver_count` from the source rows (in the rebuild's transaction; the lock holds folds
 * and triggers off): the days of each department first, then all departments' days, weeks and months
 * summed from those day rows rather than from the source rows (on the 1M benchmark file 5.6 s of CPU
 * instead of 20: the source rows are read and sorted once, not six times).
 */
export function rebuildDriverRollupSql(sql: IndicatorSql): string[] {
  const fromDays = (span: string, department: string, firstDay: string, only = '') =>
    `INSERT INTO driver_count (${COLUMNS})
     SELECT '${span}', ${department}, ${firstDay}, kind, label, x, y, SUM(n) FROM driver_count WHERE span = 'day'${only}
      GROUP BY 2, 3, 4, 5, 6, 7`;
  return [
    ...(sql.isPostgres ? ['LOCK TABLE driver_count_journal IN SHARE ROW EXCLUSIVE MODE'] : []),
    'DELETE FROM driver_count_journal',
    'DELETE FROM driver_count',
    `INSERT INTO driver_count (${COLUMNS})
     SELECT 'day', j.department_id, j.day, j.kind, j.label, j.x, j.y, SUM(j.sign) FROM ${SOURCE_ROWS} j GROUP BY 2, 3, 4, 5, 6, 7`,
    fromDays('day', '0', 'first_day', ' AND department_id <> 0'),
    fromDays('week', 'department_id', sql.weekStart('first_day')),
    fromDays('month', 'department_id', "substr(first_day, 1, 7) || '-01'"),
  ];
}

/** One summed row of a period: kind, label, x, y (-1: none) and its count. */
export interface DriverCountRow {
  kind: DriverKind;
  label: string;
  x: number;
  y: number;
  n: number;
}

/**
 * The period's counts: its whole months, weeks and days of the rollup (waitSpans), plus what is
 * still in the journal (not yet folded: on PostgreSQL the last moments' writes), zero
 * sums left out. `departmentId` null: all departments (the rollup's department 0).
 */
export async function readDriverCounts(sql: IndicatorSql, from: CalendarDay, to: CalendarDay, departmentId: number | null): Promise<DriverCountRow[]> {
  const params: Record<string, unknown> = { from, to, department: departmentId ?? 0, departmentId };
  const spans = waitSpans(from, to, 'month').map(([span, first, last], i) => {
    Object.assign(params, { [`s${i}`]: span, [`f${i}`]: first, [`l${i}`]: last });
    return `(span = :s${i} AND first_day BETWEEN :f${i} AND :l${i})`;
  });
  const rows = await sql.query<Record<string, unknown>>(
    `SELECT kind, label, x, y, SUM(n) AS n FROM (
       SELECT kind, label, x, y, n FROM driver_count WHERE department_id = :department AND (${spans.join(' OR ')})
       UNION ALL
       SELECT kind, label, x, y, sign FROM driver_count_journal
        WHERE day BETWEEN :from AND :to ${departmentId === null ? '' : 'AND department_id = :departmentId'}
     ) t GROUP BY kind, label, x, y HAVING SUM(n) <> 0`,
    params,
  );
  return rows.map((row) => ({ kind: row['kind'] as DriverKind, label: String(row['label']), x: Number(row['x']), y: Number(row['y']), n: Number(row['n']) }));
}
