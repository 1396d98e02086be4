import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@huifang/shared';
import { ApiClient } from '../support/api-client';
import { testDatabases } from '../support/databases';
import { runServerExpectingFailure, startServer } from '../support/server-process';
import { runSql } from '../support/sql';

describe('start-up configuration', () => {
  it.each([
    [{ PORT: '99999' }, 'PORT must be a whole number from 1 to 65535'],
    [{ DATABASE_URL: 'mysql://root:secret@localhost/huifang' }, 'unknown database scheme "mysql"'],
    [{ HUIFANG_TIMEZONE: 'Not/AZone' }, 'HUIFANG_TIMEZONE must be an IANA time zone'],
    [{ HUIFANG_DEMO: 'please' }, 'HUIFANG_DEMO must be 1 or 0'],
  ])('stops on %p with one clear line', async (env, message) => {
    const { code, output } = await runServerExpectingFailure(env);
    expect(code).toBe(2);
    expect(output.trim().split('\n')).toEqual([`huifang: configuration error: ${output.trim().split(': ').slice(2).join(': ')}`]);
    expect(output).toContain(message);
    expect(output).not.toContain('secret');
  });

  it('creates admin with a random password printed once when none is configured', async () => {
    const server = await startServer('sqlite', { HUIFANG_ADMIN_PASSWORD: '' });
    try {
      const match = server.output().match(/created the account "admin" with the password\s+(\S+)/);
      expect(match).not.toBeNull();
      const password = (match as RegExpMatchArray)[1];
      expect(password.length).toBeGreaterThanOrEqual(12);
      await new ApiClient(server.baseUrl).login('admin', password);
    } finally {
      await server.stop();
    }
  });
});

describe.each(testDatabases())('demo mode on %s', (database) => {
  it('fills an empty database with the demo accounts of API.md, its comments tagged', async () => {
    const server = await startServer(database, { HUIFANG_DEMO: '1', HUIFANG_ADMIN_PASSWORD: '' });
    try {
      const anonymous = new ApiClient(server.baseUrl);
      for (const account of DEMO_ACCOUNTS) {
        const client = await anonymous.login(account.username, DEMO_PASSWORD);
        const me = await client.get<{ role: string }>('/api/auth/me');
        expect(me.body.role).toBe(account.role);
      }
      // The demo's comments are tagged as a submit would tag them (themes/response-tags.ts).
      const sql = (text: string) => runSql(server.databaseUrl, text);
      expect(await sql('SELECT id FROM survey_response WHERE comment IS NOT NULL AND (tagger_version IS NULL OR comment_sentiment IS NULL)')).toEqual([]);
      const [tagged] = (await sql('SELECT COUNT(*) AS n FROM survey_response WHERE comment IS NOT NULL')) as { n: number }[];
      const [themes] = (await sql('SELECT COUNT(DISTINCT response_id) AS n FROM response_theme')) as { n: number }[];
      expect(Number(tagged?.n)).toBeGreaterThan(0);
      expect(Number(themes?.n)).toBeGreaterThan(0);
      expect(
        await sql(
          `SELECT t.response_id FROM response_theme t JOIN survey_response r ON r.id = t.response_id
            WHERE r.comment IS NULL OR t.submitted_on <> r.submitted_on OR t.department_id <> r.department_id OR t.nps <> r.nps`,
        ),
      ).toEqual([]);
    } finally {
      await server.stop();
    }
  });
});
