import type { ApiError, CallbackItem } from '@huifang/shared';
import { ApiClient } from '../support/api-client';
import { testDatabases } from '../support/databases';
import { registerPatient, staffClient } from '../support/patients-fixtures';
import { ADMIN_PASSWORD, startServer, type RunningServer } from '../support/server-process';
import { runSql } from '../support/sql';

const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

describe.each(testDatabases())('concurrent actions on one callback on %s', (database) => {
  let server: RunningServer;
  let desk: ApiClient;

  beforeAll(async () => {
    server = await startServer(database);
    const anonymous = new ApiClient(server.baseUrl);
    const admin = await anonymous.login('admin', ADMIN_PASSWORD);
    desk = await staffClient(admin, anonymous, 'desk', 'front_desk');
  });
  afterAll(() => server?.stop());

  async function claimedCallback(): Promise<number> {
    const patient = await registerPatient(desk);
    const created = await desk.post<CallbackItem>('/api/callbacks', { patientId: patient.id, dueAt: inMinutes(5), kind: 'manual' });
    expect((await desk.post(`/api/callbacks/${created.body.id}/claim`)).status).toBe(200);
    return created.body.id;
  }

  /** The callback's own counter against the attempt rows actually stored for it. */
  async function countedAndStored(id: number): Promise<[number, number]> {
    const [row] = (await runSql(server.databaseUrl, 'SELECT attempt_count AS n FROM callback WHERE id = $1', [id])) as { n: number }[];
    const [rows] = (await runSql(server.databaseUrl, 'SELECT COUNT(*) AS n FROM callback_attempt WHERE callback_id = $1', [id])) as { n: number }[];
    return [Number(row.n), Number(rows.n)];
  }

  it('records a double-clicked "no answer" once: one 200, one 409, one attempt row counted once', async () => {
    const id = await claimedCallback();
    const responses = await Promise.all([1, 2].map(() => desk.post<CallbackItem | ApiError>(`/api/callbacks/${id}/attempts`, { outcome: 'no_answer' })));
    expect(responses.map((r) => r.status).sort()).toEqual([200, 409]);
    const refused = responses.find((r) => r.status === 409)?.body as ApiError;
    expect(refused).toMatchObject({ statusCode: 409, code: 'callback.already_recorded' });
    expect(refused.message).toMatch(/already recorded/);
    expect(await countedAndStored(id)).toEqual([1, 1]);
  });

  it('keeps the count equal to the stored attempts under 10 concurrent attempts', async () => {
    const id = await claimedCallback();
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) => desk.post(`/api/callbacks/${id}/attempts`, { outcome: i % 2 ? 'no_answer' : 'reached' })),
    );
    expect(responses.filter((r) => r.status === 200)).toHaveLength(1);
    expect(responses.filter((r) => r.status === 409)).toHaveLength(9);
    expect(await countedAndStored(id)).toEqual([1, 1]);
  });

  it('leaves one coherent state when an attempt, a release, a reschedule and a cancel hit a claimed callback at once', async () => {
    const id = await claimedCallback();
    const responses = await Promise.all([
      desk.post(`/api/callbacks/${id}/attempts`, { outcome: 'reached' }),
      desk.post(`/api/callbacks/${id}/release`),
      desk.post(`/api/callbacks/${id}/cancel`, { reason: 'duplicate' }),
      desk.post(`/api/callbacks/${id}/reschedule`, { dueAt: inMinutes(120), reason: 'patient asked for the afternoon' }),
    ]);
    const statuses = responses.map((r) => r.status);
    expect(statuses.every((s) => [200, 403, 409].includes(s))).toBe(true);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    const [counted, stored] = await countedAndStored(id);
    expect(counted).toBe(stored);
    const [row] = (await runSql(server.databaseUrl, 'SELECT status, claimed_by AS "claimedBy" FROM callback WHERE id = $1', [id])) as {
      status: string;
      claimedBy: number | null;
    }[];
    // Whatever won, the callback is left in one coherent state: not claimed, and completed only with its attempt.
    expect(row.claimedBy).toBeNull();
    expect(row.status === 'completed').toBe(stored === 1);
  });
});
