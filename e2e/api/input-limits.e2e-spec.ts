import {
  CALLBACK_NOTE_MAX_LENGTH,
  CALLBACK_REASON_MAX_LENGTH,
  DEPARTMENT_NAME_MAX_LENGTH,
  ERROR_CODES,
  FOLLOW_UP_OFFSET_RANGE,
  STAGE_REASON_MAX_LENGTH,
  type ApiError,
  type CallbackItem,
  type Patient,
  type StaffUser,
  type SurveyInvitation,
} from '@huifang/shared';
import { ApiClient } from '../support/api-client';
import { testDatabases } from '../support/databases';
import { finishedVisit, registerPatient, staffClient } from '../support/patients-fixtures';
import { ADMIN_PASSWORD, startServer, type RunningServer } from '../support/server-process';
import { runSql } from '../support/sql';

const TOO_BIG_ID = 2_147_483_648;

/** `{"a":{"a":…}}` nested `depth` levels, written as text (JSON.stringify would recurse as deep). */
function deeplyNested(depth: number, leaf = '1'): string {
  return '{"a":'.repeat(depth) + leaf + '}'.repeat(depth);
}

/** Regression tests for bad input that used to answer 500 (or worse): each must be a 4xx naming the field. */
describe.each(testDatabases())('input limits on %s', (database) => {
  let server: RunningServer;
  let anonymous: ApiClient;
  let admin: ApiClient;
  let desk: ApiClient;

  beforeAll(async () => {
    server = await startServer(database, { HUIFANG_PUBLIC_RATE_LIMIT: '10000' });
    anonymous = new ApiClient(server.baseUrl);
    admin = await anonymous.login('admin', ADMIN_PASSWORD);
    desk = await staffClient(admin, anonymous, 'desk', 'front_desk');
  });
  afterAll(() => server?.stop());

  function expectRefused(response: { status: number; body: unknown }, status: number, field: RegExp, code?: string): void {
    const body = response.body as ApiError;
    expect([response.status, body.statusCode]).toEqual([status, status]);
    expect([body.message].flat().join('\n')).toMatch(field);
    if (code) expect(body.code).toBe(code);
  }

  describe('ids', () => {
    it('refuses ids of 2^31 and more in the path, the query and the body, naming the field', async () => {
      expectRefused(await desk.get(`/api/patients/${TOO_BIG_ID}`), 400, /^id /);
      expectRefused(await desk.get('/api/patients/99999999999999999999'), 400, /^id /);
      expectRefused(await desk.get(`/api/encounters?patientId=${TOO_BIG_ID}`), 400, /^patientId /);
      expectRefused(await desk.post('/api/encounters', { patientId: TOO_BIG_ID, departmentId: 1 }), 400, /^patientId /);
      expectRefused(await desk.post('/api/callbacks', { patientId: 1e20, dueAt: new Date().toISOString(), kind: 'manual' }), 400, /^patientId /);
      // The largest id is valid input: it is simply not found.
      expect((await desk.get('/api/patients/2147483647')).status).toBe(404);
    });

    it('refuses a page beyond the last possible one', async () => {
      expectRefused(await desk.get('/api/patients?page=99999999999999999999'), 400, /^page /);
      expectRefused(await desk.get('/api/patients?page=100001'), 400, /^page /);
      expect((await desk.get('/api/patients?page=100000')).status).toBe(200);
    });
  });

  describe('NUL characters', () => {
    it('refuses NUL in body text, in nested fields and in the query, naming the field', async () => {
      expectRefused(await desk.post('/api/patients', { name: '王\u0000芳', phone: '13800138000' }), 400, /^name .*NUL/, ERROR_CODES.validation);
      expectRefused(await desk.post('/api/patients', { name: '王芳', phone: '13800138000', consent: { x: 'a\u0000' } }), 400, /^consent\.x .*NUL/);
      expectRefused(await desk.get('/api/patients?q=%00'), 400, /^q .*NUL/);
      expect((await desk.get<{ total: number }>('/api/patients?q=%E7%8E%8B')).status).toBe(200);
    });

    it('refuses a survey comment with NUL without using up the invitation', async () => {
      const { encounterId } = await finishedVisit(desk);
      const invitation = await desk.post<SurveyInvitation>('/api/survey-invitations', { encounterId });
      const path = `/api/public/surveys/${invitation.body.token}`;
      const answers = [
        { questionId: 'csat', value: 5 },
        { questionId: 'nps', value: 10 },
        { questionId: 'wait_time', value: 4 },
        { questionId: 'doctor_communication', value: 5 },
      ];
      expectRefused(await anonymous.post(path, { answers, comment: 'good\u0000' }), 400, /^comment .*NUL/);
      const submitted = await anonymous.post(path, { answers, comment: 'good' });
      expect(submitted.status).toBe(201);
    });
  });

  describe('unique, foreign-key and length limits of the columns', () => {
    it('answers 409 with a typed code to concurrent creations of one department code', async () => {
      const bodies = Array.from({ length: 8 }, (_, i) => ({ code: 'race_dept', name: `竞争科${i}`, nameEn: `Race ${i}` }));
      const responses = await Promise.all(bodies.map((body) => admin.post<ApiError>('/api/departments', body)));
      const statuses = responses.map((r) => r.status).sort();
      expect(statuses).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
      for (const response of responses.filter((r) => r.status === 409)) {
        // The service's own check names the clash; one that slipped past it meets the unique index.
        expect([ERROR_CODES.departmentCodeTaken, ERROR_CODES.duplicate]).toContain(response.body.code);
        expect(JSON.stringify(response.body)).not.toMatch(/UQ_|constraint|INSERT|SQLITE|23505/i);
      }
    });

    it('measures lengths in characters (code points), as the column does', async () => {
      // '❤️' is two code points (U+2764 U+FE0F); class-validator's MaxLength counted it as one.
      const fifty = '❤️'.repeat(25);
      const patient = await desk.post<Patient>('/api/patients', { name: fifty, phone: '13700137000' });
      expect(patient.status).toBe(201);
      expect((await desk.get<Patient>(`/api/patients/${patient.body.id}`)).body.name).toBe(fifty);
      expectRefused(await desk.post('/api/patients', { name: '❤️'.repeat(26), phone: '13700137001' }), 400, /^name /);
      expectRefused(await desk.post('/api/encounters', { patientId: patient.body.id, departmentId: 1, clinician: '❤️'.repeat(26) }), 400, /^clinician /);
      const user = { username: 'emoji', role: 'front_desk', password: 'correct-horse-battery' };
      expectRefused(await admin.post('/api/users', { ...user, displayName: '❤️'.repeat(33) }), 400, /^displayName /);
      expect((await admin.post<StaffUser>('/api/users', { ...user, displayName: '🏥'.repeat(64) })).status).toBe(201);
    });

    it('refuses a template name longer than its column with 400, not 500', async () => {
      const question = { id: 'q1', kind: 'csat', text: { zh: '满意吗', en: 'Happy?' }, required: true };
      const long = 'x'.repeat(101);
      const response = await admin.post('/api/survey-templates', { name: { zh: long, en: 'Long' }, questions: [question] });
      expectRefused(response, 400, /^name\.zh /);
    });
  });

  describe('the limits the client forms take from shared/', () => {
    const text = (n: number) => '字'.repeat(n);

    it('are the limits the API enforces: at the limit accepted, one more refused naming the field', async () => {
      const patient = await registerPatient(desk, { consent: { followUpCalls: true, surveys: true } });
      const transition = (reason: string) => desk.post(`/api/patients/${patient.id}/transitions`, { to: 'treatment', reason });
      expectRefused(await transition(text(STAGE_REASON_MAX_LENGTH + 1)), 400, /^reason /);
      expect((await transition(text(STAGE_REASON_MAX_LENGTH))).status).toBe(201);

      const dueAt = new Date(Date.now() + 86_400_000).toISOString();
      const schedule = (note: string) => desk.post<CallbackItem>('/api/callbacks', { patientId: patient.id, dueAt, kind: 'manual', note });
      expectRefused(await schedule(text(CALLBACK_NOTE_MAX_LENGTH + 1)), 400, /^note /);
      const callback = await schedule(text(CALLBACK_NOTE_MAX_LENGTH));
      expect(callback.status).toBe(201);
      const cancel = (reason: string) => desk.post(`/api/callbacks/${callback.body.id}/cancel`, { reason });
      expectRefused(await cancel(text(CALLBACK_REASON_MAX_LENGTH + 1)), 400, /^reason /);
      expect((await cancel(text(CALLBACK_REASON_MAX_LENGTH))).status).toBe(200);

      const department = (name: string) => admin.post('/api/departments', { code: `limit_${name.length}`, name, nameEn: 'Limits' });
      expectRefused(await department(text(DEPARTMENT_NAME_MAX_LENGTH + 1)), 400, /^name /);
      expect((await department(text(DEPARTMENT_NAME_MAX_LENGTH))).status).toBe(201);

      const rules = (offset: number) =>
        admin.request('PUT', '/api/follow-up-rules', { rules: [{ key: 'post_treatment', enabled: true, offset }] });
      expectRefused(await rules(FOLLOW_UP_OFFSET_RANGE.max + 1), 400, /offset/);
      expectRefused(await rules(FOLLOW_UP_OFFSET_RANGE.min - 1), 400, /offset/);
      expect((await rules(FOLLOW_UP_OFFSET_RANGE.max)).status).toBe(200);
    });
  });

  describe('shape of the body', () => {
    it('refuses JSON nested thousands of levels deep on every kind of route, without a stack trace in the log', async () => {
      const before = server.output().length;
      const login = await anonymous.request('POST', '/api/auth/login', undefined, deeplyNested(5000));
      expectRefused(login, 400, /nested more than 32 levels/, ERROR_CODES.tooDeep);
      const patient = await desk.request('POST', '/api/patients', undefined, `{"name":${deeplyNested(2000)}}`);
      expectRefused(patient, 400, /^name(\.a)+ is nested/, ERROR_CODES.tooDeep);
      // 30 levels is still fine for the guard (the DTO refuses the shape, naming the field).
      expectRefused(await desk.request('POST', '/api/patients', undefined, `{"name":${deeplyNested(30)}}`), 400, /^name /, ERROR_CODES.validation);
      expect(server.output().slice(before)).not.toMatch(/RangeError|Maximum call stack|"level":50/);
    });

    it('refuses explicit null for fields that cannot be empty, and clears the nullable ones', async () => {
      const patient = await registerPatient(desk, { note: '过敏' });
      expectRefused(await desk.patch(`/api/patients/${patient.id}`, { gender: null }), 400, /^gender /);
      expectRefused(await desk.patch(`/api/patients/${patient.id}`, { name: null }), 400, /^name /);
      const cleared = await desk.patch<Patient>(`/api/patients/${patient.id}`, { note: null, birthDate: null });
      expect(cleared.status).toBe(200);
      expect([cleared.body.note, cleared.body.birthDate]).toEqual([null, null]);
      const users = await admin.get<StaffUser[]>('/api/users');
      const deskId = users.body.find((u) => u.username === 'desk')?.id;
      expectRefused(await admin.patch(`/api/users/${deskId}`, { role: null }), 400, /^role /);
      expectRefused(await admin.patch(`/api/users/${deskId}`, { active: null }), 400, /^active /);
      expectRefused(await desk.post('/api/patients', { name: '空性别', phone: '13600136000', gender: null }), 400, /^gender /);
    });

    it('validates objects inside arrays and nested objects', async () => {
      const put = (body: unknown) => admin.request('PUT', '/api/follow-up-rules', body);
      expectRefused(await put({ rules: [[]] }), 400, /^each value in rules must be an object/);
      expectRefused(await put({ rules: ['x'] }), 400, /^each value in rules must be an object/);
      expectRefused(await desk.post('/api/patients', { name: '数组', phone: '13600136001', consent: [] }), 400, /^consent /);
    });
  });

  describe('dates and periods', () => {
    it('refuses days outside 1900-2999 quickly, with a small answer', async () => {
      const started = Date.now();
      expectRefused(await admin.get('/api/indicators/satisfaction?to=9999-12-31'), 400, /^to /);
      expectRefused(await admin.get('/api/indicators/follow-up?from=9999-12-31'), 400, /^from /);
      expectRefused(await admin.get('/api/indicators/churn?from=1899-12-31&to=1900-01-10'), 400, /^from /);
      expectRefused(await desk.get('/api/encounters?from=10000-01-01'), 400, /^from /);
      expect(Date.now() - started).toBeLessThan(5000);
      const latest = await admin.get<{ key: string }[]>('/api/indicators/satisfaction?from=2999-12-01&to=2999-12-31&groupBy=month');
      expect(latest.status).toBe(200);
      expect(JSON.stringify(latest.body).length).toBeLessThan(10_000);
    });

    it('bounds the period per grouping with a typed code', async () => {
      expectRefused(await admin.get('/api/indicators/wait-time?from=2024-01-01&to=2025-03-01&groupBy=day'), 400, /^groupBy /, ERROR_CODES.periodTooLong);
      expectRefused(await admin.get('/api/indicators/wait-time?from=2020-01-01&to=2025-03-01&groupBy=month'), 400, /^to /, ERROR_CODES.periodTooLong);
    });

    it('refuses instants outside 1900-2999 and birth dates in the future', async () => {
      const patient = await registerPatient(desk);
      expectRefused(await desk.post('/api/encounters', { patientId: patient.id, departmentId: 1, checkedInAt: '1800-01-01T00:00:00Z' }), 400, /^checkedInAt /);
      expectRefused(await desk.post('/api/callbacks', { patientId: patient.id, dueAt: '9999-12-31T00:00:00Z', kind: 'manual' }), 400, /^dueAt /);
      expectRefused(await desk.patch(`/api/patients/${patient.id}`, { birthDate: '2999-01-01' }), 400, /^birthDate /);
    });
  });

  describe('logs', () => {
    it('never logs query parameters (names, phone numbers, password hashes) when a query fails', async () => {
      const name = '日志测试甲';
      const phone = '13512345678';
      // Concurrent duplicates make the database refuse all but one (a unique violation per loser).
      await Promise.all(Array.from({ length: 6 }, () => desk.post('/api/patients', { name, phone })));
      await Promise.all(Array.from({ length: 6 }, () => admin.post('/api/users', { username: 'twin', role: 'front_desk', password: 'correct-horse-battery' })));
      const rows = (await runSql(server.databaseUrl, 'SELECT COUNT(*) AS n FROM patient WHERE phone = $1', [phone])) as { n: unknown }[];
      expect(Number(rows[0].n)).toBe(1);
      const output = server.output();
      expect(output).toMatch(/query failed/);
      expect(output).not.toContain(phone);
      expect(output).not.toContain(name);
      expect(output).not.toContain('$argon2');
      expect(output).not.toMatch(/PARAMETERS/);
    });
  });
});
