import type { AuditEntry, CommentTheme, CommentThemeChange, Page, SurveyInvitation, ThemeTrend } from '@huifang/shared';
import { ApiClient } from '../support/api-client';
import { testDatabases } from '../support/databases';
import { eventually } from '../support/eventually';
import { runMaintenance } from '../support/maintenance-commands';
import { finishedVisit, staffClient } from '../support/patients-fixtures';
import { ADMIN_PASSWORD, startServer, type RunningServer } from '../support/server-process';
import { runSql } from '../support/sql';

/*
 * The themes admins extend (GET / POST / PATCH /api/comment-themes): a custom theme is found by its
 * phrases when a patient submits, shows in the theme trend, and a change of the themes makes the
 * stored tags stale; the server re-tags them in the background.
 */

interface ApiError {
  code: string;
  message: string | string[];
  params?: { fields?: string[]; key?: string };
}

const ANSWERS = [
  { questionId: 'csat', value: 2 },
  { questionId: 'nps', value: 3 },
  { questionId: 'wait_time', value: 2 },
  { questionId: 'doctor_communication', value: 4 },
];

const WIFI = { key: 'wifi', nameZh: '无线网络', nameEn: 'Wi-Fi', phrasesZh: ['无线网络', '网速'], phrasesEn: ['wifi', 'internet'] };

describe.each(testDatabases())('admin comment themes on %s', (database) => {
  let server: RunningServer;
  let anonymous: ApiClient;
  let admin: ApiClient;
  let quality: ApiClient;
  let desk: ApiClient;
  const today = new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' });

  beforeAll(async () => {
    server = await startServer(database, { HUIFANG_PUBLIC_RATE_LIMIT: '100000' });
    anonymous = new ApiClient(server.baseUrl);
    admin = await anonymous.login('admin', ADMIN_PASSWORD);
    quality = await staffClient(admin, anonymous, 'themes.quality', 'quality_manager');
    desk = await staffClient(admin, anonymous, 'themes.admin.desk', 'front_desk');
  }, 120_000);
  afterAll(() => server?.stop());

  async function submitted(comment: string): Promise<number> {
    const { encounterId } = await finishedVisit(desk, { consent: { followUpCalls: true, surveys: true } }, 2);
    const invitation = await desk.post<SurveyInvitation>('/api/survey-invitations', { encounterId });
    expect(invitation.status).toBe(201);
    const reply = await anonymous.post<{ id: number }>(`/api/public/surveys/${invitation.body.token}`, { answers: ANSWERS, comment, language: 'zh' });
    expect(reply.status).toBe(201);
    return reply.body.id;
  }

  async function themesOf(responseId: number): Promise<string[]> {
    const rows = (await runSql(server.databaseUrl, 'SELECT theme_key FROM response_theme WHERE response_id = $1 ORDER BY theme_key', [responseId])) as { theme_key: string }[];
    return rows.map((row) => row.theme_key);
  }

  async function trendKeys(): Promise<string[]> {
    const reply = await quality.get<ThemeTrend>(`/api/indicators/themes?from=${today}&to=${today}&departmentId=2`);
    expect(reply.status).toBe(200);
    return reply.body.total.themes.map((theme) => theme.key);
  }

  it('lists the ten built-in themes to admins and quality managers, not to the front desk', async () => {
    const list = await quality.get<CommentTheme[]>('/api/comment-themes');
    expect(list.status).toBe(200);
    expect(list.body).toHaveLength(10);
    expect(list.body[0]).toEqual({ key: 'waiting', nameZh: '等候与及时性', nameEn: 'Waiting & timeliness', builtIn: true, enabled: true, phrasesZh: [], phrasesEn: [] });
    expect((await desk.get('/api/comment-themes')).status).toBe(403);
    expect((await anonymous.get('/api/comment-themes')).status).toBe(401);
  });

  it('lets only an admin add a theme; a duplicate key is 409, bad input 400 naming the field; audited', async () => {
    expect((await quality.post('/api/comment-themes', WIFI)).status).toBe(403);
    expect((await desk.post('/api/comment-themes', WIFI)).status).toBe(403);

    const created = await admin.post<CommentThemeChange>('/api/comment-themes', { ...WIFI, phrasesEn: ['wifi', 'WiFi', ' internet '] });
    expect(created.status).toBe(201);
    // Each phrase once, trimmed; the tagger's version changed, so the server re-tags in the background.
    expect(created.body.theme).toEqual({ ...WIFI, builtIn: false, enabled: true });
    expect(created.body.retagStarted).toBe(true);
    expect(created.body.taggerVersion).toMatch(/^\d+-[0-9a-f]{12}$/);

    const duplicate = await admin.post<ApiError>('/api/comment-themes', { ...WIFI, nameEn: 'Other' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.code).toBe('comment_theme.key_taken');
    expect((await admin.post<ApiError>('/api/comment-themes', { ...WIFI, key: 'waiting' })).status).toBe(409);

    const cases: [Record<string, unknown>, string][] = [
      [{ ...WIFI, key: 'Has Spaces' }, 'key'],
      [{ ...WIFI, key: 'x'.repeat(41) }, 'key'],
      [{ ...WIFI, key: 'nul\u0000' }, 'key'],
      [{ ...WIFI, key: 'noname', nameZh: '  ' }, 'nameZh'],
      [{ ...WIFI, key: 'longname', nameEn: 'n'.repeat(101) }, 'nameEn'],
      [{ ...WIFI, key: 'toomany', phrasesZh: Array.from({ length: 31 }, (_, i) => `词${i}`) }, 'phrasesZh'],
      [{ ...WIFI, key: 'longphrase', phrasesEn: ['p'.repeat(41)] }, 'phrasesEn'],
      [{ ...WIFI, key: 'emptyphrase', phrasesEn: [''] }, 'phrasesEn'],
      [{ ...WIFI, key: 'notstrings', phrasesZh: [1, 2] }, 'phrasesZh'],
      [{ ...WIFI, key: 'nolist', phrasesZh: '无线网络' }, 'phrasesZh'],
      [{ key: 'missing', nameZh: 'x', nameEn: 'x', phrasesZh: [] }, 'phrasesEn'],
    ];
    for (const [body, field] of cases) {
      const reply = await admin.post<ApiError>('/api/comment-themes', body);
      expect({ field, status: reply.status, code: reply.body.code }).toEqual({ field, status: 400, code: 'validation.failed' });
      expect(reply.body.params?.fields).toContain(field);
    }

    const log = await admin.get<Page<AuditEntry>>('/api/audit-log?action=comment_theme.create');
    expect(log.body.items).toHaveLength(1);
    expect(log.body.items[0]).toMatchObject({ entityType: 'comment_theme', detail: 'key: wifi' });
  });

  it('tags a submitted comment with a custom theme by its phrases, shown in the theme trend', async () => {
    const chinese = await submitted('病房的无线网络太差了');
    const english = await submitted('The WiFi in the ward never worked');
    const neither = await submitted('wifissimo 护士很好');
    expect(await themesOf(chinese)).toContain('wifi');
    expect(await themesOf(english)).toContain('wifi');
    expect(await themesOf(neither)).not.toContain('wifi');
    expect(await trendKeys()).toContain('wifi');
  }, 60_000);

  it('renames built-in themes and disables them; phrases only on custom themes; 404 on an unknown key', async () => {
    expect((await quality.patch('/api/comment-themes/waiting', { nameEn: 'Queues' })).status).toBe(403);
    const renamed = await admin.patch<CommentThemeChange>('/api/comment-themes/waiting', { nameEn: 'Queues' });
    expect(renamed.status).toBe(200);
    expect(renamed.body.theme).toMatchObject({ key: 'waiting', nameEn: 'Queues', enabled: true });
    // A rename leaves what the tagger assigns alone: nothing to re-tag.
    expect(renamed.body.retagStarted).toBe(false);

    const phrases = await admin.patch<ApiError>('/api/comment-themes/waiting', { phrasesZh: ['排队'] });
    expect(phrases.status).toBe(400);
    expect(phrases.body).toMatchObject({ code: 'comment_theme.built_in_phrases', params: { fields: ['phrasesZh'] } });
    const empty = await admin.patch<ApiError>('/api/comment-themes/waiting', {});
    expect(empty.status).toBe(400);
    const badFlag = await admin.patch<ApiError>('/api/comment-themes/waiting', { enabled: 'no' });
    expect([badFlag.status, badFlag.body.params?.fields]).toEqual([400, ['enabled']]);

    const unknown = await admin.patch<ApiError>('/api/comment-themes/nothing_here', { nameEn: 'x' });
    expect([unknown.status, unknown.body.code, unknown.body.params?.key]).toEqual([404, 'comment_theme.not_found', 'nothing_here']);
    expect((await admin.patch<ApiError>(`/api/comment-themes/${'k'.repeat(60)}`, { nameEn: 'x' })).status).toBe(404);
    // NUL anywhere in a request is refused before any route (core/http/input-guard.ts).
    expect((await admin.patch<ApiError>(`/api/comment-themes/${encodeURIComponent('bad\u0000key')}`, { nameEn: 'x' })).status).toBe(400);

    const edited = await admin.patch<CommentThemeChange>('/api/comment-themes/wifi', { phrasesEn: ['wifi', 'wireless'] });
    expect(edited.status).toBe(200);
    expect(edited.body.theme.phrasesEn).toEqual(['wifi', 'wireless']);
    expect(edited.body.retagStarted).toBe(true);

    const log = await admin.get<Page<AuditEntry>>('/api/audit-log?action=comment_theme.update');
    expect(log.body.items.map((entry) => entry.detail)).toContain('key: waiting; nameEn: Waiting & timeliness → Queues');
    await admin.patch('/api/comment-themes/waiting', { nameEn: 'Waiting & timeliness' });
  });

  it('no longer assigns a disabled theme: the background re-tag removes it from stored comments', async () => {
    const before = await submitted('无线网络连不上，排队也太久');
    expect(await themesOf(before)).toEqual(['waiting', 'wifi']);

    const disabled = await admin.patch<CommentThemeChange>('/api/comment-themes/wifi', { enabled: false });
    expect(disabled.status).toBe(200);
    expect(disabled.body).toMatchObject({ theme: { key: 'wifi', enabled: false }, retagStarted: true });
    await eventually(trendKeys, (keys) => expect(keys).not.toContain('wifi'), 30_000);
    expect(await themesOf(before)).toEqual(['waiting']);
    // Every stored comment carries the new version.
    const stale = (await runSql(server.databaseUrl, 'SELECT COUNT(*) AS n FROM survey_response WHERE comment IS NOT NULL AND tagger_version <> $1', [
      disabled.body.taggerVersion,
    ])) as { n: unknown }[];
    expect(Number(stale[0]?.n)).toBe(0);
    // The command-line job reads the same themes, so it agrees: nothing stale.
    const cli = await runMaintenance('themes-retag', null, server.databaseUrl);
    expect(cli.output).toContain(`re-tagged 0 comments with tagger ${disabled.body.taggerVersion}`);

    const after = await submitted('无线网络还是连不上');
    expect(await themesOf(after)).not.toContain('wifi');

    const list = await admin.get<CommentTheme[]>('/api/comment-themes');
    expect(list.body.find((theme) => theme.key === 'wifi')).toMatchObject({ enabled: false, builtIn: false });
  }, 60_000);
});
