import { ApiClient } from '../support/api-client';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { finishedVisit, staffClient } from '../support/patients-fixtures';
import { ADMIN_PASSWORD, startServerOn, type RunningServer } from '../support/server-process';

/*
 * On SQLite the dashboard's reads run on read-only connections in worker threads
 * (core/database/sqlite-readers.ts). They must answer exactly what the app's own connection
 * answers, also in a zone with daylight saving (the workers register `hf_local_day()` themselves),
 * and see every write committed before the request: the same figures, read with the workers on a
 * fresh server and then with HUIFANG_SQLITE_READ_WORKERS=0 on the same file.
 */
const ZONE = 'America/Los_Angeles';
const dayOf = (instant: number) => new Date(instant).toLocaleDateString('en-CA', { timeZone: ZONE });
const today = () => dayOf(Date.now());
/** The visits are checked in 50 minutes ago: yesterday, shortly after midnight. */
const recently = () => `from=${dayOf(Date.now() - 86_400_000)}&to=${today()}`;
const DASHBOARD = [
  'summary',
  'wait-time?groupBy=day',
  'wait-time?groupBy=department',
  'satisfaction?groupBy=week',
  'churn?groupBy=month',
  'follow-up?groupBy=day',
  'lifecycle-flow',
  'wait-time/patients?sort=-value',
];

describe('SQLite read workers', () => {
  let db: TestDatabase;
  let server: RunningServer | undefined;

  const start = async (workers: string): Promise<{ running: RunningServer; admin: ApiClient; quality: ApiClient }> => {
    const running = await startServerOn('sqlite', db, { HUIFANG_TIMEZONE: ZONE, HUIFANG_SQLITE_READ_WORKERS: workers });
    server = running;
    const anonymous = new ApiClient(running.baseUrl);
    const admin = await anonymous.login('admin', ADMIN_PASSWORD);
    return { running, admin, quality: await staffClient(admin, anonymous, `quality${workers}`, 'quality_manager') };
  };
  const figures = async (quality: ApiClient): Promise<unknown[]> => {
    const period = `from=${today().slice(0, 8)}01&to=${today()}`;
    const answers = [];
    for (const path of DASHBOARD) {
      const response = await quality.get(`/api/indicators/${path}${path.includes('?') ? '&' : '?'}${period}`);
      expect(response.status).toBe(200);
      answers.push(response.body);
    }
    return answers;
  };

  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
  });
  afterAll(async () => {
    await server?.stopKeepingDatabase();
    await db?.drop();
  });

  it('answer what the request thread answers, and see each write committed before the request', async () => {
    const { running, admin, quality } = await start('1');
    expect(running.output()).toContain('indicator reads run on 1 SQLite read worker');
    const desk = await staffClient(admin, new ApiClient(running.baseUrl), 'desk', 'front_desk');

    const before = (await quality.get<{ headlines: { waitMedian: { n: number } } }>(`/api/indicators/summary?${recently()}`)).body;
    for (const department of [1, 1, 2]) await finishedVisit(desk, {}, department);
    // Read right after the writes answered: the workers' connections see them.
    const after = (await quality.get<{ headlines: { waitMedian: { n: number } } }>(`/api/indicators/summary?${recently()}`)).body;
    expect(after.headlines.waitMedian.n).toBe(before.headlines.waitMedian.n + 3);

    const withWorkers = await figures(quality);
    await server?.stopKeepingDatabase();
    server = undefined;

    const onRequestThread = await start('0');
    expect(onRequestThread.running.output()).not.toContain('SQLite read worker');
    expect(await figures(onRequestThread.quality)).toEqual(withWorkers);
  });
});
