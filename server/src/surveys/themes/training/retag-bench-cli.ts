/**
 * npm run bench:retag [-- --db sqlite|postgres] — re-tagging 200,000 stored comments (RETAG_COUNT)
 * with the job of `npm run themes:retag` (retag.ts), on a scratch database made by the migrations:
 * real English comments from the NHS file alternating with Chinese ones. Prints the count, the wall
 * and CPU time, the load average; then a second run, which finds nothing stale.
 * PostgreSQL: BENCH_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/postgres), where a
 * scratch database is made and dropped.
 */
import { rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../../core/database/migrations';
import { npsDetractorSql, npsPromoterSql } from '../../band-sql';
import { retagStaleComments } from '../retag';
import { DEFAULT_FEEDBACK_FILE, readFeedbackFile } from './fft-dataset';
import { CHINESE_COMMENTS } from './sample-chinese-comments';

const COUNT = Number(process.env['RETAG_COUNT'] ?? 200_000);
const INSERT_ROWS = 1000;
const postgres = process.argv.includes('postgres');
const adminUrl = process.env['BENCH_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const scratchName = `huifang_retag_bench_${process.pid}`;
const sqliteFile = join(tmpdir(), `${scratchName}.sqlite`);

async function main(): Promise<void> {
  const dataSource = await scratchDatabase();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    await fill(dataSource);
    const load = loadavg().map((l) => l.toFixed(2)).join(' ');
    let started = performance.now();
    const cpu = process.cpuUsage();
    const done = await retagStaleComments(dataSource, (work) => dataSource.transaction(work));
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    const themes = (await dataSource.query('SELECT COUNT(*) AS n FROM response_theme')) as { n: number }[];
    console.log(
      `${postgres ? 'postgres' : 'sqlite'}: re-tagged ${done.retagged} comments in ${seconds.toFixed(1)} s wall, ${((used.user + used.system) / 1e6).toFixed(1)} s CPU of this process, ` +
        `${Number(themes[0]?.n)} theme rows written (load average before: ${load} on ${cpus().length} cores)`,
    );
    started = performance.now();
    const again = await retagStaleComments(dataSource, (work) => dataSource.transaction(work));
    console.log(`second run: ${again.retagged} stale, ${(performance.now() - started).toFixed(0)} ms`);
    await printPlans(dataSource);
  } finally {
    await dataSource.destroy();
    await dropScratch();
  }
}

/** The plans of the reads the tags are indexed for (#13 items 3-4): each must use a response_theme index. */
const PLANNED_READS = {
  "comments of one theme in a period and department": `SELECT response_id, matched FROM response_theme
    WHERE theme_key = 'waiting' AND submitted_on BETWEEN '2026-03-01' AND '2026-03-31' AND department_id = 2`,
  'theme frequency among detractors vs promoters in a period': `SELECT theme_key, SUM(CASE WHEN ${npsDetractorSql('nps')} THEN 1 ELSE 0 END) AS detractors,
    SUM(CASE WHEN ${npsPromoterSql('nps')} THEN 1 ELSE 0 END) AS promoters FROM response_theme WHERE submitted_on BETWEEN '2026-03-01' AND '2026-03-31' GROUP BY theme_key`,
};

async function printPlans(dataSource: DataSource): Promise<void> {
  if (postgres) await dataSource.query('ANALYZE response_theme');
  for (const [name, sql] of Object.entries(PLANNED_READS)) {
    const rows = (await dataSource.query(`${postgres ? 'EXPLAIN' : 'EXPLAIN QUERY PLAN'} ${sql}`)) as Record<string, string>[];
    console.log(`plan, ${name}:\n${rows.map((row) => `  ${row['QUERY PLAN'] ?? row['detail']}`).join('\n')}`);
  }
}

async function scratchDatabase(): Promise<DataSource> {
  const common = { migrations: MIGRATIONS, migrationsTransactionMode: 'each' as const };
  if (!postgres) {
    const dataSource = new DataSource({ ...common, type: 'better-sqlite3', database: sqliteFile, enableWAL: true });
    return dataSource.initialize();
  }
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${scratchName}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${scratchName}`;
  return new DataSource({ ...common, type: 'postgres', url: url.toString() }).initialize();
}

async function dropScratch(): Promise<void> {
  if (!postgres) {
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${sqliteFile}${suffix}`, { force: true });
    return;
  }
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${scratchName}`);
  await admin.end();
}

/** COUNT responses with comments, untagged. Only survey_response matters here: its foreign keys are switched off while filling. */
async function fill(dataSource: DataSource): Promise<void> {
  const english = readFeedbackFile(DEFAULT_FEEDBACK_FILE).map((row) => row.text);
  const comments = english.flatMap((text, i) => [text, CHINESE_COMMENTS[i % CHINESE_COMMENTS.length] as string]);
  // SQLite ignores this PRAGMA inside a transaction: set before, back on after.
  if (!postgres) await dataSource.query('PRAGMA foreign_keys = OFF');
  await dataSource.transaction(async (manager) => {
    if (postgres) await manager.query('SET LOCAL session_replication_role = replica');
    for (let first = 1; first <= COUNT; first += INSERT_ROWS) {
      const ids = Array.from({ length: Math.min(INSERT_ROWS, COUNT - first + 1) }, (_, i) => first + i);
      const values = ids.map((id, i) => {
        const p = postgres ? `$${i + 1}` : '?';
        const day = `2026-${String(1 + (id % 12)).padStart(2, '0')}-${String(1 + (id % 28)).padStart(2, '0')}`;
        return `(${id}, ${id}, ${id}, ${id}, ${1 + (id % 5)}, 1, '${day} 10:00:00', '${day}', ${id % 11}, ${1 + (id % 5)}, ${postgres ? 'false' : '0'}, ${p}, 'zh')`;
      });
      await manager.query(
        `INSERT INTO survey_response (id, invitation_id, encounter_id, patient_id, department_id, template_version_id, submitted_at, submitted_on, nps, csat, needs_recovery, comment, language) VALUES ${values.join(', ')}`,
        ids.map((id) => comments[id % comments.length]),
      );
    }
  });
  if (!postgres) await dataSource.query('PRAGMA foreign_keys = ON');
}

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
