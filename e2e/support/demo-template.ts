import { createHash } from 'node:crypto';
import { closeSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Client } from 'pg';
import { createTestDatabase, type DatabaseKind, type TestDatabase } from './databases';

/**
 * Demo data seeded once and copied for every server that only needs it (the browser tests, list
 * sorting): the seeder takes 10-15 s a start on this machine, ~20 starts a run. The copy is the
 * real seeder's output for the same built server, settings and hospital day; the first start that
 * seeds is still tested as such (`startup`, `concurrent-first-start` use `startServer`).
 * E2E_FRESH_DEMO=1 seeds every server afresh.
 */
const TEMPLATES = join(tmpdir(), 'huifang-demo-templates');
const STALE_TEMPLATE_MS = 3 * 3600_000;

export async function demoDatabase(
  kind: DatabaseKind,
  env: Record<string, string>,
  seed: (db: TestDatabase) => Promise<void>,
): Promise<TestDatabase> {
  if (process.env['E2E_FRESH_DEMO'] === '1') return createTestDatabase(kind);
  mkdirSync(TEMPLATES, { recursive: true });
  const key = templateKey(kind, env);
  // SQLite: the template is a file; PostgreSQL: a database named `key`, with a file marking it complete.
  const ready = join(TEMPLATES, kind === 'sqlite' ? `${key}.sqlite` : `${key}.ready`);
  await withLock(join(TEMPLATES, `${key}.lock`), async () => {
    if (existsSync(ready)) return;
    await removeStaleTemplates();
    const fresh = await createTestDatabase(kind);
    await seed(fresh);
    if (kind === 'sqlite') saveSqliteTemplate(fresh, ready);
    else await savePostgresTemplate(fresh, key, ready);
    await fresh.drop();
  });
  return kind === 'sqlite' ? copySqliteTemplate(ready) : createTestDatabase('postgres', key);
}

/** The same server build, environment and hospital day give the same demo data. */
function templateKey(kind: DatabaseKind, env: Record<string, string>): string {
  const server = statSync(join(__dirname, '..', '..', 'dist', 'server', 'main.js')).mtimeMs;
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: env['HUIFANG_TIMEZONE'] ?? 'Asia/Shanghai' }).format(new Date());
  const settings = JSON.stringify(Object.entries(env).sort(([a], [b]) => a.localeCompare(b)));
  return `demo_${kind}_${createHash('sha256').update(`${server}|${day}|${settings}`).digest('hex').slice(0, 16)}`;
}

/** One seeder per template; a lock whose holder died (a killed test worker) is taken over. */
async function withLock(path: string, work: () => Promise<void>): Promise<void> {
  for (;;) {
    try {
      writeFileSync(path, String(process.pid), { flag: 'wx' });
      break;
    } catch {
      if (!holderAlive(path)) rmSync(path, { force: true });
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  try {
    await work();
  } finally {
    rmSync(path, { force: true });
  }
}

function holderAlive(path: string): boolean {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return true; // released meanwhile: try again
  }
  const pid = Number(text || NaN);
  if (!Number.isInteger(pid)) return Date.now() - (statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? 0) < 5_000; // being written
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function saveSqliteTemplate(fresh: TestDatabase, template: string): void {
  const partial = `${template}.partial`;
  rmSync(partial, { force: true });
  const db = new Database(fresh.url.slice('sqlite:'.length), { readonly: true });
  try {
    db.prepare('VACUUM INTO ?').run(partial); // one consistent file, whatever the WAL still held
  } finally {
    db.close();
  }
  renameSync(partial, template);
}

function copySqliteTemplate(template: string): TestDatabase {
  const dir = mkdtempSync(join(tmpdir(), 'huifang-e2e-'));
  const file = join(dir, 'huifang.sqlite');
  copyFileSync(template, file);
  return { url: `sqlite:${file}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

async function savePostgresTemplate(fresh: TestDatabase, key: string, marker: string): Promise<void> {
  const freshName = new URL(fresh.url).pathname.slice(1);
  await admin(async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${key} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${key} TEMPLATE ${freshName}`);
  });
  closeSync(openSync(marker, 'w'));
}

async function admin(work: (client: Client) => Promise<void>): Promise<void> {
  const client = new Client({ connectionString: process.env['TEST_DATABASE_URL'] });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}

/** Templates of earlier builds or days are of no further use (another checkout may still use a recent one). */
async function removeStaleTemplates(): Promise<void> {
  for (const name of readdirSync(TEMPLATES)) {
    const path = join(TEMPLATES, name);
    if (Date.now() - statSync(path).mtimeMs < STALE_TEMPLATE_MS) continue;
    if (name.endsWith('.ready') && process.env['TEST_DATABASE_URL']) {
      await admin((client) => client.query(`DROP DATABASE IF EXISTS ${name.slice(0, -'.ready'.length)} WITH (FORCE)`).then(() => undefined));
    }
    rmSync(path, { force: true });
  }
}
