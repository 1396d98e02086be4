import Database from 'better-sqlite3';
import { Client } from 'pg';
import { addDays } from '@huifang/shared';
import { IndicatorSql } from '../server/src/indicators/indicator-sql';
import type { IndicatorScope } from '../server/src/indicators/indicator-scope';
import { driverCounts } from '../server/src/indicators/drivers.query';

/*
 * The database's cost of the drivers of dissatisfaction (GET /api/indicators/drivers), the server's
 * own SQL (drivers.query.ts) on a copy of the benchmark file, one process, no read cache: a year, a
 * quarter and 30 days, all departments and one. Prints the median and the first of `RUNS` runs.
 * Usage: `SWC_NODE_PROJECT=bench/tsconfig.json node -r @swc-node/register bench/drivers-cold.ts <copy.sqlite | postgres://…>`
 */
const RUNS = Number(process.env['RUNS'] ?? 7);
const ZONE = 'Asia/Shanghai';

async function main(): Promise<void> {
  const [file] = process.argv.slice(2);
  if (!file) throw new Error('usage: drivers-cold.ts <copy.sqlite | postgres://…>');
  const postgres = file.startsWith('postgres');
  const client = postgres ? new Client({ connectionString: file }) : null;
  const db = postgres ? null : new Database(file, { readonly: true });
  await client?.connect();
  const run = async (text: string, values: unknown[] = []) => (client ? (await client.query(text, values)).rows : (db as Database.Database).prepare(text).all(...values));
  const manager = { query: run, connection: { options: { type: postgres ? 'postgres' : 'better-sqlite3' } } };
  const sql = new IndicatorSql(manager as never, 480, ZONE, postgres);
  const last = ((await run('SELECT MAX(submitted_on) AS day FROM survey_response')) as { day: string }[])[0]?.day as string;
  const scope = (days: number, departmentId: number | null = null): IndicatorScope => ({ from: addDays(last, -(days - 1)), to: last, departmentId });
  const cases: [string, IndicatorScope][] = [
    ['year, all departments', scope(365)],
    ['year, one department', scope(365, 3)],
    ['quarter, all departments', scope(91)],
    ['30 days, all departments', scope(30)],
  ];
  for (const [label, period] of cases) {
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const began = process.hrtime.bigint();
      await driverCounts(sql, period);
      times.push(Number(process.hrtime.bigint() - began) / 1e6);
    }
    const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] as number;
    console.log(`${label.padEnd(28)} wall median ${median.toFixed(1).padStart(7)} ms, first ${(times[0] as number).toFixed(1).padStart(7)} ms`);
  }
  db?.close();
  await client?.end();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
