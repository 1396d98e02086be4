import type { IndicatorSql } from '../indicator-sql';

/*
 * Follow-up figures (DOMAIN.md, Indicators) per hospital day of `due_at` and department, so a year
 * of them costs a few thousand rollup rows instead of every callback. The counts and the minutes
 * histogram add up exactly across days; the median comes from the histogram by nearest rank, as
 * from the callbacks themselves.
 *
 * Callbacks change on many paths (the queue, the rules, the jobs, erasure, imports), several of them
 * bulk UPDATEs, so no path is trusted to report what it changed: triggers on `callback` (migration
 * 1765800000000) copy the figures of each old and new row into `callback_rollup_journal` (-1 / +1),
 * and the journal is folded into the rollup (`RollupsService`: on SQLite before each commit, on
 * PostgreSQL by the background folder, journal-folder.ts). The triggers need no time zone; the fold
 * turns instants into hospital days. Reads add the rows still in the journal (follow-up.query.ts).
 */

export const CALLBACK_ROLLUP = 'callback';

/** The figures of a callback row (alias `c`, or the journal) weighted by `sign`, in `callback_daily` column order. */
function dailyFigures(sign: string): string {
  const when = (condition: string) => `SUM(CASE WHEN ${condition} THEN ${sign} ELSE 0 END)`;
  return [
    `SUM(${sign})`,
    when("c.status = 'completed'"),
    when("c.status = 'completed' AND c.outcome = 'reached'"),
    when("c.status = 'failed'"),
    when("c.kind = 'service_recovery'"),
    when("c.kind = 'service_recovery' AND c.status = 'completed'"),
  ].join(', ');
}

const DAILY_COLUMNS = 'day, department_id, n, completed, reached, failed, recovery_opened, recovery_closed';
const ADD_DAILY = `ON CONFLICT (day, department_id) DO UPDATE SET
  n = callback_daily.n + excluded.n, completed = callback_daily.completed + excluded.completed,
  reached = callback_daily.reached + excluded.reached, failed = callback_daily.failed + excluded.failed,
  recovery_opened = callback_daily.recovery_opened + excluded.recovery_opened,
  recovery_closed = callback_daily.recovery_closed + excluded.recovery_closed`;
const ADD_DURATION = 'ON CONFLICT (day, department_id, minutes) DO UPDATE SET n = callback_duration_daily.n + excluded.n';

/**
 * The histogram key of a completion time. The median is reported in hours with one decimal, i.e.
 * whole minutes m rounded to multiples of 6: every m strictly inside (6k - 3, 6k + 3) reports as k
 * tenths of an hour, so they share the key 6k; a minute exactly half-way (m ≡ 3 mod 6, where the
 * rounding of the report decides) keeps its own key m. Keys sort as the minutes do and report as
 * they do, so the nearest-rank median of the keys reports exactly the median of the minutes, with a
 * tenth of the rows in the histogram.
 */
export function completionKeySql(sql: IndicatorSql, alias = 'c'): string {
  const minutes = `(${sql.secondsBetween(`${alias}.due_at`, `${alias}.completed_at`)} / 60)`;
  return `CASE WHEN ((${minutes} % 6) + 6) % 6 = 3 THEN ${minutes} ELSE 6 * CAST(ROUND(${minutes} / 6.0) AS integer) END`;
}

/** Cancelled callbacks count nowhere; completed ones without a completion time have no duration. */
const COUNTED = "c.status <> 'cancelled'";
const TIMED = "c.status = 'completed' AND c.completed_at IS NOT NULL";

function dailySelect(sql: IndicatorSql, from: string, sign: string): string {
  return `SELECT ${sql.localDay('c.due_at')}, COALESCE(c.department_id, 0), ${dailyFigures(sign)}
            FROM ${from} c WHERE ${COUNTED} GROUP BY 1, 2 ORDER BY 1, 2`;
}

function durationSelect(sql: IndicatorSql, from: string, sign: string): string {
  return `SELECT ${sql.localDay('c.due_at')}, COALESCE(c.department_id, 0), ${completionKeySql(sql)}, SUM(${sign})
            FROM ${from} c WHERE ${TIMED} GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`;
}

/**
 * Moves the journal into the rollup. Keys are added in order, so two folds on PostgreSQL (two
 * instances) lock the rows they share in the same order. There, the journal rows are taken with
 * DELETE … RETURNING: rows another fold already took are not counted twice. SQLite has one writer.
 */
export function foldCallbackJournalSql(sql: IndicatorSql): string[] {
  if (sql.isPostgres) {
    return [
      `WITH c AS (DELETE FROM callback_rollup_journal RETURNING *),
            durations AS (INSERT INTO callback_duration_daily (day, department_id, minutes, n) ${durationSelect(sql, 'c', 'c.sign')} ${ADD_DURATION})
       INSERT INTO callback_daily (${DAILY_COLUMNS}) ${dailySelect(sql, 'c', 'c.sign')} ${ADD_DAILY}`,
    ];
  }
  return [
    `INSERT INTO callback_daily (${DAILY_COLUMNS}) ${dailySelect(sql, 'callback_rollup_journal', 'c.sign')} ${ADD_DAILY}`,
    `INSERT INTO callback_duration_daily (day, department_id, minutes, n) ${durationSelect(sql, 'callback_rollup_journal', 'c.sign')} ${ADD_DURATION}`,
    'DELETE FROM callback_rollup_journal',
  ];
}

/**
 * Recomputes the whole rollup from the callbacks (`npm run rollups:rebuild`, start-up after a time
 * zone change, bulk loaders). Run the statements in one transaction; on PostgreSQL the first waits
 * for the writers that have journalled changes and holds off new ones until the rebuild commits.
 */
export function rebuildCallbackRollupSql(sql: IndicatorSql, timeZone: string): string[] {
  if (!/^[A-Za-z0-9_+\-/]+$/.test(timeZone)) throw new Error(`unexpected time zone name ${timeZone}`);
  return [
    ...(sql.isPostgres ? ['LOCK TABLE callback_rollup_journal IN SHARE ROW EXCLUSIVE MODE'] : []),
    'DELETE FROM callback_rollup_journal',
    'DELETE FROM callback_daily',
    'DELETE FROM callback_duration_daily',
    `INSERT INTO callback_daily (${DAILY_COLUMNS}) ${dailySelect(sql, 'callback', '1')}`,
    `INSERT INTO callback_duration_daily (day, department_id, minutes, n) ${durationSelect(sql, 'callback', '1')}`,
    `INSERT INTO rollup_state (name, time_zone, built_at) VALUES ('${CALLBACK_ROLLUP}', '${timeZone}', CURRENT_TIMESTAMP)
     ON CONFLICT (name) DO UPDATE SET time_zone = excluded.time_zone, built_at = excluded.built_at`,
  ];
}
