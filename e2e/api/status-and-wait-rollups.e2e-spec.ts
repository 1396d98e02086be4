import fc from 'fast-check';
import type { IndicatorSummary, RelationshipStatus } from '@huifang/shared';
import { ApiClient } from '../support/api-client';
import { testDatabases } from '../support/databases';
import { registerPatient, staffClient } from '../support/patients-fixtures';
import { ADMIN_PASSWORD, startServer, type RunningServer } from '../support/server-process';
import { runSql } from '../support/sql';
import { expectFoldAndRebuildAgree, unfoldedRowsRead } from '../support/rollup-round-trip';

/*
 * The relationship-status counts (server/src/patients/status-rollup.ts) and the wait histograms
 * (server/src/encounters/wait-histogram.ts) kept incrementally equal the ones rebuilt
 * from the patients and encounters after any sequence of writes: through the API (register, check
 * in up to a week back, call after any wait, finish with or without a return date) and, for the
 * status, behind its back (SQL moving due dates, visit days, departments, the detractor flag, as a
 * bulk loader would). The summary's counts equal the DOMAIN.md rule applied here to every patient
 * row, with changes still in the journal (on PostgreSQL all of the sequence's, the background
 * folders held off), folded, and after `npm run rollups:rebuild` (needs the
 * server build); the wait figures read the same before and after the rebuild.
 * STATUS_SEED / STATUS_RUNS override the seed and runs.
 */
const SEED = Number(process.env['STATUS_SEED'] ?? 20261201);
const RUNS = Number(process.env['STATUS_RUNS'] ?? 6);
const DAY = 86_400_000;
const GRACE_DAYS = 30; // the default setting
const ZONE = 'Asia/Shanghai';
const dayOf = (instant: number) => new Date(instant).toLocaleDateString('en-CA', { timeZone: ZONE });
const daysFromNow = (days: number) => dayOf(Date.now() + days * DAY);

type Action =
  | { t: 'register' }
  | { t: 'visit'; patient: number; department: 1 | 2; returnIn: number | null; daysAgo: number; waitSeconds: number }
  | Outside;
type Outside =
  | { t: 'due'; patient: number; days: number | null }
  | { t: 'lastVisit'; patient: number; days: number | null }
  | { t: 'move'; patient: number; department: 1 | 2 | null }
  | { t: 'detractor'; patient: number; detractor: boolean };

const outside: fc.Arbitrary<Outside> = fc.oneof(
  fc.record({ t: fc.constant('due' as const), patient: fc.nat(), days: fc.option(fc.integer({ min: -90, max: 30 }), { freq: 4 }) }),
  fc.record({ t: fc.constant('lastVisit' as const), patient: fc.nat(), days: fc.option(fc.integer({ min: -120, max: 0 }), { freq: 4 }) }),
  fc.record({ t: fc.constant('move' as const), patient: fc.nat(), department: fc.constantFrom(1 as const, 2 as const, null) }),
  fc.record({ t: fc.constant('detractor' as const), patient: fc.nat(), detractor: fc.boolean() }),
);
const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ t: fc.constant('register' as const) }) },
  {
    weight: 3,
    arbitrary: fc.record({
      t: fc.constant('visit' as const),
      patient: fc.nat(),
      department: fc.constantFrom(1 as const, 2 as const),
      returnIn: fc.option(fc.integer({ min: 1, max: 60 })),
      daysAgo: fc.integer({ min: 0, max: 6 }),
      // Whole and half-way tenths of a minute (multiples of 3 s) are the rounding's edge cases.
      waitSeconds: fc.oneof(fc.integer({ min: 0, max: 7200 }), fc.integer({ min: 0, max: 2400 }).map((k) => 3 * k)),
    }),
  },
  { weight: 5, arbitrary: outside },
);

describe.each(testDatabases())('status and wait rollups on %s', (database) => {
  let server: RunningServer;
  let desk: ApiClient;
  let quality: ApiClient;
  const patients: number[] = [];
  const sql = (text: string, params: unknown[] = []) => runSql(server.databaseUrl, text, params);

  beforeAll(async () => {
    server = await startServer(database);
    const anonymous = new ApiClient(server.baseUrl);
    const admin = await anonymous.login('admin', ADMIN_PASSWORD);
    desk = await staffClient(admin, anonymous, 'status.desk', 'front_desk');
    quality = await staffClient(admin, anonymous, 'status.quality', 'quality_manager');
    patients.push((await registerPatient(desk)).id);
  }, 120_000);
  afterAll(() => server?.stop());

  /** A write through the app that changes no patient: empties the read cache (and on SQLite folds the journals). */
  async function appWrite(): Promise<void> {
    const made = await desk.post<{ id: number }>('/api/callbacks', { patientId: patients[0], dueAt: new Date(Date.now() + 300 * DAY).toISOString(), kind: 'manual' });
    expect(made.status).toBe(201);
    expect((await desk.post(`/api/callbacks/${made.body.id}/cancel`, { reason: 'not needed' })).status).toBe(200);
  }

  async function apply(step: Action): Promise<void> {
    if (step.t === 'register') {
      patients.push((await registerPatient(desk)).id);
      return;
    }
    const id = patients[step.patient % patients.length];
    switch (step.t) {
      case 'visit': {
        const checkedInAt = Date.now() - step.daysAgo * DAY - step.waitSeconds * 1000 - 60_000;
        const checkIn = await desk.post<{ id: number }>('/api/encounters', { patientId: id, departmentId: step.department, checkedInAt: new Date(checkedInAt).toISOString() });
        expect(checkIn.status).toBeLessThan(500);
        if (checkIn.status !== 201) return;
        const called = await desk.post(`/api/encounters/${checkIn.body.id}/call`, { at: new Date(checkedInAt + step.waitSeconds * 1000).toISOString() });
        expect(called.status).toBeLessThan(300);
        const finish = await desk.post(`/api/encounters/${checkIn.body.id}/finish`, step.returnIn === null ? {} : { nextVisitDue: daysFromNow(step.returnIn) });
        expect(finish.status).toBeLessThan(300);
        return;
      }
      case 'due':
        await sql('UPDATE patient SET next_visit_due = $1 WHERE id = $2', [step.days === null ? null : daysFromNow(step.days), id]);
        return;
      case 'lastVisit':
        await sql('UPDATE patient SET last_visit_on = $1 WHERE id = $2', [step.days === null ? null : daysFromNow(step.days), id]);
        return;
      case 'move':
        await sql('UPDATE patient SET last_department_id = $1 WHERE id = $2', [step.department, id]);
        return;
      case 'detractor':
        await sql('UPDATE patient SET latest_survey_detractor = $1 WHERE id = $2', [database === 'postgres' ? step.detractor : Number(step.detractor), id]);
        return;
    }
  }

  /** DOMAIN.md's rule over every patient row: the oracle the rollup must agree with. */
  async function expectedCounts(departmentId: number | null): Promise<Record<RelationshipStatus, number>> {
    const today = dayOf(Date.now());
    const graceStart = dayOf(Date.now() - GRACE_DAYS * DAY);
    const rows = (await sql('SELECT next_visit_due AS due, last_visit_on AS visit, last_department_id AS department, latest_survey_detractor AS detractor FROM patient')) as {
      due: string | null;
      visit: string | null;
      department: number | null;
      detractor: boolean | number;
    }[];
    const counts: Record<RelationshipStatus, number> = { active: 0, at_risk: 0, lapsed: 0 };
    for (const row of rows) {
      if (departmentId !== null && Number(row.department) !== departmentId) continue;
      const outstanding = row.due !== null && (row.visit === null || row.visit < row.due);
      if (outstanding && (row.due as string) < graceStart) counts.lapsed++;
      else if ((outstanding && (row.due as string) < today) || Boolean(row.detractor)) counts.at_risk++;
      else counts.active++;
    }
    return counts;
  }

  async function rollupRows(): Promise<unknown[]> {
    const counts = await sql('SELECT department_id, due_on, detractor, n FROM patient_status_counts WHERE n <> 0 ORDER BY department_id, due_on, detractor');
    const journal = await sql('SELECT COUNT(*) AS n FROM patient_status_journal');
    const waits = await sql('SELECT span, department_id, first_day, tenths, n, seconds, above_tenth_n FROM wait_histogram ORDER BY span, department_id, first_day, tenths');
    return [
      counts.map((row) => ({ ...(row as object), detractor: Boolean((row as { detractor: unknown }).detractor) })),
      Number((journal[0] as { n: number | string }).n),
      waits.map((row) => ({ ...(row as object), seconds: Number((row as { seconds: unknown }).seconds) })),
    ];
  }

  async function figures(): Promise<unknown[]> {
    const period = `from=${daysFromNow(-30)}&to=${daysFromNow(0)}`;
    const bodies: unknown[] = [];
    for (const department of [null, 1, 2]) {
      const response = await quality.get<IndicatorSummary>(`/api/indicators/summary?${period}${department === null ? '' : `&departmentId=${department}`}`);
      expect(response.status).toBe(200);
      expect(response.body.statusCounts).toEqual(await expectedCounts(department));
      bodies.push(response.body); // its headlines hold the period's wait figures
    }
    // The wait figures over the week written to: every grouping, all departments and one, and a
    // threshold in the middle of the waits; periods ending on the days written to cut the weeks.
    for (const [from, to] of [[-40, 0], [-6, -2], [-9, -1]] as const) {
      for (const groupBy of ['day', 'week', 'month', 'department']) {
        for (const department of ['', '&departmentId=2']) {
          const response = await quality.get(`/api/indicators/wait-time?from=${daysFromNow(from)}&to=${daysFromNow(to)}&groupBy=${groupBy}${department}`);
          expect(response.status).toBe(200);
          bodies.push(response.body);
        }
      }
    }
    return bodies;
  }

  it(
    'equals the rebuilt rollup and the rule applied to every patient, before and after folding and rebuilding',
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
            afterFold: async (rows) => expect(rows[1]).toBe(0),
          });
          checked += Math.min((incremental[0] as unknown[]).length, (incremental[2] as unknown[]).length);
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
