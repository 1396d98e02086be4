/*
 * The database's cost of the cohort, status and wait figures, called as the server calls them but
 * without HTTP or the read cache: `SWC_NODE_PROJECT=bench/tsconfig.json node -r @swc-node/register
 * bench/indicator-cost.ts --db sqlite --file <copy of tmp/bench/huifang-bench-1m.sqlite>` or
 * `--db postgres --url postgres://postgres@127.0.0.1:5432/huifang_bench`. Each figure: ten periods
 * ending 1..10 days before today (so no two are alike), median and max in ms, plus the load average.
 */
import { loadavg } from 'node:os';
import Database from 'better-sqlite3';
import { Client } from 'pg';
import type { EntityManager } from 'typeorm';
import { addDays, calendarDayOf } from '@huifang/shared';
import { churnByGroup } from '../server/src/indicators/churn.query';
import { followUpByGroup } from '../server/src/indicators/follow-up.query';
import { satisfactionByGroup } from '../server/src/indicators/satisfaction.query';
import { IndicatorSql } from '../server/src/indicators/indicator-sql';
import { statusCounts } from '../server/src/indicators/status-counts.query';
import { waitTimeByGroup } from '../server/src/indicators/wait-time.query';
import { statusClock } from '../server/src/patients/relationship-status';

const ZONE = 'Asia/Shanghai';
const GRACE = 30;
const THRESHOLD = 30;

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? undefined : process.argv[i + 1];
}

async function manager(): Promise<{ manager: EntityManager; close: () => Promise<void> }> {
  if (option('db') === 'postgres') {
    const client = new Client({ connectionString: option('url') ?? 'postgres://postgres@127.0.0.1:5432/huifang_bench' });
    await client.connect();
    const m = { query: async (text: string, values: unknown[]) => (await client.query(text, values)).rows, connection: { options: { type: 'postgres' } } };
    return { manager: m as unknown as EntityManager, close: () => client.end() };
  }
  const db = new Database(option('file') ?? 'tmp/bench/huifang-bench-1m.sqlite', { readonly: true });
  const m = {
    query: async (text: string, values: unknown[]) => db.prepare(text).all(...(values as never[])),
    connection: { options: { type: 'better-sqlite3' } },
  };
  return { manager: m as unknown as EntityManager, close: async () => db.close() };
}

async function main(): Promise<void> {
  const { manager: m, close } = await manager();
  const sql = new IndicatorSql(m, 8 * 60, ZONE);
  const today = calendarDayOf(new Date(), ZONE);
  const clock = statusClock(ZONE, GRACE);
  const period = (days: number, back: number, departmentId: number | null) => ({ from: addDays(today, -back - days + 1), to: addDays(today, -back), departmentId });
  const figures: [string, (back: number) => Promise<unknown>][] = [
    ['churn by month, one year', (back) => churnByGroup(sql, period(365, back, null), 'month', GRACE, today)],
    ['churn by month, one year, dept 1', (back) => churnByGroup(sql, period(365, back, 1), 'month', GRACE, today)],
    ['summary churn (all), one year', (back) => churnByGroup(sql, period(365, back, null), 'all', GRACE, today)],
    ['status counts, all departments', () => statusCounts(sql, null, clock)],
    ['status counts, dept 1', () => statusCounts(sql, 1, clock)],
    ['wait by week, 91 days', (back) => waitTimeByGroup(sql, period(91, back, null), 'week', THRESHOLD)],
    ['wait by month, one year', (back) => waitTimeByGroup(sql, period(365, back, null), 'month', THRESHOLD)],
    ['wait (summary), one year', (back) => waitTimeByGroup(sql, period(365, back, null), 'all', THRESHOLD)],
    ['satisfaction (summary), one year', (back) => satisfactionByGroup(sql, period(365, back, null), 'all', ZONE, false)],
    ['satisfaction by month, one year', (back) => satisfactionByGroup(sql, period(365, back, null), 'month', ZONE, true)],
    ['follow-up (summary), one year', (back) => followUpByGroup(sql, period(365, back, null), 'all', ZONE, { withDurations: false })],
    ['follow-up by month, one year', (back) => followUpByGroup(sql, period(365, back, null), 'month', ZONE)],
    ['churn (summary), 91 days, dept 1', (back) => churnByGroup(sql, period(91, back, 1), 'all', GRACE, today)],
    ['wait (summary), 91 days, dept 1', (back) => waitTimeByGroup(sql, period(91, back, 1), 'all', THRESHOLD)],
  ];
  const only = option('only');
  for (const [name, run] of figures) {
    if (only && !name.includes(only)) continue;
    await run(0); // page cache warm: the figure measures computing, not reading the disk
    const times: number[] = [];
    const cpu: number[] = [];
    for (let back = 1; back <= 10; back++) {
      const began = process.hrtime.bigint();
      const cpuBefore = process.cpuUsage();
      await run(back);
      const used = process.cpuUsage(cpuBefore);
      times.push(Number(process.hrtime.bigint() - began) / 1e6);
      cpu.push((used.user + used.system) / 1000);
    }
    times.sort((a, b) => a - b);
    cpu.sort((a, b) => a - b);
    // On SQLite the query runs in this process: its CPU time is the cost, far less noisy than the
    // wall clock on a loaded machine. On PostgreSQL the server works: only the wall clock says.
    const cost = option('db') === 'postgres' ? '' : `  cpu median ${(cpu[4] as number).toFixed(1).padStart(7)} ms`;
    console.log(`${name.padEnd(36)} median ${(times[4] as number).toFixed(1).padStart(7)} ms  max ${(times[9] as number).toFixed(1).padStart(7)} ms${cost}  (load ${loadavg()[0]?.toFixed(2)})`);
  }
  await close();
}

void main();
