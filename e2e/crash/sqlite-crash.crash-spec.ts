import { ApiClient } from '../support/api-client';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { staffClient } from '../support/patients-fixtures';
import { ADMIN_PASSWORD, startServerOn } from '../support/server-process';
import { fireAndCrash, prepareRound, type Outcome } from './crash-round';
import { StoredState } from './stored-state';

/**
 * `npm run test:crash`: the built server on SQLite is killed with SIGKILL while survey submissions,
 * check-ins and callback attempts are in flight, then restarted on the same file. Every write that
 * was acknowledged (2xx) must be there, whole, and nothing may be half-written.
 */
const ROUNDS = Number(process.env['CRASH_ROUNDS'] ?? 5);
const WRITES_PER_KIND = 8;
const ENV = { HUIFANG_PUBLIC_RATE_LIMIT: '100000', LOG_LEVEL: 'warn' };

describe('crash safety on SQLite (SIGKILL mid-stream, restart on the same file)', () => {
  let db: TestDatabase;
  let deskToken: string | undefined;
  const figures: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
  });
  afterAll(async () => {
    process.stdout.write(`\ncrash rounds (acknowledged = 2xx before the kill; stored = found whole after the restart):\n${figures.join('\n')}\n`);
    await db?.drop();
  });

  it.each(Array.from({ length: ROUNDS }, (_, i) => i + 1))('round %i: every acknowledged write survives, nothing is half-written', async (round) => {
    const server = await startServerOn('sqlite', { url: db.url, drop: async () => undefined }, ENV);
    let outcomes: Outcome[];
    try {
      const anonymous = new ApiClient(server.baseUrl);
      // The token secret is kept in the database, so one login serves every restart.
      deskToken ??= (await staffClient(await anonymous.login('admin', ADMIN_PASSWORD), anonymous, 'desk', 'front_desk')).token;
      const desk = anonymous.withToken(deskToken as string);
      const work = await prepareRound(desk, WRITES_PER_KIND);
      // Kill once a third to two thirds of the writes are acknowledged, the others being sent or queued.
      const crashAfter = Math.round(WRITES_PER_KIND * (1 + Math.random()));
      outcomes = await fireAndCrash(desk, anonymous, work, crashAfter, () => server.kill());
    } finally {
      await server.kill();
    }

    const state = new StoredState(db.url.slice('sqlite:'.length));
    try {
      expect(state.integrity()).toBe('ok');
      const acknowledged = outcomes.filter((o) => o.id !== undefined);
      const lost = acknowledged.filter((o) => !state.isStored(o));
      const unanswered = outcomes.filter((o) => o.status === 'no answer').length;
      const byKind = (['survey', 'checkIn', 'attempt'] as const)
        .map((kind) => {
          const acked = acknowledged.filter((o) => o.kind === kind);
          return `${kind} ${acked.length - lost.filter((o) => o.kind === kind).length}/${acked.length}`;
        })
        .join(', ');
      figures.push(`  round ${round}: acknowledged ${acknowledged.length}, stored ${acknowledged.length - lost.length} (${byKind}); ${unanswered} cut off by the kill`);
      expect(acknowledged.length).toBeGreaterThan(0);
      expect(unanswered).toBeGreaterThan(0);
      expect(lost).toEqual([]);
      expect(state.halfWritten()).toEqual({});
    } finally {
      state.close();
    }

    // The restarted server serves the same file (the next round starts on it; the last checks here).
    if (round === ROUNDS) {
      const again = await startServerOn('sqlite', { url: db.url, drop: async () => undefined }, ENV);
      try {
        expect((await fetch(`${again.baseUrl}/api/health`)).status).toBe(200);
      } finally {
        await again.stopKeepingDatabase();
      }
    }
  });
});
