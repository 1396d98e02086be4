import fc from 'fast-check';
import type { ChurnPoint, IndicatorSeries, IndicatorSummary } from '@huifang/shared';
import { addDays } from '@huifang/shared';
import { ApiClient } from '../support/api-client';
import { testDatabases } from '../support/databases';
import { runMaintenance } from '../support/maintenance-commands';
import { registerPatient, staffClient } from '../support/patients-fixtures';
import { ADMIN_PASSWORD, startServer, type RunningServer } from '../support/server-process';
import { runSql } from '../support/sql';

/*
 * The churn cohort counts distinct patients through stored order columns that triggers keep
 * (server/src/encounters/churn-order.ts). After any sequence of writes — visits through the API
 * (check-in up to a week back, finish with or without a return date, which supersedes and returns
 * earlier expectations) and SQL behind the app's back (due dates, supersession, returns, department
 * and patient moves, rows inserted and deleted, a many-row update) — the stored columns equal the
 * rule computed here from the rows, and every churn figure (each grouping, all departments and
 * one, three grace periods, the summary's headline) equals COUNT(DISTINCT) computed here; the
 * rebuild restores columns written wrong directly (needs the server build).
 * CHURN_SEED / CHURN_RUNS override the seed and runs.
 */
const SEED = Number(process.env['CHURN_SEED'] ?? 20261202);
const RUNS = Number(process.env['CHURN_RUNS'] ?? 6);
const DAY = 86_400_000;
const ZONE = 'Asia/Shanghai';
const GRACES = [0, 3, 30];
const dayOf = (instant: number) => new Date(instant).toLocaleDateString('en-CA', { timeZone: ZONE });
const daysFromNow = (days: number) => dayOf(Date.now() + days * DAY);

type Action =
  | { t: 'register' }
  | { t: 'visit'; patient: number; department: 1 | 2; returnIn: number | null; daysAgo: number }
  | { t: 'due'; row: number; days: number | null }
  | { t: 'supersede'; row: number; superseded: boolean }
  | { t: 'returned'; row: number; days: number | null }
  | { t: 'department'; row: number; department: 1 | 2 }
  | { t: 'patient'; row: number; patient: number }
  | { t: 'insert'; patient: number; department: 1 | 2; days: number }
  | { t: 'delete'; row: number }
  | { t: 'unreturnAll'; patient: number };

const row = fc.nat();
const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 1, arbitrary: fc.record({ t: fc.constant('register' as const) }) },
  {
    weight: 3,
    arbitrary: fc.record({
      t: fc.constant('visit' as const),
      patient: fc.nat(),
      department: fc.constantFrom(1 as const, 2 as const),
      returnIn: fc.option(fc.integer({ min: 1, max: 8 }), { freq: 4 }),
      daysAgo: fc.integer({ min: 0, max: 6 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('due' as const), row, days: fc.option(fc.integer({ min: -70, max: 3 }), { freq: 6 }) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('supersede' as const), row, superseded: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('returned' as const), row, days: fc.option(fc.integer({ min: -60, max: 0 })) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('department' as const), row, department: fc.constantFrom(1 as const, 2 as const) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('patient' as const), row, patient: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('insert' as const), patient: fc.nat(), department: fc.constantFrom(1 as const, 2 as const), days: fc.integer({ min: -70, max: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('delete' as const), row }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('unreturnAll' as const), patient: fc.nat() }) },
);

interface EncounterRow {
  id: number;
  patient: number;
  department: number;
  due: string | null;
  superseded: boolean;
  returned: string | null;
  stored: (string | null)[];
}

/** The four order columns as DOMAIN.md's cohort needs them, computed from the rows (the oracle). */
function expectedOrder(rows: EncounterRow[]): Map<number, (string | null)[]> {
  const expected = new Map<number, (string | null)[]>(rows.map((r) => [r.id, [null, null, null, null]]));
  const expectations = rows.filter((r) => r.due !== null && !r.superseded).sort((a, b) => ((a.due as string) < (b.due as string) ? -1 : (a.due as string) > (b.due as string) ? 1 : a.id - b.id));
  const last = new Map<string, string>();
  for (const r of expectations) {
    const keys = [`${r.patient}`, `${r.patient}/${r.department}`, ...(r.returned === null ? [`${r.patient}/lapsed`, `${r.patient}/${r.department}/lapsed`] : [])];
    expected.set(r.id, [0, 1, 2, 3].map((i) => (keys[i] === undefined ? null : (last.get(keys[i] as string) ?? null))));
    for (const key of keys) last.set(key, r.due as string);
  }
  return expected;
}

const mondayOf = (day: string) => addDays(day, -((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7));

/** COUNT(DISTINCT patient) of the cohort and of its lapsed, per bucket (only buckets with rows). */
function expectedChurn(rows: EncounterRow[], from: string, to: string, grace: number, groupBy: string, department: number | null): Map<string, [number, number]> {
  const lastDecided = addDays(dayOf(Date.now()), -1);
  const last = to < lastDecided ? to : lastDecided;
  const groups = new Map<string, [Set<number>, Set<number>]>();
  for (const r of rows) {
    if (r.due === null || r.superseded || (department !== null && r.department !== department)) continue;
    const cohortDay = addDays(r.due, grace);
    if (cohortDay < from || cohortDay > last) continue;
    const key = { all: 'all', day: cohortDay, week: mondayOf(cohortDay), month: cohortDay.slice(0, 7), department: String(r.department) }[groupBy] as string;
    const group = groups.get(key) ?? [new Set<number>(), new Set<number>()];
    group[0].add(r.patient);
    if (r.returned === null) group[1].add(r.patient);
    groups.set(key, group);
  }
  return new Map([...groups].map(([key, [cohort, lapsed]]) => [key, [cohort.size, lapsed.size]]));
}

describe.each(testDatabases())('churn cohort on %s', (database) => {
  let server: RunningServer;
  let admin: ApiClient;
  let desk: ApiClient;
  let quality: ApiClient;
  const patients: number[] = [];
  const sql = (text: string, params: unknown[] = []) => runSql(server.databaseUrl, text, params);
  const bool = (value: boolean) => (database === 'postgres' ? value : Number(value));

  beforeAll(async () => {
    server = await startServer(database);
    const anonymous = new ApiClient(server.baseUrl);
    admin = await anonymous.login('admin', ADMIN_PASSWORD);
    desk = await staffClient(admin, anonymous, 'churn.desk', 'front_desk');
    quality = await staffClient(admin, anonymous, 'churn.quality', 'quality_manager');
    patients.push((await registerPatient(desk)).id, (await registerPatient(desk)).id);
  }, 120_000);
  afterAll(() => server?.stop());

  async function encounterIds(): Promise<number[]> {
    return ((await sql('SELECT id FROM encounter ORDER BY id')) as { id: number }[]).map((r) => Number(r.id));
  }

  async function apply(step: Action): Promise<void> {
    if (step.t === 'register') {
      patients.push((await registerPatient(desk)).id);
      return;
    }
    if (step.t === 'visit') {
      const patient = patients[step.patient % patients.length];
      const checkedInAt = Date.now() - step.daysAgo * DAY - 120_000;
      const checkIn = await desk.post<{ id: number }>('/api/encounters', { patientId: patient, departmentId: step.department, checkedInAt: new Date(checkedInAt).toISOString() });
      expect(checkIn.status).toBeLessThan(500);
      if (checkIn.status !== 201) return;
      expect((await desk.post(`/api/encounters/${checkIn.body.id}/call`, { at: new Date(checkedInAt + 30_000).toISOString() })).status).toBeLessThan(300);
      const due = step.returnIn === null ? {} : { nextVisitDue: addDays(dayOf(checkedInAt), step.returnIn) };
      expect((await desk.post(`/api/encounters/${checkIn.body.id}/finish`, { at: new Date(checkedInAt + 60_000).toISOString(), ...due })).status).toBe(200);
      return;
    }
    if (step.t === 'insert') {
      const at = new Date(Date.now() - 90 * DAY).toISOString().replace('T', ' ').replace('Z', '');
      await sql(
        'INSERT INTO encounter (patient_id, department_id, checked_in_at, checked_in_on, finished_at, next_visit_due) VALUES ($1, $2, $3, $4, $5, $6)',
        [patients[step.patient % patients.length], step.department, at, daysFromNow(-90), at, daysFromNow(step.days)],
      );
      return;
    }
    if (step.t === 'unreturnAll') {
      await sql('UPDATE encounter SET returned_on = NULL WHERE patient_id = $1', [patients[step.patient % patients.length]]);
      return;
    }
    const ids = await encounterIds();
    if (ids.length === 0) return;
    const id = ids[step.row % ids.length];
    switch (step.t) {
      case 'due':
        await sql('UPDATE encounter SET next_visit_due = $1 WHERE id = $2', [step.days === null ? null : daysFromNow(step.days), id]);
        return;
      case 'supersede':
        await sql('UPDATE encounter SET superseded = $1 WHERE id = $2', [bool(step.superseded), id]);
        return;
      case 'returned':
        await sql('UPDATE encounter SET returned_on = $1 WHERE id = $2', [step.days === null ? null : daysFromNow(step.days), id]);
        return;
      case 'department':
        await sql('UPDATE encounter SET department_id = $1 WHERE id = $2', [step.department, id]);
        return;
      case 'patient':
        await sql('UPDATE encounter SET patient_id = $1 WHERE id = $2', [patients[step.patient % patients.length], id]);
        return;
      case 'delete':
        // Rows the app made may be referenced (invitations, callbacks): those are kept, as a loader would have to.
        await sql('DELETE FROM encounter WHERE id = $1 AND import_job_id IS NULL AND created_by IS NULL', [id]);
        return;
    }
  }

  async function readRows(): Promise<EncounterRow[]> {
    const rows = (await sql(
      `SELECT id, patient_id, department_id, next_visit_due, superseded, returned_on, prev_due, prev_dept_due, prev_lapsed_due, prev_lapsed_dept_due
         FROM encounter ORDER BY id`,
    )) as Record<string, unknown>[];
    return rows.map((r) => ({
      id: Number(r['id']),
      patient: Number(r['patient_id']),
      department: Number(r['department_id']),
      due: (r['next_visit_due'] as string | null) ?? null,
      superseded: Boolean(r['superseded']),
      returned: (r['returned_on'] as string | null) ?? null,
      stored: ['prev_due', 'prev_dept_due', 'prev_lapsed_due', 'prev_lapsed_dept_due'].map((c) => (r[c] as string | null) ?? null),
    }));
  }

  /** A write through the app that changes no encounter: empties the read cache after SQL behind its back. */
  async function appWrite(): Promise<void> {
    const made = await desk.post<{ id: number }>('/api/callbacks', { patientId: patients[0], dueAt: new Date(Date.now() + 300 * DAY).toISOString(), kind: 'manual' });
    expect(made.status).toBe(201);
    expect((await desk.post(`/api/callbacks/${made.body.id}/cancel`, { reason: 'not needed' })).status).toBe(200);
  }

  /** Every churn figure against COUNT(DISTINCT) over the rows; returns how many non-empty points were compared. */
  async function checkFigures(rows: EncounterRow[]): Promise<number> {
    let compared = 0;
    for (const grace of GRACES) {
      expect((await admin.request('PUT', '/api/settings', { returnGraceDays: grace })).status).toBe(200);
      await appWrite();
      for (const [from, to] of [[-75, 0], [-9, -2], [-40, -13]] as const) {
        const period = { from: daysFromNow(from), to: daysFromNow(to) };
        for (const department of [null, 2]) {
          for (const groupBy of ['day', 'week', 'month', 'department']) {
            const query = `from=${period.from}&to=${period.to}&groupBy=${groupBy}${department === null ? '' : `&departmentId=${department}`}`;
            const response = await quality.get<IndicatorSeries<'churn'>>(`/api/indicators/churn?${query}`);
            expect(response.status).toBe(200);
            const got = new Map(response.body.points.filter((p: ChurnPoint) => p.n > 0).map((p: ChurnPoint) => [p.key, [p.n, p.lapsed]]));
            const want = expectedChurn(rows, period.from, period.to, grace, groupBy, department);
            expect({ grace, query, points: got }).toEqual({ grace, query, points: want });
            compared += want.size;
          }
          const summary = await quality.get<IndicatorSummary>(`/api/indicators/summary?from=${period.from}&to=${period.to}${department === null ? '' : `&departmentId=${department}`}`);
          expect(summary.status).toBe(200);
          // The headline and the same figure over the period of the same length just before.
          const rate = (first: string, last: string) => {
            const [n, lapsed] = expectedChurn(rows, first, last, grace, 'all', department).get('all') ?? [0, 0];
            return { value: n > 0 ? Math.round(((100 * lapsed) / n) * 10) / 10 : null, n };
          };
          const now = rate(period.from, period.to);
          const before = rate(daysFromNow(2 * from - to - 1), daysFromNow(from - 1));
          expect(summary.body.headlines.churnRate).toMatchObject({ ...now, previous: before.value, previousN: before.n });
        }
      }
    }
    return compared;
  }

  it(
    'keeps the order columns equal to the rule and the churn figures equal to COUNT(DISTINCT) after any writes',
    async () => {
      let compared = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(action, { minLength: 8, maxLength: 25 }), async (steps) => {
          for (const step of steps) await apply(step);
          const rows = await readRows();
          const expected = expectedOrder(rows);
          expect(rows.map((r) => [r.id, r.stored])).toEqual(rows.map((r) => [r.id, expected.get(r.id)]));
          compared += await checkFigures(rows);
          // The rebuild (`npm run rollups:rebuild`) recomputes columns that drifted (written directly, which no trigger watches).
          await sql("UPDATE encounter SET prev_due = '1999-01-01', prev_lapsed_dept_due = NULL WHERE id % 3 = 0");
          expect((await runMaintenance('rollups-rebuild', null, server.databaseUrl)).code).toBe(0);
          expect((await readRows()).map((r) => [r.id, r.stored])).toEqual(rows.map((r) => [r.id, expected.get(r.id)]));
        }),
        { seed: SEED, numRuns: RUNS, endOnFailure: true },
      );
      // The figures compared real cohorts, not empty series.
      expect(compared).toBeGreaterThan(RUNS * 10);
    },
    600_000,
  );
});
