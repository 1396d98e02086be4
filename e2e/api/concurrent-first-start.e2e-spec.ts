import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createTestDatabase, testDatabases, type TestDatabase } from '../support/databases';
import { ADMIN_PASSWORD, freePort, REPO_ROOT } from '../support/server-process';
import { runSql } from '../support/sql';

/*
 * Two instances started at the same moment on one empty PostgreSQL database (e.g. two replicas
 * rolled out together): one migrates and seeds while the other waits on the start-up lock, and
 * neither serves before the demo data is complete.
 */

const SERVER_MAIN = join(REPO_ROOT, 'dist', 'server', 'main.js');
/** Demo seeding takes ~15 s on an idle machine, much longer on a busy CI runner. */
const START_TIMEOUT_MS = 240_000;

interface Instance {
  child: ChildProcess;
  port: number;
  output: () => string;
  /** The demo data's row counts at the moment this instance first answered /api/health. */
  countsWhenHealthy?: Counts;
}

function spawnInstance(db: TestDatabase, port: number): Instance {
  let output = '';
  const child = spawn(process.execPath, [SERVER_MAIN], {
    cwd: REPO_ROOT,
    env: {
      PATH: process.env['PATH'] ?? '',
      NODE_ENV: 'production',
      PORT: String(port),
      DATABASE_URL: db.url,
      HUIFANG_ADMIN_PASSWORD: ADMIN_PASSWORD,
      HUIFANG_DEMO: '1',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  return { child, port, output: () => output };
}

type Counts = Record<(typeof SEEDED_TABLES)[number], number>;
/** Tables the demo seeders fill, the last one (callbacks from the rules) last. */
const SEEDED_TABLES = ['staff_user', 'patient', 'encounter', 'survey_response', 'callback'] as const;

async function countRows(databaseUrl: string): Promise<Counts> {
  const counts = {} as Counts;
  for (const table of SEEDED_TABLES) {
    const [{ n }] = (await runSql(databaseUrl, `SELECT COUNT(*) AS n FROM ${table}`)) as { n: string | number }[];
    counts[table] = Number(n);
  }
  return counts;
}

/** Polls /api/health often; at the first 200, counts the demo rows right away. */
async function watchHealth(instance: Instance, databaseUrl: string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (instance.child.exitCode !== null) throw new Error(`server exited with ${instance.child.exitCode}:\n${instance.output()}`);
    const healthy = await fetch(`http://127.0.0.1:${instance.port}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) {
      instance.countsWhenHealthy = await countRows(databaseUrl);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`server did not become healthy:\n${instance.output()}`);
}

async function stop(instance: Instance): Promise<void> {
  if (instance.child.exitCode !== null) return;
  instance.child.kill('SIGTERM');
  const timer = setTimeout(() => instance.child.kill('SIGKILL'), 5000);
  await once(instance.child, 'exit');
  clearTimeout(timer);
}

const postgresOnly = testDatabases().includes('postgres') ? describe : describe.skip;

postgresOnly('two instances starting together on one empty PostgreSQL database', () => {
  let db: TestDatabase;
  let instances: Instance[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('postgres');
  });
  afterAll(async () => {
    await Promise.all(instances.map(stop));
    await db.drop();
  });

  it(
    'migrate and seed once, and neither serves before the demo data is complete',
    async () => {
      const ports = [await freePort(), await freePort()];
      instances = ports.map((port) => spawnInstance(db, port));
      await Promise.all(instances.map((instance) => watchHealth(instance, db.url)));

      for (const instance of instances) {
        expect(instance.output()).not.toMatch(/could not start|QueryFailedError|duplicate key|migration.*(failed|error)/i);
      }
      // Each migration ran once.
      const migrations = (await runSql(db.url, 'SELECT name, COUNT(*) AS n FROM migrations GROUP BY name')) as { n: string }[];
      expect(migrations.length).toBeGreaterThan(5);
      expect(migrations.every((m) => Number(m.n) === 1)).toBe(true);
      // The demo data exists once: one admin, and exactly one instance seeded.
      const [{ n: admins }] = (await runSql(db.url, "SELECT COUNT(*) AS n FROM staff_user WHERE username = 'admin'")) as { n: string }[];
      expect(Number(admins)).toBe(1);
      const seeded = instances.filter((instance) => /demo data: patients/.test(instance.output()));
      expect(seeded).toHaveLength(1);
      const final = await countRows(db.url);
      expect(final.patient).toBe(Number(/demo patients: (\d+)/.exec(seeded[0].output())?.[1]));
      expect(final.callback).toBeGreaterThan(0);
      // Neither answered /api/health while the demo data was still being written.
      expect(instances.map((instance) => instance.countsWhenHealthy)).toEqual([final, final]);
      // And both let go of the start-up lock, so a third instance would not wait.
      const held = await runSql(
        db.url,
        "SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
      );
      expect(held).toEqual([]);
    },
    START_TIMEOUT_MS + 30_000,
  );
});
