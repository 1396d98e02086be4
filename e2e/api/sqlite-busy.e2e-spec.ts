import Database from 'better-sqlite3';
import type { ApiError, Patient } from '@huifang/shared';
import { ApiClient } from '../support/api-client';
import { staffClient, uniquePhone } from '../support/patients-fixtures';
import { ADMIN_PASSWORD, startServer, type RunningServer } from '../support/server-process';

/** Another connection (a backup, a maintenance script, a second process) holding SQLite's write lock. */
function holdWriteLock(databaseUrl: string, ms: number): Promise<void> {
  const db = new Database(databaseUrl.slice('sqlite:'.length));
  db.exec('BEGIN IMMEDIATE');
  return new Promise((resolve) =>
    setTimeout(() => {
      db.exec('COMMIT');
      db.close();
      resolve();
    }, ms),
  );
}

describe('writers on a busy SQLite database', () => {
  let server: RunningServer;
  let desk: ApiClient;

  beforeAll(async () => {
    server = await startServer('sqlite');
    const anonymous = new ApiClient(server.baseUrl);
    const admin = await anonymous.login('admin', ADMIN_PASSWORD);
    desk = await staffClient(admin, anonymous, 'desk', 'front_desk');
  });
  afterAll(() => server?.stop());

  it('waits for a lock held for 1 s and then stores the patient (201, not 500 "database is locked")', async () => {
    const released = holdWriteLock(server.databaseUrl, 1000);
    const started = Date.now();
    const [response] = await Promise.all([desk.post<Patient>('/api/patients', { name: '等锁患者', phone: uniquePhone() }), released]);
    expect(response.status).toBe(201);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect((await desk.get<Patient>(`/api/patients/${response.body.id}`)).status).toBe(200);
  });

  it('gives up after the 5 s busy timeout with a 503 in the API error shape, and serves again once the lock is gone', async () => {
    const released = holdWriteLock(server.databaseUrl, 8000);
    const started = Date.now();
    const response = await desk.post<ApiError>('/api/patients', { name: '超时患者', phone: uniquePhone() });
    const waited = Date.now() - started;
    await released;
    expect(response.status).toBe(503);
    expect(response.body).toMatchObject({ statusCode: 503, code: 'database.busy' });
    expect(waited).toBeGreaterThanOrEqual(4500);
    expect(waited).toBeLessThan(7500);
    expect((await desk.post('/api/patients', { name: '超时患者', phone: uniquePhone() })).status).toBe(201);
  });
});
