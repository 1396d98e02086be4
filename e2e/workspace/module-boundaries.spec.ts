import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const REPO_ROOT = join(__dirname, '..', '..');

/** Lints `code` as if it were saved at `file`, with the workspace's real ESLint configuration. */
function lint(file: string, code: string): string[] {
  const result = spawnSync(
    join(REPO_ROOT, 'node_modules', '.bin', 'eslint'),
    ['--stdin', '--stdin-filename', file, '--format', 'json'],
    { cwd: REPO_ROOT, input: code, encoding: 'utf8', env: { ...process.env, NX_DAEMON: 'false' } },
  );
  const [report] = JSON.parse(result.stdout) as [{ messages: { ruleId: string; message: string }[] }];
  return report.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('Nx module boundaries', () => {
  it('forbid the client from importing server code', () => {
    const messages = lint(
      'client/src/app/probe.ts',
      "import { AppModule } from '../../../server/src/app.module';\nexport const probe = AppModule;\n",
    );
    expect(messages).toEqual([expect.stringMatching(/^@nx\/enforce-module-boundaries: /)]);
  });

  it('forbid shared/ from importing the server or the client', () => {
    for (const target of ['../../../server/src/main', '../../../client/src/main']) {
      const messages = lint('shared/src/lib/probe.ts', `import '${target}';\n`);
      expect(messages).toEqual([expect.stringMatching(/^@nx\/enforce-module-boundaries: /)]);
    }
  });

  it('let the client and the server use the shared library', () => {
    const code = "import { ROLES } from '@huifang/shared';\nexport const probe = ROLES;\n";
    expect(lint('client/src/app/probe.ts', code)).toEqual([]);
    expect(lint('server/src/probe.ts', code)).toEqual([]);
  });
});
