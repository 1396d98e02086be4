/*
 * `npm run bench:import`: the HIS import's speed. Writes a CSV of 1,000,000 visits (200,000
 * patients; `--encounters N` for a quick run) to a temp dir, imports it with the CLI
 * (`npm run import`) into a fresh SQLite file, then the six Synthea bundles the same way, and prints
 * encounters/s, wall time and the CLI's peak memory (max RSS from `/usr/bin/time -v`). Exits 1 when
 * the CSV import misses 5,000 encounters/s or stores a different number of visits than the file has.
 */
import { execSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { writeImportCsv } from './import-csv';

const ROOT = join(__dirname, '..');
const SYNTHEA = join(ROOT, '..', 'shared', 'data', 'synthea');
const TARGET_PER_SECOND = 5_000;
const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.findIndex((arg) => arg === name || arg.startsWith(`${name}=`));
  if (at < 0) return undefined;
  return args[at].includes('=') ? args[at].split('=')[1] : args[at + 1];
};
const encounters = Number(option('--encounters') ?? 1_000_000);

interface Run {
  label: string;
  encounters: number;
  patients: number;
  seconds: number;
  maxRssMb: number | null;
  exitCode: number;
}

const TIME = '/usr/bin/time';

/** Runs the CLI on `file` into the SQLite database `database`; its output goes to our terminal. */
function importWithCli(label: string, file: string, database: string, extra: string[]): Promise<Run> {
  const command = ['npm', 'run', '--silent', 'import', '--', file, ...extra];
  // GNU time writes its report (max RSS of the CLI's process tree) to a file of its own.
  const report = `${database}.time.txt`;
  const measured = existsSync(TIME) ? [TIME, '-v', '-o', report, ...command] : command;
  const began = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const child = spawn(measured[0], measured.slice(1), {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: `sqlite:${database}`, LOG_LEVEL: 'warn', NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      const seconds = Number(process.hrtime.bigint() - began) / 1e9;
      const rss = existsSync(report) ? /Maximum resident set size \(kbytes\): (\d+)/.exec(readFileSync(report, 'utf8')) : null;
      resolve({ label, ...storedCounts(database), seconds, maxRssMb: rss ? Math.round(Number(rss[1]) / 1024) : null, exitCode: code ?? 1 });
    });
  });
}

function storedCounts(database: string): { encounters: number; patients: number } {
  if (!existsSync(database)) return { encounters: 0, patients: 0 };
  const db = new Database(database, { readonly: true });
  try {
    const count = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
    return { encounters: count('encounter'), patients: count('patient') };
  } finally {
    db.close();
  }
}

function print(runs: Run[]): void {
  console.log(`\n${'import'.padEnd(34)} ${'encounters'.padStart(10)} ${'patients'.padStart(9)} ${'wall s'.padStart(8)} ${'enc/s'.padStart(8)} ${'peak MB'.padStart(8)}  exit`);
  for (const run of runs) {
    const rate = Math.round(run.encounters / run.seconds);
    console.log(
      `${run.label.padEnd(34)} ${String(run.encounters).padStart(10)} ${String(run.patients).padStart(9)} ${run.seconds.toFixed(1).padStart(8)} ${String(rate).padStart(8)} ${String(run.maxRssMb ?? '?').padStart(8)}  ${run.exitCode}`,
    );
  }
}

async function main(): Promise<void> {
  console.log('building the server…');
  execSync('npx nx run server:build --output-style=static', { cwd: ROOT, stdio: 'ignore', env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' } });
  const dir = mkdtempSync(join(tmpdir(), 'huifang-import-bench-'));
  try {
    const csv = join(dir, 'his-export.csv');
    console.log(`writing ${encounters} visits to ${csv}…`);
    const written = await writeImportCsv(csv, encounters);
    console.log(`${written.patients} patients, ${(written.bytes / 1e6).toFixed(0)} MB`);

    const runs: Run[] = [];
    const csvDatabase = join(dir, 'csv.sqlite');
    runs.push(await importWithCli(`CSV, ${encounters} visits`, csv, csvDatabase, ['--format', 'csv']));
    if (args.includes('--again')) runs.push({ ...(await importWithCli('CSV again (all unchanged)', csv, csvDatabase, ['--format', 'csv'])) });
    const bundles = readdirSync(SYNTHEA).filter((name) => name.endsWith('.json'));
    runs.push(await importWithCli(`Synthea, ${bundles.length} bundles`, SYNTHEA, join(dir, 'synthea.sqlite'), ['--format', 'fhir']));
    print(runs);

    const [csvRun] = runs;
    const problems = [
      ...(csvRun.encounters !== encounters ? [`the CSV import stored ${csvRun.encounters} of ${encounters} visits`] : []),
      ...(csvRun.encounters / csvRun.seconds < TARGET_PER_SECOND ? [`the CSV import missed ${TARGET_PER_SECOND} encounters/s`] : []),
      ...runs.filter((run) => run.exitCode !== 0).map((run) => `${run.label}: the CLI exited with ${run.exitCode}`),
    ];
    console.log(problems.length ? `\n${problems.join('\n')}` : `\ntarget met (≥ ${TARGET_PER_SECOND} encounters/s)`);
    process.exitCode = problems.length ? 1 : 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
