import type { EntityManager } from 'typeorm';
import { addDays, type CalendarDay } from '@huifang/shared';
import { runRawSql } from '../core/database/raw-sql';
import { IndicatorSql } from '../indicators/indicator-sql';
import { WAIT_TENTHS_SQL, waitTenths } from './wait-rollup';

/*
 * Wait histograms by day, ISO week and month, per department and for all departments together
 * (department_id 0), in tenths of a minute (see wait-rollup.ts for why tenths
 * give the DOMAIN.md median and p90 exactly, and how `above_tenth_n` answers any whole-minute
 * threshold). A period is read as its whole months, then whole weeks, then single days
 * (`waitSpans`), so a year costs 12 month rows per tenth plus at most a few weeks and 12 days, and 91
 * days by week 13 weeks plus at most 12 days, whatever the number of encounters.
 *
 * Measured on the 1M benchmark data (bench/indicator-cost.ts): a tenth-of-a-minute histogram of one
 * department and day has nearly as many rows as encounters (about 170 waits spread over a few
 * hundred tenths), so daily rows alone would not have helped; a week of all departments folds about
 * 9,600 waits into about a thousand rows, and the number of distinct tenths grows far slower than
 * the encounters (waits are bounded), which keeps a period's cost nearly flat from 1M to 10M.
 * The all-departments rows avoid adding eight departments' rows up at read time.
 */

export type WaitSpan = 'day' | 'week' | 'month';

/** The Monday starting a calendar day's ISO week. */
export function mondayOf(day: CalendarDay): CalendarDay {
  return addDays(day, -((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7));
}

/** The first day of each span a check-in day counts in. */
function spanStarts(day: CalendarDay): [WaitSpan, CalendarDay][] {
  return [
    ['day', day],
    ['week', mondayOf(day)],
    ['month', `${day.slice(0, 7)}-01`],
  ];
}

const ADD = `ON CONFLICT (span, department_id, first_day, tenths)
  DO UPDATE SET n = wait_histogram.n + excluded.n, seconds = wait_histogram.seconds + excluded.seconds,
                above_tenth_n = wait_histogram.above_tenth_n + excluded.above_tenth_n`;

/**
 * Adds one called-in encounter's wait to its day, week and month, of its department and of all
 * (inside the call's transaction). Rows in key order, so two PostgreSQL transactions lock shared
 * rows in the same order.
 */
export async function countWaitInHistograms(manager: EntityManager, encounter: { checkedInOn: string; departmentId: number }, waitSeconds: number): Promise<void> {
  const tenths = waitTenths(waitSeconds);
  const above = waitSeconds > tenths * 6 ? 1 : 0;
  const keys = spanStarts(encounter.checkedInOn).flatMap(([span, first]) => [0, encounter.departmentId].map((department) => [span, first, department] as const));
  keys.sort((a, b) => a[0].localeCompare(b[0]) || a[2] - b[2] || a[1].localeCompare(b[1]));
  const values: unknown[] = [];
  const rows = keys.map(([span, first, department]) => {
    values.push(span, first, department, tenths, waitSeconds, above);
    const i = values.length - 6;
    return `($${i + 1}, $${i + 2}, $${i + 3}, $${i + 4}, 1, $${i + 5}, $${i + 6})`;
  });
  await runRawSql(manager, `INSERT INTO wait_histogram (span, first_day, department_id, tenths, n, seconds, above_tenth_n) VALUES ${rows.join(', ')} ${ADD}`, values);
}

/**
 * The statements that rebuild the histograms from the encounters: all, or only what `months`
 * (`YYYY-MM`; the import rebuilds the months it changed) touch — their days and months, and every
 * week overlapping them (read whole, from the days around the months). `weekStart` is the
 * database's Monday-of-a-day expression (IndicatorSql.weekStart).
 */
export function rebuildWaitHistogramSql(sql: IndicatorSql, months?: readonly string[]): string[] {
  const weekStart = (day: string) => sql.weekStart(day);
  if (months && (months.length === 0 || !months.every((m) => /^\d{4}-\d{2}$/.test(m)))) throw new Error('months must be a non-empty list of YYYY-MM');
  const bounds = months?.map((m) => ({ first: `${m}-01`, last: addDays(`${addDays(`${m}-28`, 4).slice(0, 7)}-01`, -1) }));
  const spanIn = (span: WaitSpan, day: string) =>
    bounds ? ` AND (${bounds.map(({ first, last }) => `(${day} >= '${span === 'week' ? addDays(first, -6) : first}' AND ${day} <= '${last}')`).join(' OR ')})` : '';
  // Day ranges, so the index on checked_in_on serves the filter; weeks read up to six days around.
  const encountersIn = (span: WaitSpan) =>
    bounds ? ` AND (${bounds.map(({ first, last }) => `(checked_in_on >= '${span === 'week' ? addDays(first, -6) : first}' AND checked_in_on <= '${span === 'week' ? addDays(last, 6) : last}')`).join(' OR ')})` : '';
  const firstDay: Record<WaitSpan, string> = { day: 'checked_in_on', week: weekStart('checked_in_on'), month: "substr(checked_in_on, 1, 7) || '-01'" };
  // PostgreSQL: a call committing a new histogram row between the DELETE and the INSERT would make
  // the INSERT fail on the key; the lock holds the calls off until this transaction ends.
  const statements: string[] = sql.isPostgres ? ['LOCK TABLE wait_histogram IN SHARE ROW EXCLUSIVE MODE'] : [];
  for (const span of ['day', 'week', 'month'] as const) {
    statements.push(`DELETE FROM wait_histogram WHERE span = '${span}'${spanIn(span, 'first_day')}`);
    for (const department of ['department_id', '0']) {
      statements.push(
        `INSERT INTO wait_histogram (span, first_day, department_id, tenths, n, seconds, above_tenth_n)
         SELECT '${span}', ${firstDay[span]}, ${department}, ${WAIT_TENTHS_SQL('wait_seconds')}, COUNT(*), SUM(wait_seconds),
                SUM(CASE WHEN wait_seconds > 6 * ${WAIT_TENTHS_SQL('wait_seconds')} THEN 1 ELSE 0 END)
           FROM encounter WHERE wait_seconds IS NOT NULL${encountersIn(span)}${span === 'week' ? spanIn('week', firstDay.week) : ''}
          GROUP BY 1, 2, 3, 4`,
      );
    }
  }
  return statements;
}

/** A period cut into whole months, whole weeks and single days, each `[span, first, last]` by first day. */
export function waitSpans(from: CalendarDay, to: CalendarDay, largest: WaitSpan): [WaitSpan, CalendarDay, CalendarDay][] {
  if (largest === 'day') return [['day', from, to]];
  const smaller = (a: CalendarDay, b: CalendarDay) => (a <= b ? waitSpans(a, b, largest === 'month' ? 'week' : 'day') : []);
  if (largest === 'week') {
    const firstMonday = mondayOf(addDays(from, 6));
    const lastMonday = mondayOf(addDays(to, -6));
    if (lastMonday < firstMonday) return [['day', from, to]];
    return [...smaller(from, addDays(firstMonday, -1)), ['week', firstMonday, lastMonday], ...smaller(addDays(lastMonday, 7), to)];
  }
  const firstMonth = from.endsWith('-01') ? from : `${addDays(`${from.slice(0, 7)}-28`, 4).slice(0, 7)}-01`;
  const dayAfter = addDays(to, 1);
  const lastMonth = dayAfter.endsWith('-01') ? `${to.slice(0, 7)}-01` : `${addDays(`${to.slice(0, 7)}-01`, -1).slice(0, 7)}-01`;
  // Weeks never cross a month here: the month grouping keys a week by its Monday's month.
  if (firstMonth > lastMonth) return from < firstMonth && firstMonth <= to ? [...smaller(from, addDays(firstMonth, -1)), ...smaller(firstMonth, to)] : smaller(from, to);
  const afterLast = `${addDays(`${lastMonth.slice(0, 7)}-28`, 4).slice(0, 7)}-01`;
  return [...smaller(from, addDays(firstMonth, -1)), ['month', firstMonth, lastMonth], ...smaller(afterLast, to)];
}

/** Rebuilds the histograms (all, or what `months` touch) in the caller's transaction. */
export async function rebuildWaitHistograms(manager: EntityManager, months?: readonly string[]): Promise<void> {
  const sql = new IndicatorSql(null, null, 'UTC', manager.connection.options.type === 'postgres');
  for (const statement of rebuildWaitHistogramSql(sql, months)) await manager.query(statement);
}
