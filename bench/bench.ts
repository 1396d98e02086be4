/*
 * `npm run bench`: builds a large hospital's data set in SQLite, starts the real app on it and
 * measures the dashboard's endpoints and the callback queue under load. Prints a table and exits
 * 1 when a target is missed. `--fresh` rebuilds the data set; `--seconds=N` sets each load run;
 * `--only=TEXT` measures only the targets whose label contains TEXT (e.g. `--only=queue`).
 */
import { execSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SIZES, generate } from './generate-data';
import { measure, passed, printTable, type Measurement, type Target } from './measure';

const ROOT = join(__dirname, '..');
const MAIN = join(ROOT, 'dist', 'server', 'main.js');
const DIR = join(ROOT, 'tmp', 'bench');
const FILE = join(DIR, 'huifang-bench.sqlite');
const PASSWORD = 'bench-admin-password';
const args = process.argv.slice(2);
const seconds = Number(args.find((a) => a.startsWith('--seconds='))?.split('=')[1] ?? 10);
const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length);

async function main(): Promise<void> {
  console.log('building the server…');
  execSync('npx nx run server:build --output-style=static', { cwd: ROOT, stdio: 'ignore', env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' } });
  mkdirSync(DIR, { recursive: true });
  if (args.includes('--fresh') || !hasFullDataSet()) {
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${FILE}${suffix}`, { force: true });
    console.log('migrating an empty database…');
    await stop(await start());
    console.log(`generating ${SIZES.patients} patients, ${SIZES.encounters} encounters, ${SIZES.responses} responses, ${SIZES.callbacks} callbacks…`);
    const began = Date.now();
    generate(FILE);
    console.log(`data set built in ${((Date.now() - began) / 1000).toFixed(0)} s`);
  } else {
    console.log(`reusing ${FILE} (--fresh to rebuild)`);
  }

  const server = await start();
  try {
    const baseUrl = `http://127.0.0.1:${server.port}`;
    const login = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: PASSWORD }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const results: Measurement[] = [];
    for (const target of targets().filter((t) => !only || t.label.includes(only))) {
      process.stdout.write(`measuring ${target.label}…\n`);
      results.push(await measure(baseUrl, accessToken, target, seconds));
    }
    console.log(`\nSQLite, ${SIZES.patients} patients / ${SIZES.encounters} encounters / ${SIZES.responses} responses / ${SIZES.callbacks} callbacks, ${seconds} s per row\n`);
    printTable(results);
    const missed = results.filter((r) => !passed(r));
    console.log(missed.length ? `\n${missed.length} target(s) missed` : '\nall targets met');
    process.exitCode = missed.length ? 1 : 0;
  } finally {
    await stop(server);
  }
}

const COLD_VARIANTS = 10;

function day(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}

/** One year ending `daysBack` days before today (hospital time, UTC+8), as the dashboard's "year" period. */
function yearEnding(daysBack: number): string {
  const to = Date.now() + 8 * 3_600_000 - daysBack * 86_400_000;
  return `from=${day(to - 364 * 86_400_000)}&to=${day(to)}`;
}

/** The request for one year up to today; its cold variants end one to ten days earlier. */
function yearTarget(label: string, path: (year: string) => string, p95LimitMs: number): Target {
  return {
    label,
    path: path(yearEnding(0)),
    coldVariants: Array.from({ length: COLD_VARIANTS }, (_, i) => path(yearEnding(i + 1))),
    connections: 2, // a couple of quality managers at once
    p95LimitMs,
  };
}

function queueTarget(label: string, view: string, filter = ''): Target {
  const path = (pageSize: number) => `/api/callbacks?view=${view}${filter}&pageSize=${pageSize}`;
  return {
    label,
    path: path(20),
    coldVariants: Array.from({ length: COLD_VARIANTS }, (_, i) => path(21 + i)),
    connections: 20,
    p95LimitMs: 20, // issue #12
  };
}

function targets(): Target[] {
  return [
    yearTarget('summary, one year, all departments', (year) => `/api/indicators/summary?${year}`, 250),
    yearTarget('summary, one year, 内科', (year) => `/api/indicators/summary?${year}&departmentId=1`, 250),
    ...['wait-time', 'satisfaction', 'churn', 'follow-up'].map((name) =>
      yearTarget(`${name} by month, one year`, (year) => `/api/indicators/${name}?${year}&groupBy=month`, 250),
    ),
    queueTarget('callback queue, today', 'today'),
    queueTarget('callback queue, overdue', 'overdue'),
    queueTarget('callback queue, upcoming', 'upcoming'),
    queueTarget('callback queue, overdue, 内科', 'overdue', '&departmentId=1'),
    queueTarget('callback queue, overdue, service recovery', 'overdue', '&kind=service_recovery'),
  ];
}

function hasFullDataSet(): boolean {
  if (!existsSync(FILE)) return false;
  try {
    const db = new Database(FILE, { readonly: true });
    const count = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
    const full = count('patient') === SIZES.patients && count('encounter') === SIZES.encounters && count('survey_response') === SIZES.responses && count('callback') === SIZES.callbacks;
    db.close();
    return full;
  } catch {
    return false;
  }
}

interface Server {
  child: ChildProcess;
  port: number;
}

async function start(): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env: { PATH: process.env['PATH'] ?? '', NODE_ENV: 'production', PORT: String(port), DATABASE_URL: `sqlite:${FILE}`, HUIFANG_ADMIN_PASSWORD: PASSWORD, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return { child, port };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill();
  throw new Error('the server did not start within 2 minutes');
}

function stop(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (server.child.exitCode !== null) return resolve();
    server.child.once('exit', () => resolve());
    server.child.kill('SIGTERM');
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
