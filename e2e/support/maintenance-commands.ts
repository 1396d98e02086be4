import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { REPO_ROOT } from './server-process';

export interface CommandResult {
  code: number | null;
  output: string;
}

/** Runs `npm run backup|restore|import -- <file>` (or `npm run rollups:rebuild` / `themes:retag`) as an operator would (the built `dist/server/<command>.js`), against DATABASE_URL. */
export async function runMaintenance(
  command: 'backup' | 'restore' | 'rollups-rebuild' | 'themes-retag' | 'import',
  file: string | null,
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<CommandResult> {
  const child = spawn(process.execPath, [join(REPO_ROOT, 'dist', 'server', `${command}.js`), ...(file === null ? [] : [file])], {
    cwd: REPO_ROOT,
    env: { PATH: process.env['PATH'] ?? '', DATABASE_URL: databaseUrl, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  const [code] = (await once(child, 'exit')) as [number | null];
  clearTimeout(timer);
  return { code, output };
}
