import fc from 'fast-check';
import type { IndicatorSummary } from '@huifang/shared';
import { ApiClient } from '../support/api-client';
import { testDatabases } from '../support/databases';
import { finishedVisit, registerPatient, staffClient } from '../support/patients-fixtures';
import { ADMIN_PASSWORD, startServer, type RunningServer } from '../support/server-process';
import { runSql } from '../support/sql';
import { expectFoldAndRebuildAgree, unfoldedRowsRead } from '../support/rollup-round-trip';

/*
 * The follow-up rollup (server/src/indicators/rollups/) kept from its journal equals the
 * one rebuilt from the callbacks after any sequence of writes: through the API (create, complete,
 * no answer, reschedule, cancel) and behind its back (SQL moving due and completion times,
 * departments and kinds, deleting callbacks, as a bulk loader would). The dashboard's follow-up
 * figures are the same read with changes still in the journal (on PostgreSQL all of the sequence's,
 * the background folders held off), folded, and after a rebuild by
 * `npm run rollups:rebuild` (needs the server build). ROLLUP_SEED / ROLLUP_RUNS override the seed and runs.
 */
const SEED = Number(process.env['ROLLUP_SEED'] ?? 20261201);
const RUNS = Number(process.env['ROLLUP_RUNS'] ?? 8);
const DAY = 86_400_000;
const MINUTE = 60_000;
const ZONE = 'Asia/Shanghai';
const dayOf = (instant: number) => new Date(instant).toLocaleDateString('en-CA', { timeZone: ZONE });

type Action =
  | { t: 'create'; patient: number; hours: number }
  | { t: 'complete'; cb: number; outcome: 'reached' | 'declined' | 'wrong_number' }
  | { t: 'noAnswer'; cb: number }
  | { t: 'reschedule'; cb: number; hours: number }
  | { t: 'cancel'; cb: number }
  | Outside;
type Outside =
  | { t: 'backdate'; cb: number; minutesAgo: number; completedAfter: number }
  | { t: 'move'; cb: number; department: number | null }
  | { t: 'recovery'; cb: number }
  | { t: 'delete'; cb: number };

const backdate = fc.record({ t: fc.constant('backdate' as const), cb: fc.nat(), minutesAgo: fc.integer({ min: 1, max: 40 * 1440 }), completedAfter: fc.integer({ min: -600, max: 4000 }) });
const outside: fc.Arbitrary<Outside> = fc.oneof(
  { weight: 3, arbitrary: backdate },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('move' as const), cb: fc.nat(), department: fc.constantFrom(1, 2, null) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('recovery' as const), cb: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('delete' as const), cb: fc.nat() }) },
);
const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ t: fc.constant('create' as const), patient: fc.nat({ max: 2 }), hours: fc.integer({ min: 1, max: 400 }) }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant('complete' as const), cb: fc.nat(), outcome: fc.constantFrom('reached' as const, 'declined' as const, 'wrong_number' as const) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('noAnswer' as const), cb: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('reschedule' as const), cb: fc.nat(), hours: fc.integer({ min: 1, max: 400 }) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('cancel' as const), cb: fc.nat() }) },
  { weight: 6, arbitrary: outside },
);

describe.each(testDatabases())('indicator rollups on %s', (database) => {
  let server: RunningServer;
  let desk: ApiClient;
  let quality: ApiClient;
  const patients: number[] = [];
  const callbacks: number[] = [];
  let sentinel = 0;
  const sqlTime = (instant: number) => (database === 'sqlite' ? new Date(instant).toISOString().replace('T', ' ').replace('Z', '') : new Date(instant).toISOString());
  const sql = (text: string, params: unknown[] = []) => runSql(server.databaseUrl, text, params);

  beforeAll(async () => {
    server = await startServer(database);
    const anonymous = new ApiClient(server.baseUrl);
    const admin = await anonymous.login('admin', ADMIN_PASSWORD);
    desk = await staffClient(admin, anonymous, 'rollup.desk', 'front_desk');
    quality = await staffClient(admin, anonymous, 'rollup.quality', 'quality_manager');
    // Callbacks take the patient's last department: 1, 2 and none.
    patients.push((await finishedVisit(desk, {}, 1)).patient.id, (await finishedVisit(desk, {}, 2)).patient.id, (await registerPatient(desk)).id);
    const made = await desk.post<{ id: number }>('/api/callbacks', { patientId: patients[2], dueAt: new Date(Date.now() + 300 * DAY).toISOString(), kind: 'manual' });
    sentinel = made.body.id;
  }, 120_000);
  afterAll(() => server?.stop());

  /** A write through the app touching no figure: empties the read cache (and on SQLite folds the journals). */
  async function appWrite(): Promise<void> {
    expect((await desk.post(`/api/callbacks/${sentinel}/claim`)).status).toBe(200);
    expect((await desk.post(`/api/callbacks/${sentinel}/release`)).status).toBe(200);
  }

  async function apply(step: Action): Promise<void> {
    const pick = (cb: number) => callbacks[cb % callbacks.length];
    if (step.t === 'create') {
      const made = await desk.post<{ id: number }>('/api/callbacks', { patientId: patients[step.patient], dueAt: new Date(Date.now() + step.hours * 3_600_000).toISOString(), kind: 'manual' });
      expect(made.status).toBe(201);
      callbacks.push(made.body.id);
      return;
    }
    if (callbacks.length === 0) return;
    const id = pick(step.cb);
    const refusedAtMost = async (sent: Promise<{ status: number }>) => expect((await sent).status).toBeLessThan(500);
    switch (step.t) {
      case 'complete':
      case 'noAnswer': {
        const claimed = await desk.post(`/api/callbacks/${id}/claim`);
        expect(claimed.status).toBeLessThan(500);
        if (claimed.status === 200) await refusedAtMost(desk.post(`/api/callbacks/${id}/attempts`, { outcome: step.t === 'complete' ? step.outcome : 'no_answer' }));
        return;
      }
      case 'reschedule':
        return refusedAtMost(desk.post(`/api/callbacks/${id}/reschedule`, { dueAt: new Date(Date.now() + step.hours * 3_600_000).toISOString(), reason: 'patient asked' }));
      case 'cancel':
        return refusedAtMost(desk.post(`/api/callbacks/${id}/cancel`, { reason: 'not needed' }));
      case 'backdate': {
        // At least a minute ago, so no figure changes while the test reads.
        const due = Date.now() - step.minutesAgo * MINUTE;
        const completed = database === 'postgres' ? 'CAST($2 AS timestamptz)' : '$2';
        await sql(`UPDATE callback SET due_at = $1, completed_at = CASE WHEN completed_at IS NULL THEN NULL ELSE ${completed} END WHERE id = $3`, [
          sqlTime(due),
          sqlTime(due + step.completedAfter * MINUTE),
          id,
        ]);
        return;
      }
      case 'move':
        await sql('UPDATE callback SET department_id = $1 WHERE id = $2', [step.department, id]);
        return;
      case 'recovery':
        await sql("UPDATE callback SET kind = 'service_recovery' WHERE id = $1", [id]);
        return;
      case 'delete':
        await sql('DELETE FROM callback_attempt WHERE callback_id = $1', [id]);
        await sql('DELETE FROM callback WHERE id = $1', [id]);
        callbacks.splice(callbacks.indexOf(id), 1);
        return;
    }
  }

  async function rollupRows(): Promise<unknown[]> {
    const daily = await sql(
      `SELECT day, department_id, n, completed, reached, failed, recovery_opened, recovery_closed FROM callback_daily
        WHERE n <> 0 OR completed <> 0 OR reached <> 0 OR failed <> 0 OR recovery_opened <> 0 OR recovery_closed <> 0 ORDER BY day, department_id`,
    );
    const durations = await sql('SELECT day, department_id, minutes, n FROM callback_duration_daily WHERE n <> 0 ORDER BY day, department_id, minutes');
    const journal = await sql('SELECT COUNT(*) AS n FROM callback_rollup_journal');
    return [daily.map((row) => ({ ...(row as object) })), durations, Number((journal[0] as { n: number | string }).n)];
  }

  /** Every follow-up figure of the dashboard over the 40 days written to, and today. */
  async function figures(): Promise<unknown[]> {
    const period = `from=${dayOf(Date.now() - 45 * DAY)}&to=${dayOf(Date.now() + 3 * DAY)}`;
    const reads = ['day', 'week', 'month', 'department'].map((groupBy) => `/api/indicators/follow-up?${period}&groupBy=${groupBy}`);
    reads.push(`/api/indicators/follow-up?${period}&groupBy=day&departmentId=2`, `/api/indicators/summary?${period}`);
    const bodies: unknown[] = [];
    for (const path of reads) {
      const response = await quality.get(path);
      expect(response.status).toBe(200);
      bodies.push(path.includes('summary') ? { headline: (response.body as IndicatorSummary).headlines.callbackCompletion } : response.body);
    }
    return bodies;
  }

  it(
    'equals the rebuilt rollup, and the dashboard reads the same before and after folding and rebuilding',
    async () => {
      let checked = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(action, { minLength: 10, maxLength: 30 }), outside, async (steps, last) => {
          const incremental = await expectFoldAndRebuildAgree(server.databaseUrl, {
            writeFirst: async () => {
              for (const step of steps) await apply(step);
              await appWrite();
            },
            writeLast: () => apply(last),
            appWrite,
            figures,
            rollupRows,
          });
          checked += (incremental[0] as unknown[]).length;
        }),
        { seed: SEED, numRuns: RUNS, endOnFailure: true },
      );
      // The property compared real rollup rows, not empty tables, and on PostgreSQL read them with journal rows unfolded.
      expect(checked).toBeGreaterThan(RUNS);
      if (database === 'postgres') expect(unfoldedRowsRead()).toBeGreaterThan(RUNS);
    },
    600_000,
  );
});
