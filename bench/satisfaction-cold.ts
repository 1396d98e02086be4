import Database from 'better-sqlite3';
import { Client } from 'pg';
import { addDays } from '@huifang/shared';
import { IndicatorSql } from '../server/src/indicators/indicator-sql';
import type { Grouping, IndicatorScope } from '../server/src/indicators/indicator-scope';
import { satisfactionByGroup } from '../server/src/indicators/satisfaction.query';

/*
 * The database's cost of the satisfaction figures, the server's own SQL (satisfaction.query.ts) on a
 * copy of the benchmark file, one process, no read cache: the year's headline (as the summary asks
 * it: this period and the previous one) and the year's series by month, week and department, all
 * departments, one department and one template. Prints the median and the first of `RUNS` runs.
 * Usage: `SWC_NODE_PROJECT=bench/tsconfig.json node -r @swc-node/register bench/satisfaction-cold.ts <copy.sqlite | postgres://…> [--migrate]`
 * (never the generated file itself: `--migrate` adds the rollups, as the server's migration and start
 * would; on PostgreSQL the database must be migrated already, `--migrate` rebuilds the rollups).
 * On PostgreSQL the CPU column is this process's only: the wall clock is the figure there.
 */
const RUNS = Number(process.env['RUNS'] ?? 7);
const ZONE = 'Asia/Shanghai';

async function main(): Promise<void> {
  const [file, flag] = process.argv.slice(2);
  if (!file) throw new Error('usage: satisfaction-cold.ts <copy.sqlite | postgres://…> [--migrate]');
  const postgres = file.startsWith('postgres');
  const client = postgres ? new Client({ connectionString: file }) : null;
  const db = postgres ? null : new Database(file);
  await client?.connect();
  const run = async (text: string, values: unknown[] = []) => (client ? (await client.query(text, values)).rows : (db as Database.Database).prepare(text).all(...values));
  if (flag === '--migrate') {
    if (db) await migrate(db);
    else await rebuildOnPostgres(client as Client);
  }
  const manager = { query: run, connection: { options: { type: postgres ? 'postgres' : 'better-sqlite3' } } };
  const sql = new IndicatorSql(manager as never, 480, ZONE, postgres);
  const last = ((await run('SELECT MAX(submitted_on) AS day FROM survey_response')) as { day: string }[])[0]?.day as string;
  const year: IndicatorScope = { from: addDays(last, -364), to: last, departmentId: null };
  const previous: IndicatorScope = { ...year, from: addDays(year.from, -365), to: addDays(year.from, -1) };
  const cases: [string, () => Promise<unknown>][] = [
    ['summary (year + previous year, no dimensions)', () => Promise.all([satisfactionByGroup(sql, year, 'all', ZONE, false), satisfactionByGroup(sql, previous, 'all', ZONE, false)])],
    ['series by month', () => satisfactionByGroup(sql, year, 'month', ZONE)],
    ['series by week', () => satisfactionByGroup(sql, year, 'week', ZONE)],
    ['series by department', () => satisfactionByGroup(sql, year, 'department' as Grouping, ZONE)],
    ['series by month, one department', () => satisfactionByGroup(sql, { ...year, departmentId: 3 }, 'month', ZONE)],
    ['series by month, one template', () => satisfactionByGroup(sql, year, 'month', ZONE, true, 1)],
  ];
  for (const [label, run] of cases) {
    const times: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const began = process.hrtime.bigint();
      const usage = process.cpuUsage();
      await run();
      const used = process.cpuUsage(usage);
      times.push(Number(process.hrtime.bigint() - began) / 1e6);
      cpu.push((used.user + used.system) / 1000);
    }
    // CPU time of this process (SQLite runs in it): less bent by the other processes on the machine than the wall clock.
    const median = (values: number[]) => ([...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number).toFixed(1).padStart(7);
    console.log(`${label.padEnd(48)} wall median ${median(times)} ms, first ${(times[0] as number).toFixed(1).padStart(7)} ms; CPU median ${median(cpu)} ms`);
  }
  db?.close();
  await client?.end();
}

async function rebuildOnPostgres(client: Client): Promise<void> {
  const { rebuildRollupsSql } = await import('../server/src/indicators/rollups/rebuild-rollups');
  const began = Date.now();
  await client.query('BEGIN');
  for (const statement of rebuildRollupsSql('postgres', ZONE)) await client.query(statement);
  await client.query('COMMIT');
  console.log(`rebuilt every rollup in ${Date.now() - began} ms`);
  await client.query('ANALYZE');
}

/** The survey rollups' migration and a rebuild of every rollup, on a file generated before them. */
async function migrate(db: Database.Database): Promise<void> {
  const { SurveyRollups1765950000000 } = await import('../server/src/migrations/1765950000000-survey-rollups');
  const { rebuildRollupsSql } = await import('../server/src/indicators/rollups/rebuild-rollups');
  const applied = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'survey_daily'").get();
  if (!applied) await new SurveyRollups1765950000000().up({ connection: { options: { type: 'better-sqlite3' } }, query: async (text: string) => db.exec(text) } as never);
  const began = Date.now();
  db.transaction(() => {
    for (const statement of rebuildRollupsSql('sqlite', ZONE)) db.exec(statement);
  })();
  console.log(`rebuilt every rollup in ${Date.now() - began} ms`);
  db.exec('ANALYZE');
}

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
