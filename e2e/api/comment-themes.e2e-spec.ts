import type { SurveyInvitation } from '@huifang/shared';
import { ApiClient } from '../support/api-client';
import { testDatabases } from '../support/databases';
import { runMaintenance } from '../support/maintenance-commands';
import { finishedVisit, staffClient } from '../support/patients-fixtures';
import { ADMIN_PASSWORD, startServer, type RunningServer } from '../support/server-process';
import { runSql } from '../support/sql';

/*
 * Comment themes are stored when a patient submits (server/src/surveys/themes/response-tags.ts), by
 * the built server in production mode: jieba's dictionary and the English model must load from the
 * bundle. Tags are read with SQL (no route shows them yet). Erasure removes them with the comment;
 * `npm run themes:retag` (dist/server/themes-retag.js) tags again what is stale.
 */

const ANSWERS = [
  { questionId: 'csat', value: 2 },
  { questionId: 'nps', value: 3 },
  { questionId: 'wait_time', value: 2 },
  { questionId: 'doctor_communication', value: 4 },
];

interface ThemeRow {
  response_id: number;
  theme_key: string;
  matched: string;
  submitted_on: string;
  department_id: number;
  nps: number | null;
}

describe.each(testDatabases())('comment themes on %s', (database) => {
  let server: RunningServer;
  let anonymous: ApiClient;
  let admin: ApiClient;
  let desk: ApiClient;
  const sql = (text: string, params: unknown[] = []) => runSql(server.databaseUrl, text, params);

  beforeAll(async () => {
    server = await startServer(database, { HUIFANG_PUBLIC_RATE_LIMIT: '100000' });
    anonymous = new ApiClient(server.baseUrl);
    admin = await anonymous.login('admin', ADMIN_PASSWORD);
    desk = await staffClient(admin, anonymous, 'themes.desk', 'front_desk');
  }, 120_000);
  afterAll(() => server?.stop());

  /** A patient's visit in department 2, its survey submitted with this comment; the response and patient ids. */
  async function submitted(comment: string | undefined, language: 'zh' | 'en'): Promise<{ responseId: number; patientId: number }> {
    const { patient, encounterId } = await finishedVisit(desk, { consent: { followUpCalls: true, surveys: true } }, 2);
    const invitation = await desk.post<SurveyInvitation>('/api/survey-invitations', { encounterId });
    expect(invitation.status).toBe(201);
    const reply = await anonymous.post<{ id: number }>(`/api/public/surveys/${invitation.body.token}`, { answers: ANSWERS, comment, language });
    expect(reply.status).toBe(201);
    return { responseId: reply.body.id, patientId: patient.id };
  }

  async function response(id: number): Promise<{ comment: string | null; comment_sentiment: string | null; tagger_version: string | null; submitted_on: string }> {
    const rows = (await sql('SELECT comment, comment_sentiment, tagger_version, submitted_on FROM survey_response WHERE id = $1', [id])) as never[];
    return rows[0] as never;
  }

  async function themes(id: number): Promise<{ key: string; matched: string[] }[]> {
    const rows = (await sql('SELECT * FROM response_theme WHERE response_id = $1 ORDER BY theme_key', [id])) as ThemeRow[];
    const stored = await response(id);
    for (const row of rows) {
      // The response's day, department and NPS are copied for the theme indexes.
      expect([row.submitted_on, Number(row.department_id), Number(row.nps)]).toEqual([stored.submitted_on, 2, 3]);
    }
    return rows.map((row) => ({ key: row.theme_key, matched: JSON.parse(row.matched) as string[] }));
  }

  it('seeds the ten built-in themes with zh and en names', async () => {
    const rows = (await sql('SELECT key, name_zh, name_en, built_in FROM comment_theme ORDER BY key')) as { key: string; name_zh: string; built_in: unknown }[];
    expect(rows).toHaveLength(10);
    expect(rows.find((r) => r.key === 'waiting')).toMatchObject({ name_zh: '等候与及时性', name_en: 'Waiting & timeliness' });
    expect(rows.every((r) => Boolean(r.built_in))).toBe(true);
  });

  it('tags Chinese and English comments on submit, and erasure removes the tags with the comment', async () => {
    const chinese = await submitted('排队太久了，等了两个小时，但是医生讲得很清楚', 'zh');
    const english = await submitted('The wait was far too long and the car park was full.', 'en');
    const none = await submitted(undefined, 'zh');

    const zh = await response(chinese.responseId);
    // Complaint about the queue, praise for the explanation: mixed.
    expect(zh.comment_sentiment).toBe('mixed_neutral');
    expect(zh.tagger_version).toMatch(/^\d+-[0-9a-f]{12}$/);
    const zhThemes = await themes(chinese.responseId);
    expect(zhThemes.map((t) => t.key)).toEqual(['communication', 'waiting']);
    expect(zhThemes[0]?.matched).toEqual(['讲得很清楚']);
    expect(zhThemes[1]?.matched).toEqual(expect.arrayContaining(['排队', '太久']));

    expect((await response(english.responseId)).comment_sentiment).toBe('negative');
    const enThemes = await themes(english.responseId);
    expect(enThemes.map((t) => t.key)).toEqual(['parking_transport', 'waiting']);
    expect(enThemes[0]?.matched).toContain('car park');
    expect(enThemes[1]?.matched).toEqual(['wait']);

    expect(await response(none.responseId)).toMatchObject({ comment: null, comment_sentiment: null, tagger_version: null });
    expect(await themes(none.responseId)).toEqual([]);

    expect((await admin.post(`/api/patients/${chinese.patientId}/erase`, { reason: 'patient_request' })).status).toBe(200);
    expect(await response(chinese.responseId)).toMatchObject({ comment: null, comment_sentiment: null, tagger_version: null });
    expect(await themes(chinese.responseId)).toEqual([]);
    // Another patient's tags stay.
    expect(await themes(english.responseId)).toEqual(enThemes);
  }, 60_000);

  it('npm run themes:retag tags again the stale comments, and only those', async () => {
    const stale = await submitted('护士态度很好，环境也干净', 'zh');
    const untagged = await submitted('Staff were very kind and explained everything clearly.', 'en');
    const current = await submitted('挂号太难了', 'zh');
    const before = await Promise.all([stale, untagged, current].map(async (r) => ({ response: await response(r.responseId), themes: await themes(r.responseId) })));
    expect(before[0]?.themes.map((t) => t.key)).toEqual(['environment', 'staff_attitude']);
    expect(before[1]?.response.comment_sentiment).toBe('positive');
    expect(before[2]?.themes.map((t) => t.key)).toEqual(['appointments']);

    // A previous tagger's wrong tags, and a comment stored before tagging existed.
    await sql("UPDATE survey_response SET tagger_version = '0-old', comment_sentiment = 'negative' WHERE id = $1", [stale.responseId]);
    await sql("UPDATE response_theme SET matched = '[\"old\"]' WHERE response_id = $1", [stale.responseId]);
    await sql("INSERT INTO response_theme (response_id, theme_key, matched, submitted_on, department_id, nps) VALUES ($1, 'food', '[\"old\"]', $2, 2, 3)", [
      stale.responseId,
      before[0]?.response.submitted_on,
    ]);
    await sql('UPDATE survey_response SET tagger_version = NULL, comment_sentiment = NULL WHERE id = $1', [untagged.responseId]);
    await sql('DELETE FROM response_theme WHERE response_id = $1', [untagged.responseId]);
    // The current one, its tags changed behind the job's back: left alone, as its version is current.
    await sql("UPDATE response_theme SET matched = '[\"untouched\"]' WHERE response_id = $1", [current.responseId]);

    const run = await runMaintenance('themes-retag', null, server.databaseUrl);
    expect(run.output).toMatch(/re-tagged 2 comments with tagger \d+-[0-9a-f]{12} in \d+ ms/);
    expect(run.code).toBe(0);
    for (const [i, r] of [stale, untagged].entries()) {
      expect({ response: await response(r.responseId), themes: await themes(r.responseId) }).toEqual(before[i]);
    }
    expect((await themes(current.responseId)).every((t) => t.matched[0] === 'untouched')).toBe(true);

    const again = await runMaintenance('themes-retag', null, server.databaseUrl);
    expect(again.output).toMatch(/re-tagged 0 comments/);
  }, 60_000);
});
