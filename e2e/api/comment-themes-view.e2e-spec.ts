import type { Page, SurveyInvitation, SurveyResponseSummary, ThemeTrend } from '@huifang/shared';
import { ApiClient } from '../support/api-client';
import { testDatabases } from '../support/databases';
import { runMaintenance } from '../support/maintenance-commands';
import { finishedVisit, staffClient } from '../support/patients-fixtures';
import { ADMIN_PASSWORD, startServer, type RunningServer } from '../support/server-process';
import { runSql } from '../support/sql';

/*
 * The Themes view's API (issue #13 part 4): the theme trend (GET /api/indicators/themes), the feedback
 * list's theme and free-text filters with each response's matched words, and the search's index kept
 * by submit, re-tag and erasure. The same named comments and expectations run on both databases, so
 * a search answering differently on SQLite and PostgreSQL fails one of them.
 */

const DEPARTMENT = 3;

/** Comments whose tags the tagger's tests pin down (comment-themes.e2e-spec.ts), with their NPS. */
const GIVEN: Record<string, { nps: number; comment?: string; language: 'zh' | 'en' }> = {
  queue: { nps: 3, comment: '排队太久了，等了两个小时，但是医生讲得很清楚', language: 'zh' }, // communication, waiting
  carPark: { nps: 2, comment: 'The wait was far too long and the car park was full.', language: 'en' }, // parking_transport, waiting
  clean: { nps: 10, comment: '护士态度很好，环境也干净', language: 'zh' }, // environment, staff_attitude
  booking: { nps: 6, comment: '挂号太难了', language: 'zh' }, // appointments
  silent: { nps: 9, language: 'zh' },
};

describe.each(testDatabases())('the Themes view API on %s', (database) => {
  let server: RunningServer;
  let anonymous: ApiClient;
  let admin: ApiClient;
  let quality: ApiClient;
  const today = new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' });
  const scope = `from=${today}&to=${today}&departmentId=${DEPARTMENT}`;
  /** Name → response id, and back. */
  const ids: Record<string, number> = {};
  const patients: Record<string, number> = {};
  const nameOf = (id: number) => Object.keys(ids).find((name) => ids[name] === id) ?? `#${id}`;

  beforeAll(async () => {
    server = await startServer(database, { HUIFANG_PUBLIC_RATE_LIMIT: '100000' });
    anonymous = new ApiClient(server.baseUrl);
    admin = await anonymous.login('admin', ADMIN_PASSWORD);
    const desk = await staffClient(admin, anonymous, 'view.desk', 'front_desk');
    quality = await staffClient(admin, anonymous, 'view.quality', 'quality_manager');
    for (const [name, { nps, comment, language }] of Object.entries(GIVEN)) {
      const { patient, encounterId } = await finishedVisit(desk, { consent: { followUpCalls: true, surveys: true } }, DEPARTMENT);
      const invitation = await desk.post<SurveyInvitation>('/api/survey-invitations', { encounterId });
      expect(invitation.status).toBe(201);
      const answers = [
        { questionId: 'csat', value: 4 },
        { questionId: 'nps', value: nps },
        { questionId: 'wait_time', value: 4 },
        { questionId: 'doctor_communication', value: 4 },
      ];
      const reply = await anonymous.post<{ id: number }>(`/api/public/surveys/${invitation.body.token}`, { answers, comment, language });
      expect(reply.status).toBe(201);
      ids[name] = reply.body.id;
      patients[name] = patient.id;
    }
  }, 120_000);
  afterAll(() => server?.stop());

  async function listed(filter: string): Promise<SurveyResponseSummary[]> {
    const page = await quality.get<Page<SurveyResponseSummary>>(`/api/survey-responses?${scope}&pageSize=100&${filter}`);
    expect(page.status).toBe(200);
    expect(page.body.total).toBe(page.body.items.length);
    return page.body.items;
  }
  const found = async (filter: string) => (await listed(filter)).map((r) => nameOf(r.id)).sort();
  const search = (q: string) => found(`q=${encodeURIComponent(q)}`);

  it('hand-worked trend: share of comments per theme with n, and the detractors\' themes', async () => {
    const reply = await quality.get<ThemeTrend>(`/api/indicators/themes?${scope}&groupBy=month`);
    expect(reply.status).toBe(200);
    // 4 comments (the silent response has none); 3 of them from detractors (NPS 3, 2 and 6).
    const all = [
      { key: 'waiting', n: 2, share: 50 },
      { key: 'appointments', n: 1, share: 25 },
      { key: 'communication', n: 1, share: 25 },
      { key: 'environment', n: 1, share: 25 },
      { key: 'parking_transport', n: 1, share: 25 },
      { key: 'staff_attitude', n: 1, share: 25 },
    ];
    expect(reply.body).toEqual({
      from: today,
      to: today,
      departmentId: DEPARTMENT,
      groupBy: 'month',
      points: [{ key: today.slice(0, 7), comments: 4, themes: all }],
      total: { comments: 4, themes: all },
      detractors: {
        comments: 3,
        themes: [
          { key: 'waiting', n: 2, share: 66.7 },
          { key: 'appointments', n: 1, share: 33.3 },
          { key: 'communication', n: 1, share: 33.3 },
          { key: 'parking_transport', n: 1, share: 33.3 },
        ],
      },
    });
  });

  it('gives every week of the range, empty ones with n = 0', async () => {
    const from = new Date(Date.parse(`${today}T00:00:00Z`) - 14 * 86_400_000).toISOString().slice(0, 10);
    const reply = await quality.get<ThemeTrend>(`/api/indicators/themes?from=${from}&to=${today}&departmentId=${DEPARTMENT}&groupBy=week`);
    expect(reply.status).toBe(200);
    const points = reply.body.points;
    expect(points.length).toBeGreaterThanOrEqual(3);
    for (const point of points) expect(new Date(`${point.key}T00:00:00Z`).getUTCDay()).toBe(1);
    expect(points.slice(0, -1).every((p) => p.comments === 0 && p.themes.length === 0)).toBe(true);
    expect(points.at(-1)).toMatchObject({ comments: 4, themes: expect.arrayContaining([{ key: 'waiting', n: 2, share: 50 }]) });
    // Another department's view has none of them.
    const other = await quality.get<ThemeTrend>(`/api/indicators/themes?from=${today}&to=${today}&departmentId=${DEPARTMENT + 1}`);
    expect(other.body.total).toEqual({ comments: 0, themes: [] });
    expect(other.body.detractors).toEqual({ comments: 0, themes: [] });
  });

  it('lists the comments behind a theme, each with its themes and the words to highlight', async () => {
    expect(await found('themeId=waiting')).toEqual(['carPark', 'queue']);
    expect(await found('themeId=food')).toEqual([]);
    const queue = (await listed('themeId=communication'))[0];
    expect(queue?.id).toBe(ids['queue']);
    expect(queue?.themes.map((t) => t.key)).toEqual(['communication', 'waiting']);
    expect(queue?.themes[0]?.matched).toEqual(['讲得很清楚']);
    expect(queue?.themes[1]?.matched).toEqual(expect.arrayContaining(['排队', '太久']));
    const silent = (await listed('')).find((r) => r.id === ids['silent']);
    expect(silent?.themes).toEqual([]);
    // With another filter: waiting among promoters is nobody.
    expect(await found('themeId=waiting&npsDetractorsOnly=true')).toEqual(['carPark', 'queue']);
  });

  it('searches comments in Chinese and English, the same comments on both databases', async () => {
    const expectations: [string, string[]][] = [
      ['排队', ['queue']],
      ['太久', ['queue']],
      ['排队 医生', ['queue']],
      ['医生排队', ['queue']],
      ['环境', ['clean']],
      ['挂号', ['booking']],
      ['停车', []],
      ['wait', ['carPark']],
      ['WAIT', ['carPark']],
      ['car park', ['carPark']],
      ['The Wait', ['carPark']],
      ['park 医生', []],
      ['waiting', []],
      ['了', ['booking', 'queue']],
      ['，。', ['booking', 'carPark', 'clean', 'queue', 'silent']],
    ];
    const actual: [string, string[]][] = [];
    for (const [q] of expectations) actual.push([q, await search(q)]);
    expect(actual).toEqual(expectations);
    expect(await found(`themeId=waiting&q=${encodeURIComponent('排队')}`)).toEqual(['queue']);
  });

  it('refuses a malformed theme, an over-long search or a groupBy the trend does not have, naming the field', async () => {
    const bad = async (path: string, field: string) => {
      const reply = await quality.get<{ code: string; params: { fields: string[] } }>(path);
      expect(reply.status).toBe(400);
      expect(reply.body.code).toBe('validation.failed');
      expect(reply.body.params.fields).toContain(field);
    };
    await bad(`/api/survey-responses?themeId=${encodeURIComponent("waiting' OR 1=1")}`, 'themeId');
    await bad(`/api/survey-responses?q=${'排'.repeat(101)}`, 'q');
    await bad('/api/survey-responses?q=%00', 'q');
    await bad('/api/indicators/themes?groupBy=department', 'groupBy');
    await bad('/api/indicators/themes?groupBy=day', 'groupBy');
    expect((await quality.get(`/api/survey-responses?q=${'排'.repeat(100)}`)).status).toBe(200);
  });

  it('re-tag fills the search words of older comments; erasure removes them with the comment', async () => {
    const words = async (name: string) =>
      ((await runSql(server.databaseUrl, 'SELECT term FROM comment_search_term WHERE response_id = $1 ORDER BY term', [ids[name]])) as { term: string }[]).map((r) => r.term);
    expect(await words('clean')).toEqual(expect.arrayContaining(['护士', '环境', '干净']));
    // A comment stored before the search existed: no words, and an older tagger's version.
    await runSql(server.databaseUrl, 'DELETE FROM comment_search_term WHERE response_id = $1', [ids['clean']]);
    await runSql(server.databaseUrl, "UPDATE survey_response SET tagger_version = '1-old' WHERE id = $1", [ids['clean']]);
    expect(await search('环境')).toEqual([]);
    const run = await runMaintenance('themes-retag', null, server.databaseUrl);
    expect(run.code).toBe(0);
    expect(await search('环境')).toEqual(['clean']);

    expect((await admin.post(`/api/patients/${patients['queue']}/erase`, { reason: 'patient_request' })).status).toBe(200);
    expect(await words('queue')).toEqual([]);
    expect(await search('排队')).toEqual([]);
    expect(await found('themeId=waiting')).toEqual(['carPark']);
    expect(await search('环境')).toEqual(['clean']);
  }, 60_000);
});
