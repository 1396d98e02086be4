import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..');
const MAIN = join(ROOT, 'dist', 'server', 'main.js');
export const ADMIN_PASSWORD = 'bench-admin-password';

export interface Server {
  child: ChildProcess;
  port: number;
  baseUrl: string;
}

/**
 * The real app, production mode. HUIFANG_PUBLIC_RATE_LIMIT is raised: every benchmark client comes
 * from 127.0.0.1, where a hospital's patients come from as many addresses as phones, each far under
 * the default 60 per minute. Nothing else is loosened.
 */
export async function start(databaseUrl: string): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env: {
      PATH: process.env['PATH'] ?? '',
      NODE_ENV: 'production',
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      HUIFANG_ADMIN_PASSWORD: ADMIN_PASSWORD,
      HUIFANG_PUBLIC_RATE_LIMIT: '100000',
      LOG_LEVEL: 'warn',
      // e.g. `--cpu-prof --cpu-prof-dir=tmp/prof`: profile the server under the benchmark's load.
      ...(process.env['BENCH_SERVER_NODE_OPTIONS'] && { NODE_OPTIONS: process.env['BENCH_SERVER_NODE_OPTIONS'] }),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 900; i++) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) return { child, port, baseUrl };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill();
  throw new Error('the server did not start within 3 minutes');
}

export function stop(server: Server): Promise<void> {
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
