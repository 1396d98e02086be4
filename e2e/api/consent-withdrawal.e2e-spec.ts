import { ERROR_CODES, SYSTEM_CANCEL_REASONS, type ApiError, type AuditEntry, type CallbackItem, type Page, type Patient } from '@huifang/shared';
import { ApiClient } from '../support/api-client';
import { testDatabases } from '../support/databases';
import { registerPatient, staffClient } from '../support/patients-fixtures';
import { ADMIN_PASSWORD, startServer, type RunningServer } from '../support/server-process';
import { runSql } from '../support/sql';

const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

/*
 * A patient who withdraws consent to follow-up calls is not called: the open callbacks are cancelled
 * (reason recorded, audited), and a claim is refused with `callback.no_consent`, also when it races
 * the withdrawal.
 */
describe.each(testDatabases())('withdrawing consent to follow-up calls on %s', (database) => {
  let server: RunningServer;
  let admin: ApiClient;
  let desk: ApiClient;
  let desk2: ApiClient;

  beforeAll(async () => {
    server = await startServer(database);
    const anonymous = new ApiClient(server.baseUrl);
    admin = await anonymous.login('admin', ADMIN_PASSWORD);
    desk = await staffClient(admin, anonymous, 'desk', 'front_desk');
    desk2 = await staffClient(admin, anonymous, 'desk2', 'front_desk');
  });
  afterAll(() => server?.stop());

  async function consenting(): Promise<Patient> {
    return registerPatient(desk, { consent: { followUpCalls: true, surveys: true } });
  }

  async function manual(patientId: number, minutes = 5): Promise<CallbackItem> {
    const created = await desk.post<CallbackItem>('/api/callbacks', { patientId, dueAt: inMinutes(minutes), kind: 'manual', note: '确认复诊' });
    expect(created.status).toBe(201);
    return created.body;
  }

  const withdraw = (patientId: number) => desk.request<Patient>('PUT', `/api/patients/${patientId}/consent`, { followUpCalls: false });

  it('cancels the pending and claimed callbacks with the reason, audited, and leaves finished ones alone', async () => {
    const patient = await consenting();
    const pending = await manual(patient.id);
    const later = await manual(patient.id, 3 * 24 * 60);
    const claimed = await manual(patient.id);
    expect((await desk2.post(`/api/callbacks/${claimed.id}/claim`)).status).toBe(200);
    const done = await manual(patient.id);
    expect((await desk.post(`/api/callbacks/${done.id}/claim`)).status).toBe(200);
    expect((await desk.post(`/api/callbacks/${done.id}/attempts`, { outcome: 'reached' })).status).toBe(200);

    expect((await withdraw(patient.id)).status).toBe(200);

    for (const id of [pending.id, later.id, claimed.id]) {
      const row = (await desk.get<CallbackItem>(`/api/callbacks/${id}`)).body;
      expect([id, row.status, row.cancelReason, row.claimedBy]).toEqual([id, 'cancelled', SYSTEM_CANCEL_REASONS.consentWithdrawn, null]);
    }
    expect((await desk.get<CallbackItem>(`/api/callbacks/${done.id}`)).body.status).toBe('completed');
    // The one who held the call can record nothing on it any more.
    expect((await desk2.post(`/api/callbacks/${claimed.id}/attempts`, { outcome: 'reached' })).status).toBeGreaterThanOrEqual(400);

    const trail = (await admin.get<Page<AuditEntry>>(`/api/audit-log?patientId=${patient.id}&pageSize=100`)).body.items;
    const cancelled = trail.filter((e) => e.action === 'callback.cancel').map((e) => e.entityId);
    expect(cancelled.sort()).toEqual([pending.id, later.id, claimed.id].sort());
  });

  it('refuses to claim a callback of a patient without consent with 409 callback.no_consent', async () => {
    const patient = await consenting();
    const callback = await manual(patient.id);
    expect((await withdraw(patient.id)).status).toBe(200);
    // A callback left open by data from before withdrawals cancelled them is refused all the same.
    await runSql(server.databaseUrl, "UPDATE callback SET status = 'pending', cancel_reason = NULL WHERE id = $1", [callback.id]);
    const refused = await desk.post<ApiError>(`/api/callbacks/${callback.id}/claim`);
    expect([refused.status, refused.body.code]).toEqual([409, ERROR_CODES.callbackNoConsent]);
    const manualRefused = await desk.post<ApiError>('/api/callbacks', { patientId: patient.id, dueAt: inMinutes(5), kind: 'manual' });
    expect([manualRefused.status, manualRefused.body.code]).toEqual([409, ERROR_CODES.callbackNoConsent]);

    // Consent given again: calls can be made again.
    expect((await desk.request('PUT', `/api/patients/${patient.id}/consent`, { followUpCalls: true })).status).toBe(200);
    expect((await desk.post(`/api/callbacks/${callback.id}/claim`)).status).toBe(200);
  });

  it('resolves a claim racing the withdrawal cleanly: claimed then cancelled, or refused with the typed code', async () => {
    for (let round = 0; round < 6; round++) {
      const patient = await consenting();
      const callback = await manual(patient.id);
      const [claim, withdrawal] = await Promise.all([desk2.post<ApiError>(`/api/callbacks/${callback.id}/claim`), withdraw(patient.id)]);
      expect(withdrawal.status).toBe(200);
      expect([200, 409]).toContain(claim.status);
      if (claim.status === 409) expect(claim.body.code).toBe(ERROR_CODES.callbackNoConsent);
      const after = (await desk.get<CallbackItem>(`/api/callbacks/${callback.id}`)).body;
      expect([after.status, after.claimedBy]).toEqual(['cancelled', null]);
      const retry = await desk2.post<ApiError>(`/api/callbacks/${callback.id}/claim`);
      expect([retry.status, retry.body.code]).toEqual([409, ERROR_CODES.callbackNoConsent]);
    }
  });
});
