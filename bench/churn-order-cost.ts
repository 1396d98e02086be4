/*
 * What the churn order columns (server/src/encounters/churn-order.ts) cost the writers, on a COPY of
 * the generated SQLite file: `SWC_NODE_PROJECT=bench/tsconfig.json node -r @swc-node/register
 * bench/churn-order-cost.ts --file <copy.sqlite> [--migrate] [--rows 100000]`. `--migrate` first
 * applies migration 1765970000000 to a file generated before it (prints the fill's time). Then
 * inserts `--rows` encounters (copies of existing visits of random patients, a third with a return
 * date, as a history import writes them) in one transaction with the triggers and again without
 * them (and without their index), rolling each back, and prints the CPU time per 1,000 rows and the load average.
 */
import { loadavg } from 'node:os';
import Database from 'better-sqlite3';
import type { QueryRunner } from 'typeorm';
import { addDays } from '@huifang/shared';
import { BULK_LOAD_CACHE_KIB } from '../server/src/core/database/bulk-load-settings';
import { ChurnCohortOrder1765970000000 } from '../server/src/migrations/1765970000000-churn-cohort-order';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? undefined : process.argv[i + 1];
}

const cpuMs = (run: () => void): number => {
  const before = process.cpuUsage();
  run();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
};

async function main(): Promise<void> {
  const file = option('file');
  if (!file) throw new Error('usage: churn-order-cost.ts --file <copy.sqlite> [--migrate] [--rows 100000]');
  const rows = Number(option('rows') ?? 100_000);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`cache_size = -${BULK_LOAD_CACHE_KIB}`); // as the import CLI's connection
  if (process.argv.includes('--migrate')) {
    const runner = { connection: { options: { type: 'better-sqlite3' } }, query: async (sql: string) => db.exec(sql) };
    const began = Date.now();
    await new ChurnCohortOrder1765970000000().up(runner as unknown as QueryRunner);
    console.log(`migration 1765970000000 (columns, triggers, fill, index): ${((Date.now() - began) / 1000).toFixed(1)} s wall  (load ${loadavg()[0]?.toFixed(2)})`);
  }
  const maxPatient = (db.prepare('SELECT MAX(id) AS n FROM patient').get() as { n: number }).n;
  const source = db
    .prepare(`SELECT department_id, checked_in_at, checked_in_on, called_at, wait_seconds, finished_at FROM encounter WHERE finished_at IS NOT NULL ORDER BY id LIMIT ?`)
    .all(rows) as Record<string, unknown>[];
  const insert = db.prepare(
    `INSERT INTO encounter (patient_id, department_id, checked_in_at, checked_in_on, called_at, wait_seconds, finished_at, next_visit_due)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const values = source.map((r, i) => [
    1 + Math.floor(random() * maxPatient),
    r['department_id'],
    r['checked_in_at'],
    r['checked_in_on'],
    r['called_at'],
    r['wait_seconds'],
    r['finished_at'],
    i % 3 === 0 ? addDays(String(r['checked_in_on']), 30) : null,
  ]);
  const run = (label: string, before: string[] = []) => {
    db.exec('BEGIN');
    try {
      for (const sql of before) db.exec(sql);
      const ms = cpuMs(() => {
        for (const v of values) insert.run(...v);
      });
      console.log(`${label.padEnd(28)} ${values.length} rows  cpu ${ms.toFixed(0).padStart(6)} ms  ${((1000 * ms) / values.length).toFixed(1)} ms per 1,000  (load ${loadavg()[0]?.toFixed(2)})`);
    } finally {
      db.exec('ROLLBACK');
    }
  };
  const withoutTriggers = ['insert', 'update', 'delete'].map((op) => `DROP TRIGGER encounter_churn_order_${op}`);
  for (let round = 0; round < Number(option('rounds') ?? 2); round++) {
    run('triggers and index');
    run('index only', withoutTriggers);
    run('neither (before the change)', [...withoutTriggers, 'DROP INDEX IDX_encounter_churn_order']);
  }
  db.close();
}

void main();
