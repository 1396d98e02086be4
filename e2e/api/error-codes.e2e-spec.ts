import type { ApiError, CallbackItem, ErrorCode } from '@huifang/shared';
import { ApiClient } from '../support/api-client';
import { testDatabases } from '../support/databases';
import { finishedVisit, registerPatient, staffClient } from '../support/patients-fixtures';
import { ADMIN_PASSWORD, startServer, type RunningServer } from '../support/server-process';

/**
 * The main conflicts a desk meets answer a typed `code` with the params its message needs (the
 * client translates them); the English `message` stays for developers.
 */
describe.each(testDatabases())('typed error codes and params on %s', (database) => {
  let server: RunningServer;
  let desk: ApiClient;
  let desk2: ApiClient;

  beforeAll(async () => {
    server = await startServer(database);
    const anonymous = new ApiClient(server.baseUrl);
    const admin = await anonymous.login('admin', ADMIN_PASSWORD);
    desk = await staffClient(admin, anonymous, 'desk', 'front_desk');
    desk2 = await staffClient(admin, anonymous, 'desk2', 'front_desk');
  });
  afterAll(() => server?.stop());

  function expectError<C extends ErrorCode>(response: { status: number; body: unknown }, status: number, code: C): ApiError<C> {
    const body = response.body as ApiError<C>;
    expect([response.status, body.code]).toEqual([status, code]);
    expect(typeof body.message === 'string' || Array.isArray(body.message)).toBe(true);
    return body;
  }

  it('a duplicate registration: patient.duplicate with the existing id', async () => {
    const first = await registerPatient(desk);
    const again = await desk.post('/api/patients', { name: first.name, phone: first.phone });
    expect(expectError(again, 409, 'patient.duplicate').params).toEqual({ existingPatientId: first.id });
  });

  it('a second check-in in one department: encounter.open_in_department', async () => {
    const patient = await registerPatient(desk);
    expect((await desk.post('/api/encounters', { patientId: patient.id, departmentId: 2 })).status).toBe(201);
    const again = await desk.post('/api/encounters', { patientId: patient.id, departmentId: 2 });
    expect(expectError(again, 409, 'encounter.open_in_department').params).toBeUndefined();
  });

  it('an invitation within the spacing: survey.too_soon with both calendar days', async () => {
    const visit = await finishedVisit(desk);
    expect((await desk.post('/api/survey-invitations', { encounterId: visit.encounterId })).status).toBe(201);
    const again = await desk.post('/api/survey-invitations', { encounterId: visit.encounterId });
    const params = expectError(again, 409, 'survey.too_soon').params;
    expect(params).toEqual({ lastInvitedDay: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), nextAllowedDay: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(params && params.nextAllowedDay > params.lastInvitedDay).toBe(true);
  });

  it('a callback claimed by a colleague: callback.claimed naming them', async () => {
    const patient = await registerPatient(desk);
    const dueAt = new Date(Date.now() + 5 * 60_000).toISOString();
    const callback = (await desk.post<CallbackItem>('/api/callbacks', { patientId: patient.id, dueAt, kind: 'manual', priority: 'normal' })).body;
    expect((await desk.post(`/api/callbacks/${callback.id}/claim`)).status).toBe(200);
    const taken = await desk2.post(`/api/callbacks/${callback.id}/claim`);
    expect(expectError(taken, 409, 'callback.claimed').params).toEqual({ claimedBy: 'desk' });
    const attempt = await desk2.post(`/api/callbacks/${callback.id}/attempts`, { outcome: 'no_answer' });
    expectError(attempt, 403, 'callback.not_claimed_by_you');
  });

  it('a stage move from a stage the patient has left: stage.changed', async () => {
    const patient = await registerPatient(desk);
    expect((await desk.post(`/api/patients/${patient.id}/transitions`, { to: 'treatment' })).status).toBe(201);
    const stale = await desk.post(`/api/patients/${patient.id}/transitions`, { to: 'follow_up', from: 'first_visit' });
    expectError(stale, 409, 'stage.changed');
  });

  it('validation errors list the offending field paths', async () => {
    const bad = await desk.post('/api/patients', { name: '', phone: '123', unknownField: 1 });
    const params = expectError(bad, 400, 'validation.failed').params;
    expect([...(params?.fields ?? [])].sort()).toEqual(['name', 'phone', 'unknownField']);
    const badId = await desk.get('/api/patients/abc');
    expect(expectError(badId, 400, 'validation.failed').params).toEqual({ fields: ['id'] });
  });

  it('a missing patient: patient.not_found with its id', async () => {
    expect(expectError(await desk.get('/api/patients/999999'), 404, 'patient.not_found').params).toEqual({ patientId: 999999 });
  });
});
