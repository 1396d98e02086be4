import type { CallbackItem, SurveyInvitation } from '@huifang/shared';
import { ApiClient, type ApiResponse } from '../support/api-client';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { finishedVisit, registerPatient, staffClient } from '../support/patients-fixtures';
import { runMaintenance } from '../support/maintenance-commands';
import { journalsFolded } from '../support/rollup-folder';
import { ADMIN_PASSWORD, startServerOn, type RunningServer } from '../support/server-process';
import { runSql } from '../support/sql';

const DETRACTOR_ANSWERS = [
  { questionId: 'csat', value: 1 },
  { questionId: 'nps', value: 2 },
  { questionId: 'wait_time', value: 1 },
  { questionId: 'doctor_communication', value: 2 },
];
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' });
const statuses = (responses: ApiResponse[]) => responses.map((r) => r.status).sort();

/** The rollup tables by key; rows whose figures are all 0 are left out (a rebuild does not write them). */
const ROLLUP_KEYS: Record<string, string[]> = {
  callback_daily: ['day', 'department_id'],
  callback_duration_daily: ['day', 'department_id', 'minutes'],
  survey_daily: ['day', 'department_id', 'template_id'],
  survey_rating_daily: ['day', 'department_id', 'template_id', 'dimension'],
  driver_count: ['span', 'department_id', 'first_day', 'kind', 'label', 'x', 'y'],
  patient_status_counts: ['department_id', 'due_on', 'detractor'],
};
async function rollupRows(databaseUrl: string): Promise<Record<string, unknown[]>> {
  const tables: Record<string, unknown[]> = {};
  for (const [table, keys] of Object.entries(ROLLUP_KEYS)) {
    const rows = (await runSql(databaseUrl, `SELECT * FROM ${table} ORDER BY ${keys.join(', ')}`)) as Record<string, unknown>[];
    tables[table] = rows
      .map((row) => Object.fromEntries(Object.entries(row).map(([column, value]) => [column, keys.includes(column) ? value : Number(value)])))
      .filter((row) => Object.entries(row).some(([column, value]) => !keys.includes(column) && value !== 0));
  }
  return tables;
}

const postgres = process.env['TEST_DATABASE_URL'];
if (!postgres) process.stdout.write('two-instances.e2e-spec: skipped, two instances need PostgreSQL (set TEST_DATABASE_URL)\n');

(postgres ? describe : describe.skip)('two server instances on one PostgreSQL database', () => {
  let db: TestDatabase;
  const servers: RunningServer[] = [];
  /** The same staff member through instance A and through instance B (one token: the secret is in the database). */
  let deskA: ApiClient;
  let deskB: ApiClient;
  let desk2B: ApiClient;

  beforeAll(async () => {
    db = await createTestDatabase('postgres');
    const env = { HUIFANG_PUBLIC_RATE_LIMIT: '10000' };
    servers.push(await startServerOn('postgres', db, env));
    servers.push(await startServerOn('postgres', db, env));
    const anonymousA = new ApiClient(servers[0].baseUrl);
    const admin = await anonymousA.login('admin', ADMIN_PASSWORD);
    deskA = await staffClient(admin, anonymousA, 'desk', 'front_desk');
    deskB = new ApiClient(servers[1].baseUrl, deskA.token);
    desk2B = await staffClient(admin.withToken(admin.token as string), new ApiClient(servers[1].baseUrl), 'desk2', 'front_desk');
  }, 120_000);
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stopKeepingDatabase()));
    await db?.drop();
  });

  async function newCallbacks(count: number): Promise<number[]> {
    const patient = await registerPatient(deskA, { name: '双实例' });
    const ids: number[] = [];
    for (let i = 0; i < count; i++) {
      const created = await deskA.post<CallbackItem>('/api/callbacks', { patientId: patient.id, dueAt: new Date(Date.now() + 300_000).toISOString(), kind: 'manual' });
      ids.push(created.body.id);
    }
    return ids;
  }

  it('gives each callback to exactly one of two staff claiming it through different instances', async () => {
    const ids = await newCallbacks(15);
    const results = await Promise.all(ids.map((id) => Promise.all([deskA.post(`/api/callbacks/${id}/claim`), desk2B.post(`/api/callbacks/${id}/claim`)])));
    for (const pair of results) expect(statuses(pair)).toEqual([200, 409]);
    // Each callback is held by the staff member whose claim got the 200.
    const winners = results.map(([viaA]) => (viaA.status === 200 ? 'desk' : 'desk2'));
    const holders = (await runSql(db.url, `SELECT c.id, u.username FROM callback c JOIN staff_user u ON u.id = c.claimed_by WHERE c.id IN (${ids.join(',')}) ORDER BY c.id`)) as {
      username: string;
    }[];
    expect(holders.map((h) => h.username)).toEqual(winners);
    const claimAudits = (await runSql(db.url, `SELECT COUNT(*) AS n FROM audit_entry WHERE action = 'callback.claim' AND entity_id IN (${ids.join(',')})`)) as { n: string }[];
    expect(Number(claimAudits[0].n)).toBe(ids.length);
  });

  it('records an attempt submitted through both instances at once only once', async () => {
    const ids = await newCallbacks(10);
    for (const id of ids) expect((await deskA.post(`/api/callbacks/${id}/claim`)).status).toBe(200);
    const results = await Promise.all(
      ids.map((id) => Promise.all([deskA.post(`/api/callbacks/${id}/attempts`, { outcome: 'no_answer' }), deskB.post(`/api/callbacks/${id}/attempts`, { outcome: 'no_answer' })])),
    );
    for (const pair of results) expect(statuses(pair)).toEqual([200, 409]);
    const rows = (await runSql(
      db.url,
      `SELECT c.id, c.attempt_count AS counted, (SELECT COUNT(*) FROM callback_attempt a WHERE a.callback_id = c.id) AS stored FROM callback c WHERE c.id IN (${ids.join(',')})`,
    )) as { counted: number; stored: string }[];
    expect(rows.map((r) => [Number(r.counted), Number(r.stored)])).toEqual(ids.map(() => [1, 1]));
  });

  it('stores one response per one-time link submitted through both instances, and one service-recovery call for it', async () => {
    const tokens: string[] = [];
    for (let i = 0; i < 8; i++) {
      const { encounterId } = await finishedVisit(deskA);
      tokens.push((await deskA.post<SurveyInvitation>('/api/survey-invitations', { encounterId })).body.token);
    }
    const anonymous = servers.map((s) => new ApiClient(s.baseUrl));
    const results = await Promise.all(
      tokens.map((token) => Promise.all([0, 1, 0, 1].map((i) => anonymous[i].post(`/api/public/surveys/${token}`, { answers: DETRACTOR_ANSWERS })))),
    );
    for (const attempts of results) expect(statuses(attempts)).toEqual([201, 409, 409, 409]);
    const ids = results.map((attempts) => (attempts.find((r) => r.status === 201)?.body as { id: number }).id);
    const perResponse = (await runSql(
      db.url,
      `SELECT r.id, (SELECT COUNT(*) FROM callback c WHERE c.survey_response_id = r.id AND c.kind = 'service_recovery') AS calls
       FROM survey_response r WHERE r.invitation_id IN (SELECT id FROM survey_invitation WHERE used_at IS NOT NULL) AND r.id IN (${ids.join(',')})`,
    )) as { calls: string }[];
    expect(perResponse.map((r) => Number(r.calls))).toEqual(ids.map(() => 1));
  });

  it('counts every write once in the rollups while both instances fold their journals', async () => {
    const links: string[] = [];
    for (let i = 0; i < 12; i++) {
      const { encounterId } = await finishedVisit(deskA, {}, 1 + (i % 2));
      links.push((await deskA.post<SurveyInvitation>('/api/survey-invitations', { encounterId })).body.token);
    }
    const patients = await Promise.all(Array.from({ length: 6 }, () => registerPatient(deskA)));
    const anonymous = servers.map((s) => new ApiClient(s.baseUrl));
    // Submits and check-ins through both instances at once: each instance's folder folds what it can take.
    const written = await Promise.all([
      ...links.map((token, i) => anonymous[i % 2].post(`/api/public/surveys/${token}`, { answers: DETRACTOR_ANSWERS })),
      ...patients.map((patient, i) => (i % 2 ? deskB : deskA).post('/api/encounters', { patientId: patient.id, departmentId: 1 + (i % 2) })),
    ]);
    expect(statuses(written)).toEqual(written.map(() => 201));
    await journalsFolded(db.url);
    const incremental = await rollupRows(db.url);
    expect(incremental['survey_daily'].length).toBeGreaterThan(0);
    const rebuilt = await runMaintenance('rollups-rebuild', null, db.url);
    expect(rebuilt.code).toBe(0);
    expect(await rollupRows(db.url)).toEqual(incremental);
  }, 120_000);

  it('locks a username out on both instances after wrong passwords through either (counters in the database)', async () => {
    const [viaA, viaB] = servers.map((s) => new ApiClient(s.baseUrl));
    // Five failures, alternating between the instances, from the same source address.
    for (let i = 0; i < 5; i++) {
      const wrong = await (i % 2 ? viaB : viaA).post('/api/auth/login', { username: 'desk2', password: `wrong-password-${i}` });
      expect(wrong.status).toBe(401);
    }
    for (const instance of [viaA, viaB]) {
      const locked = await instance.post<{ code: string }>('/api/auth/login', { username: 'desk2', password: `wrong-password-again` });
      expect(locked.status).toBe(429);
      expect(locked.body.code).toBe('auth.locked');
      expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    }
  });

  it('creates one win-back call per missed return when the missed-revisit job runs in every instance at once', async () => {
    const missed = await Promise.all(Array.from({ length: 6 }, () => registerPatient(deskA, { name: '未复诊' })));
    await runSql(db.url, `UPDATE patient SET next_visit_due = $1, last_visit_on = $2 WHERE id IN (${missed.map((p) => p.id).join(',')})`, [daysAgo(10), daysAgo(40)]);
    // The job runs at every start-up and every five minutes: two more instances starting together, next to the two serving.
    const more = await Promise.all([startServerOn('postgres', db), startServerOn('postgres', db)]);
    servers.push(...more);
    const rows = (await runSql(db.url, `SELECT patient_id, COUNT(*) AS n FROM callback WHERE kind = 'missed_revisit' AND patient_id IN (${missed.map((p) => p.id).join(',')}) GROUP BY patient_id`)) as {
      n: string;
    }[];
    expect(rows.map((r) => Number(r.n))).toEqual(missed.map(() => 1));
  }, 120_000);
});
