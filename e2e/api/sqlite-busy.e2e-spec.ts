import Database from 'better-sqlite3';
import type { ApiError, Patient } from '@huifang/shared';
import { ApiClient } from '../support/api-client';
import { registerPatient, staffClient, uniquePhone } from '../support/patients-fixtures';
import { createTestDatabase } from '../support/databases';
import { ADMIN_PASSWORD, startServer, startServerOn, type RunningServer } from '../support/server-process';
import { runSql } from '../support/sql';

/** A read must not wait for another connection's write lock: SQLite's WAL serves it at once. */
const PROMPT_MS = 300;

/** Another connection (a backup, a maintenance script, a second process) taking SQLite's write lock; returns its (idempotent) release. */
function takeWriteLock(databaseUrl: string): () => void {
  const db = new Database(databaseUrl.slice('sqlite:'.length));
  db.exec('BEGIN IMMEDIATE');
  return () => {
    if (!db.open) return;
    db.exec('COMMIT');
    db.close();
  };
}

function holdWriteLock(databaseUrl: string, ms: number): Promise<void> {
  const release = takeWriteLock(databaseUrl);
  return new Promise((resolve) => setTimeout(() => resolve(release()), ms));
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function timed(request: Promise<{ status: number }>): Promise<{ status: number; ms: number }> {
  const started = Date.now();
  const { status } = await request;
  return { status, ms: Date.now() - started };
}

describe('writers on a busy SQLite database', () => {
  let server: RunningServer;
  let anonymous: ApiClient;
  let desk: ApiClient;

  beforeAll(async () => {
    server = await startServer('sqlite');
    anonymous = new ApiClient(server.baseUrl);
    const admin = await anonymous.login('admin', ADMIN_PASSWORD);
    desk = await staffClient(admin, anonymous, 'desk', 'front_desk');
  });
  afterAll(() => server?.stop());

  /** While a writer waits for the lock, the server keeps answering: the health probe and a read route, each promptly. */
  async function readsDuringTheWait(): Promise<Array<{ status: number; ms: number }>> {
    await pause(300);
    const first = await Promise.all([timed(anonymous.get('/api/health')), timed(desk.get('/api/departments'))]);
    await pause(300);
    const second = await Promise.all([timed(anonymous.get('/api/health')), timed(desk.get('/api/departments'))]);
    return [...first, ...second];
  }

  it('waits for a lock held for 1.5 s and then stores the patient, while health and reads answer promptly', async () => {
    const released = holdWriteLock(server.databaseUrl, 1500);
    const started = Date.now();
    const [response, reads] = await Promise.all([
      desk.post<Patient>('/api/patients', { name: '等锁患者', phone: uniquePhone() }),
      readsDuringTheWait(),
      released,
    ]);
    expect(response.status).toBe(201);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1400);
    for (const read of reads) {
      expect(read.status).toBe(200);
      expect(read.ms).toBeLessThan(PROMPT_MS);
    }
    expect((await desk.get<Patient>(`/api/patients/${response.body.id}`)).status).toBe(200);
  });

  it('gives up after about 5 s with a 503 in the API error shape, answers reads meanwhile, and serves again once the lock is gone', async () => {
    const released = holdWriteLock(server.databaseUrl, 8000);
    const started = Date.now();
    const [response, reads] = await Promise.all([
      desk.post<ApiError>('/api/patients', { name: '超时患者', phone: uniquePhone() }),
      readsDuringTheWait(),
    ]);
    const waited = Date.now() - started;
    await released;
    expect(response.status).toBe(503);
    expect(response.body).toMatchObject({ statusCode: 503, code: 'database.busy' });
    expect(waited).toBeGreaterThanOrEqual(4500);
    expect(waited).toBeLessThan(7500);
    for (const read of reads) {
      expect(read.status).toBe(200);
      expect(read.ms).toBeLessThan(PROMPT_MS);
    }
    expect((await desk.post('/api/patients', { name: '超时患者', phone: uniquePhone() })).status).toBe(201);
  });

  it('logs no failed ROLLBACK after a BEGIN that found the database busy', () => {
    expect(server.output()).not.toMatch(/ROLLBACK/);
  });
});

describe('starting on a busy SQLite database', () => {
  // Each start-up write gives up after this wait (5 s by default, as the test above checks): shorter here, same path.
  const SHORT_WAIT = { HUIFANG_SQLITE_WRITE_WAIT_MS: '1000' };
  it('starts anyway: the start-up runs of the scheduled jobs log a 503 and leave the work to their next run', async () => {
    const db = await createTestDatabase('sqlite');
    const first = await startServerOn('sqlite', db);
    await first.stopKeepingDatabase();
    const release = takeWriteLock(db.url);
    let server: RunningServer | undefined;
    try {
      // Healthy only once start-up (the jobs' first runs included) is over.
      server = await startServerOn('sqlite', db, SHORT_WAIT);
      release();
      const failed = server
        .output()
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as { level: number; context?: string; err?: { response?: { code?: string } } })
        .filter((entry) => entry.level >= 50 && entry.err?.response?.code === 'database.busy')
        .map((entry) => entry.context);
      expect(failed).toEqual(expect.arrayContaining(['MissedRevisitJob', 'AuditRetentionJob']));
      const admin = await new ApiClient(server.baseUrl).login('admin', ADMIN_PASSWORD);
      expect((await admin.post('/api/departments', { code: 'busy_hours', name: '忙时科室', nameEn: 'Busy hours' })).status).toBe(201);
    } finally {
      release();
      await (server ?? first).stop();
    }
  });

  it('answers the follow-up figures from the callbacks, and satisfaction with a 503, while a busy start-up could not build their rollups yet', async () => {
    const db = await createTestDatabase('sqlite');
    const first = await startServerOn('sqlite', db);
    const anonymous = new ApiClient(first.baseUrl);
    const admin = await anonymous.login('admin', ADMIN_PASSWORD);
    const desk = await staffClient(admin, anonymous, 'desk', 'front_desk');
    // Signed in before the restart: the token stays valid, and reading needs no write (which the lock would hold up).
    const quality = await staffClient(admin, anonymous, 'quality', 'quality_manager');
    const patient = await registerPatient(desk);
    const made = await desk.post<{ id: number }>('/api/callbacks', { patientId: patient.id, dueAt: new Date(Date.now() + 3_600_000).toISOString(), kind: 'manual' });
    expect(made.status).toBe(201);
    await first.stopKeepingDatabase();
    // An older database the rollup migration met: callbacks due days ago, the rollup tables empty, never built.
    await runSql(db.url, `UPDATE callback SET due_at = $1 WHERE id = $2`, [new Date(Date.now() - 3 * 86_400_000).toISOString().replace('T', ' ').replace('Z', ''), made.body.id]);
    for (const table of ['callback_rollup_journal', 'callback_daily', 'callback_duration_daily', 'rollup_state']) await runSql(db.url, `DELETE FROM ${table}`);

    const release = takeWriteLock(db.url);
    let server: RunningServer | undefined;
    try {
      server = await startServerOn('sqlite', db, SHORT_WAIT);
      expect(server.output()).toContain('the rollups are brought up to date in 5 s');
      const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' });
      const reader = new ApiClient(server.baseUrl, quality.token);
      const period = `from=${day(-7)}&to=${day(0)}`;
      const followUp = await reader.get<{ points: { n: number }[] }>(`/api/indicators/follow-up?${period}&groupBy=day`);
      expect(followUp.status).toBe(200);
      expect(followUp.body.points.reduce((sum, point) => sum + point.n, 0)).toBe(1);
      // Satisfaction has no such fallback: a clear 503 rather than figures missing the old responses.
      for (const path of [`summary?${period}`, `satisfaction?${period}`]) {
        const refused = await reader.get<{ code: string }>(`/api/indicators/${path}`);
        expect(refused.status).toBe(503);
        expect(refused.body.code).toBe('indicator.rollups_building');
      }
    } finally {
      release();
      await (server ?? first).stop();
    }
  });
});
