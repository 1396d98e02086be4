import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createTestDatabase, type DatabaseKind, type TestDatabase } from './databases';
import { demoDatabase } from './demo-template';

export const REPO_ROOT = join(__dirname, '..', '..');
const SERVER_MAIN = join(REPO_ROOT, 'dist', 'server', 'main.js');
export const ADMIN_PASSWORD = 'e2e-admin-password';

export interface RunningServer {
  baseUrl: string;
  database: DatabaseKind;
  /** The server's own database, for arranging test states with SQL. */
  databaseUrl: string;
  /** Everything the process printed, for assertions about logs. */
  output(): string;
  stop(): Promise<void>;
  /** Stops the process but leaves the database for another process. */
  stopKeepingDatabase(): Promise<void>;
  /** Kills the process with SIGKILL (a crash: no shutdown hooks), leaving the database. */
  kill(): Promise<void>;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

/** Runs the built server (`dist/server/main.js`) exactly as production does, on a fresh database. */
export async function startServer(
  database: DatabaseKind,
  env: Record<string, string> = {},
): Promise<RunningServer> {
  return startServerOn(database, await createTestDatabase(database), env);
}

/**
 * A server on demo data (HUIFANG_DEMO=1), for tests that use the data rather than test its seeding:
 * a copy of one seeded database per build, settings and day (demo-template.ts).
 */
export async function startDemoServer(database: DatabaseKind, env: Record<string, string> = {}): Promise<RunningServer> {
  const demoEnv = { HUIFANG_DEMO: '1', HUIFANG_ADMIN_PASSWORD: '', ...env };
  const db = await demoDatabase(database, demoEnv, async (fresh) => (await startServerOn(database, fresh, demoEnv)).stopKeepingDatabase());
  return startServerOn(database, db, demoEnv);
}

/** Another server process on an existing database (e.g. a second instance next to the first). */
export async function startServerOn(
  database: DatabaseKind,
  db: TestDatabase,
  env: Record<string, string> = {},
): Promise<RunningServer> {
  if (!existsSync(SERVER_MAIN)) throw new Error(`${SERVER_MAIN} is missing: build the server first (nx run server:build)`);
  const port = await freePort();
  let output = '';
  const child = spawn(process.execPath, [SERVER_MAIN], {
    cwd: REPO_ROOT,
    env: {
      PATH: process.env['PATH'] ?? '',
      NODE_ENV: 'production',
      PORT: String(port),
      DATABASE_URL: db.url,
      HUIFANG_ADMIN_PASSWORD: ADMIN_PASSWORD,
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForHealth(baseUrl, child, () => output);
  return {
    baseUrl,
    database,
    databaseUrl: db.url,
    output: () => output,
    stop: () => stop(child, db),
    stopKeepingDatabase: () => stop(child, { url: db.url, drop: async () => undefined }),
    kill: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGKILL');
      await exited;
    },
  };
}

async function waitForHealth(baseUrl: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 120_000; // generous: a loaded 2-core machine starts slowly (first start with demo data: ~10 s idle)
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output()}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not become healthy in 120 s:\n${output()}`);
}

async function stop(child: ChildProcess, db: TestDatabase): Promise<void> {
  if (child.exitCode === null) {
    child.kill('SIGTERM');
    const exited = once(child, 'exit');
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise((resolve) => (timer = setTimeout(resolve, 5000)));
    await Promise.race([exited, timeout]);
    clearTimeout(timer);
    if (child.exitCode === null) child.kill('SIGKILL');
  }
  await db.drop();
}

/** Runs the server expecting it to refuse to start; returns its exit code and output. */
export async function runServerExpectingFailure(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  let output = '';
  const child = spawn(process.execPath, [SERVER_MAIN], {
    cwd: REPO_ROOT,
    env: { PATH: process.env['PATH'] ?? '', NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  const [code] = (await once(child, 'exit')) as [number | null];
  clearTimeout(timer);
  return { code, output };
}
