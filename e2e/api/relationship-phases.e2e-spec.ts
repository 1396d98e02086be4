import { ERROR_CODES, type ApiError, type Page, type PatientRelationship, type PatientSummary, type RelationshipIndicator } from '@huifang/shared';
import { ApiClient } from '../support/api-client';
import { createTestDatabase, testDatabases, type TestDatabase } from '../support/databases';
import { eventually } from '../support/eventually';
import { finishedVisit, registerPatient, staffClient } from '../support/patients-fixtures';
import { ADMIN_PASSWORD, startServerOn, type RunningServer } from '../support/server-process';
import { runSql } from '../support/sql';

/*
 * Relationship phases and patient value (issue #14), worked by hand from DOMAIN.md over histories
 * written behind the app's back (visits months ago cannot be made through the desk), on both
 * databases: the phase, value score and tier, CLV (with the phases' observed retention and the
 * charges), the phase history, the relationship view and its drill-down, the phases' calls, bad input.
 */

const ZONE = 'Asia/Shanghai';
const DAY = 86_400_000;
const dayOf = (offset: number) => new Date(Date.now() + offset * DAY).toLocaleDateString('en-CA', { timeZone: ZONE });
/** A check-in instant on the day `offset` days from today (09:00 Shanghai = 01:00 UTC). */
const instantOf = (offset: number, sqlite: boolean) => {
  const text = `${dayOf(offset)} 01:00:00.000`;
  return sqlite ? text : `${text}+00`;
};
/** Σ t=1..5 of 1 / 1.08^t: CLV per visit-a-year and yuan of mean charge at p = 1, d = 8 %. */
const ANNUITY = [1, 2, 3, 4, 5].reduce((sum, t) => sum + 1 / 1.08 ** t, 0);
const clvOf = (visitsAYear: number, meanYuan: number) => Math.round(visitsAYear * meanYuan * ANNUITY * 100) / 100;

describe.each(testDatabases())('relationship phases and value on %s', (database) => {
  let db: TestDatabase;
  let server: RunningServer;
  let admin: ApiClient;
  let desk: ApiClient;
  let quality: ApiClient;
  const sqlite = database === 'sqlite';
  const sql = (text: string, params: unknown[] = []) => runSql(db.url, text, params);
  const ids: Record<'fresh' | 'stable' | 'stopped' | 'lapsed' | 'developing', number> = { fresh: 0, stable: 0, stopped: 0, lapsed: 0, developing: 0 };

  /** Another start-up on the same database: it runs the day's pass when none finished today. */
  async function restart(): Promise<void> {
    await sql('DELETE FROM relationship_state');
    await server.stopKeepingDatabase();
    server = await startServerOn(database, db);
    const anonymous = new ApiClient(server.baseUrl);
    admin = await anonymous.login('admin', ADMIN_PASSWORD);
    desk = await anonymous.login('desk', 'correct-horse-battery');
    quality = await anonymous.login('quality', 'correct-horse-battery');
    await eventually(
      () => sql('SELECT computed_on FROM relationship_state'),
      (rows) => expect(rows).toEqual([{ computed_on: dayOf(0) }]),
      30_000,
    );
  }

  async function visit(patientId: number, offset: number, options: { dueIn?: number; chargeFen?: number } = {}): Promise<void> {
    await sql(
      `INSERT INTO encounter (patient_id, department_id, checked_in_at, checked_in_on, called_at, finished_at, next_visit_due, charge_cents)
       VALUES ($1, 1, $2, $3, $4, $5, $6, $7)`,
      [
        patientId,
        instantOf(offset, sqlite),
        dayOf(offset),
        instantOf(offset, sqlite),
        instantOf(offset, sqlite),
        options.dueIn === undefined ? null : dayOf(offset + options.dueIn),
        options.chargeFen ?? null,
      ],
    );
  }

  async function answer(patientId: number, offset: number, nps: number): Promise<void> {
    const [version] = (await sql('SELECT id FROM survey_template_version ORDER BY id LIMIT 1')) as { id: number }[];
    await sql(
      `INSERT INTO survey_response (patient_id, department_id, template_version_id, submitted_at, submitted_on, nps, needs_recovery, language)
       VALUES ($1, 1, $2, $3, $4, $5, FALSE, 'zh')`,
      [patientId, version.id, instantOf(offset, sqlite), dayOf(offset), nps],
    );
  }

  beforeAll(async () => {
    db = await createTestDatabase(database);
    server = await startServerOn(database, db);
    const anonymous = new ApiClient(server.baseUrl);
    admin = await anonymous.login('admin', ADMIN_PASSWORD);
    desk = await staffClient(admin, anonymous, 'desk', 'front_desk');
    quality = await staffClient(admin, anonymous, 'quality', 'quality_manager');
    for (const name of Object.keys(ids) as (keyof typeof ids)[]) ids[name] = (await registerPatient(desk, { name: `关系${name}` })).id;

    // Stable: a visit every 90 days for 420 days, each setting its return 90 days on (all kept), 100 yuan each, NPS 9.
    for (const offset of [-420, -330, -240, -150, -60]) await visit(ids.stable, offset, { dueIn: 90, chargeFen: 10_000 });
    await answer(ids.stable, -59, 9);
    // Three visits a month apart, then 140 days without one: over 60 and over 2 × the 30-day median gap.
    for (const offset of [-200, -170, -140]) await visit(ids.stopped, offset);
    // One visit whose return (30 days on) passed 70 days ago: lapsed.
    await visit(ids.lapsed, -100, { dueIn: 30 });
    // Two visits, the return still ahead.
    await visit(ids.developing, -20);
    await visit(ids.developing, -5, { dueIn: 30 });

    // What the desk keeps on the patient row with each visit (the lists and the view read it).
    await sql('UPDATE patient SET last_department_id = 1 WHERE id IN ($1, $2, $3, $4)', [ids.stable, ids.stopped, ids.lapsed, ids.developing]);
    // The pass measures CLV's inputs over the records it finds: run it again over these.
    await restart();
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
  });

  it('works each patient out from the record as DOMAIN.md defines it', async () => {
    const relationship = async (id: number) => (await desk.get<PatientRelationship>(`/api/patients/${id}/relationship`)).body;

    const stable = await relationship(ids.stable);
    expect(stable).toMatchObject({ phase: 'stable', reasons: ['stable_record'], valueTier: 'medium', clvUnit: 'CNY' });
    // 35 × 4/6 (four visits in 365 days) + 25 × 4/4 kept + 20 × 0.9 + 0 (never in rehabilitation) = 66.3
    expect(stable.valueScore).toBe(66.3);
    expect(stable.value).toEqual({ frequency: 23.3, adherence: 25, satisfaction: 18, outcome: 0 });
    expect(stable.factors).toMatchObject({ visits: 5, visitsLast365Days: 4, medianGapDays: 90, dueExpectations: 4, keptExpectations: 4, latestNps: 9, status: 'active', lastReturnDaysLate: 0 });
    // Retention: a year ago only this patient was known (exploration then) and came back: 1 of 1; the stable phase had nobody, so the hospital-wide figure stands in.
    expect(stable.retention).toEqual({ rate: 100, n: 1, hospitalWide: true });
    expect(stable.clv).toBe(clvOf(4, 100));
    // The history, worked out from the record: exploration at the first visit, development at the second, stable once the first visit is a year back.
    expect(stable.history).toEqual([
      { on: dayOf(-55), from: 'development', to: 'stable' },
      { on: dayOf(-330), from: 'exploration', to: 'development' },
      { on: dayOf(-420), from: null, to: 'exploration' },
    ]);

    const stopped = await relationship(ids.stopped);
    expect(stopped).toMatchObject({ phase: 'decline', reasons: ['visits_stopped'], valueScore: 44, valueTier: 'medium', phaseSince: dayOf(-79) });
    // No charge of their own: the department's mean (100 yuan).
    expect(stopped.clv).toBe(clvOf(3, 100));

    // 35 × 1/6 + 25 × 0/1 kept + 14 = 19.8
    expect(await relationship(ids.lapsed)).toMatchObject({ phase: 'decline', reasons: ['status_lapsed'], valueScore: 19.8, valueTier: 'low', clv: clvOf(1, 100) });
    // 35 × 2/6 + 12.5 (nothing due) + 14 (no answer) = 38.2
    expect(await relationship(ids.developing)).toMatchObject({ phase: 'development', valueScore: 38.2, valueTier: 'low', clv: clvOf(2, 100) });
    expect(await relationship(ids.fresh)).toMatchObject({ phase: 'exploration', valueScore: 0, valueTier: 'low', clv: 0, reasons: ['fewer_than_two_visits'] });
  });

  it('lists and filters patients by phase and value tier, most valuable first', async () => {
    const list = async (query: string) => (await desk.get<Page<PatientSummary>>(`/api/patients?${query}`)).body;
    const decline = await list('phase=decline&sort=-valueScore');
    expect(decline.items.map((p) => p.id)).toEqual([ids.stopped, ids.lapsed]);
    expect(decline.items[0]).toMatchObject({ phase: 'decline', valueScore: 44, valueTier: 'medium', phaseSince: dayOf(-79) });
    expect((await list('valueTier=medium&sort=-valueScore')).items.map((p) => p.id)).toEqual([ids.stable, ids.stopped]);
    expect((await desk.get<PatientSummary>(`/api/patients/${ids.stable}`)).body).toMatchObject({ phase: 'stable', valueScore: 66.3, clv: clvOf(4, 100) });
  });

  it('shows the relationship axis: counts, equity, migration, and the patients behind a cell', async () => {
    const view = (await quality.get<RelationshipIndicator>(`/api/indicators/relationship?from=${dayOf(-400)}&to=${dayOf(0)}`)).body;
    const n = (phase: string, tier: string) => view.counts.find((c) => c.phase === phase && c.tier === tier)?.n;
    expect([n('stable', 'medium'), n('decline', 'medium'), n('decline', 'low'), n('development', 'low'), n('exploration', 'low')]).toEqual([1, 1, 1, 1, 1]);
    expect(view.total).toBe(5);
    expect(view.clvUnit).toBe('CNY');
    expect(view.customerEquity).toBeCloseTo(clvOf(4, 100) + clvOf(3, 100) + clvOf(1, 100) + clvOf(2, 100), 2);
    expect(view.highValueInDecline).toEqual({ n: 0, of: 0, share: null });
    expect(view.retention.find((r) => r.phase === 'exploration')).toEqual({ phase: 'exploration', rate: 100, n: 1 });

    // This month, worked by hand from each history: the month began 0-30 days ago, so
    //  - stable (stable since day -55), stopped (decline since -79: 140 days after the last of three
    //    visits a month apart is over 60 and over 2 × 30) and lapsed (decline since -69, the day after its
    //    missed return) were in their phase already on its first day: stable → stable, decline → decline × 2;
    //  - fresh (exploration since registering today) is new this month: new → exploration;
    //  - developing (exploration at -20, development at -5) depends on how long ago the month began.
    const month = view.migration.at(-1);
    expect(month?.month).toBe(dayOf(0).slice(0, 7));
    const monthBegan = -Number(dayOf(0).slice(8, 10)) + 1; // the first day of the month, as an offset from today
    const developingFrom = monthBegan < -20 ? 'new' : monthBegan < -5 ? 'exploration' : 'development';
    const cells = [...(month?.cells ?? []).map((c) => ({ from: c.from as string, to: c.to, n: c.n })), ...(month?.entered ?? []).map((c) => ({ from: 'new', to: c.to, n: c.n }))];
    const expected = new Map<string, number>([['stable>stable', 1], ['decline>decline', 2], ['new>exploration', 1]]);
    expected.set(`${developingFrom}>development`, (expected.get(`${developingFrom}>development`) ?? 0) + 1);
    expect(new Map(cells.map((c) => [`${c.from}>${c.to}`, c.n]))).toEqual(expected);
    // Each cell lists exactly its patients.
    for (const cell of cells) {
      const page = await quality.get<Page<PatientSummary>>(`/api/indicators/relationship/patients?month=${month?.month}&fromPhase=${cell.from}&toPhase=${cell.to}`);
      expect(page.status).toBe(200);
      expect(page.body.total).toBe(cell.n);
      expect(page.body.items.every((p) => p.phase === cell.to)).toBe(true);
    }
    // A current cell; department 1 has the four who visited (the fresh patient has no department).
    const declined = await quality.get<Page<PatientSummary>>('/api/indicators/relationship/patients?phase=decline');
    expect(declined.body.items.map((p) => p.id)).toEqual([ids.stopped, ids.lapsed]);
    expect((await quality.get<Page<PatientSummary>>('/api/indicators/relationship/patients?phase=decline&valueTier=low')).body.items.map((p) => p.id)).toEqual([ids.lapsed]);
    expect((await quality.get<RelationshipIndicator>('/api/indicators/relationship?departmentId=1')).body.total).toBe(4);
    // The first pass backfilled a snapshot at each of the last 12 month ends.
    expect(view.equityTrend.filter((point) => point.equity !== null).length).toBeGreaterThanOrEqual(12);

    const csv = await quality.get<string>(`/api/indicators/relationship.csv?from=${dayOf(-30)}&to=${dayOf(0)}`);
    expect(csv.status).toBe(200);
    expect(String(csv.body)).toContain('current,,,,stable,medium,1');
    // Front desk: not theirs.
    expect((await desk.get('/api/indicators/relationship')).status).toBe(403);
  });

  it('opens the phases’ calls once, when an admin has turned them on: a welcome after a first visit, a win-back on entering decline', async () => {
    const off = await finishedVisit(desk, { name: '规则未开' });
    // Worked out (one visit: value above 0) while the rules are off.
    await eventually(() => desk.get<PatientSummary>(`/api/patients/${off.patient.id}`), (r) => expect(r.body.valueScore).toBeGreaterThan(0));
    const turnedOn = await admin.request('PUT', '/api/follow-up-rules', {
      rules: ['welcome', 'win_back', 'care'].map((key) => ({ key, enabled: true, offset: key === 'welcome' ? 7 : key === 'win_back' ? 1 : 365 })),
    });
    expect(turnedOn.status).toBe(200);
    const { patient } = await finishedVisit(desk, { name: '初次来访' });
    const calls = async (id: number) =>
      (await sql('SELECT kind, priority, source_key FROM callback WHERE patient_id = $1 AND kind IN ($2, $3) ORDER BY kind', [id, 'welcome', 'win_back'])) as {
        kind: string;
        priority: string;
        source_key: string;
      }[];
    await eventually(() => calls(patient.id), (rows) => expect(rows).toEqual([{ kind: 'welcome', priority: 'normal', source_key: `welcome:${patient.id}` }]));
    // The first patient was worked out while the rule was off: no call for them.
    expect(await calls(off.patient.id)).toEqual([]);

    // A detractor answer after the second visit, today: decline now, and a win-back call (no recovery call is open: the answer was written behind the app's back).
    await answer(ids.developing, 0, 3);
    await eventually(
      () => calls(ids.developing),
      (rows) => expect(rows).toEqual([{ kind: 'win_back', priority: 'normal', source_key: `decline:${ids.developing}:${dayOf(0)}` }]),
    );
    // Its reason names the decline's reasons, for the desk to read (worded by the client).
    expect(await sql("SELECT reason FROM callback WHERE kind = 'win_back' AND patient_id = $1", [ids.developing])).toEqual([
      { reason: 'decline:status_at_risk,detractor_after_second_visit' },
    ]);
    const developing = (await desk.get<PatientRelationship>(`/api/patients/${ids.developing}/relationship`)).body;
    expect(developing).toMatchObject({ phase: 'decline', phaseSince: dayOf(0), reasons: ['status_at_risk', 'detractor_after_second_visit'] });
    expect(developing.history[0]).toEqual({ on: dayOf(0), from: 'development', to: 'decline' });

    // Working everyone out again (another start-up's pass) adds no call and no event.
    const before = await sql('SELECT patient_id, changed_on, from_phase, to_phase, value_tier FROM patient_phase_change ORDER BY patient_id, changed_on');
    await restart();
    expect(await calls(patient.id)).toHaveLength(1);
    expect(await calls(ids.developing)).toHaveLength(1);
    // This pass walked the records once (a daily pass, not the first): CLV corrected to the inputs it measured.
    expect((await desk.get<PatientSummary>(`/api/patients/${ids.stable}`)).body.clv).toBe(clvOf(4, 100));
    expect(await sql('SELECT patient_id, changed_on, from_phase, to_phase, value_tier FROM patient_phase_change ORDER BY patient_id, changed_on')).toEqual(before);
  }, 90_000);

  it('refuses unknown phases, tiers and cells with 400 naming the field', async () => {
    const refused = async (client: ApiClient, path: string, field: string) => {
      const response = await client.get<ApiError>(path);
      expect([path, response.status]).toEqual([path, 400]);
      expect(response.body.code).toBe(ERROR_CODES.validation);
      expect(JSON.stringify(response.body.message)).toContain(field);
    };
    await refused(desk, '/api/patients?phase=dormant', 'phase');
    await refused(desk, '/api/patients?valueTier=gold', 'valueTier');
    await refused(desk, '/api/patients?sort=clv', 'sort');
    await refused(desk, '/api/callbacks?valueTier=%00', 'valueTier');
    await refused(quality, '/api/indicators/relationship/patients?month=2026-13&toPhase=stable', 'month');
    await refused(quality, '/api/indicators/relationship/patients?month=2026-10', 'toPhase');
    await refused(quality, '/api/indicators/relationship/patients?fromPhase=new&toPhase=stable', 'month');
    await refused(quality, '/api/indicators/relationship/patients?month=2026-10&fromPhase=gone&toPhase=stable', 'fromPhase');
    await refused(quality, '/api/indicators/relationship?from=2026-02-30', 'from');
    const rules = await admin.request<ApiError>('PUT', '/api/follow-up-rules', { rules: [{ key: 'care', enabled: true, offset: 400 }] });
    expect(rules.status).toBe(400);
    expect(JSON.stringify(rules.body.message)).toContain('offset');
    expect((await desk.get('/api/patients/999999/relationship')).status).toBe(404);
    // The new rules are there for admins to re-time.
    const saved = await admin.request<{ key: string; offset: number }[]>('PUT', '/api/follow-up-rules', { rules: [{ key: 'welcome', enabled: true, offset: 3 }] });
    expect(saved.status).toBe(200);
    expect(saved.body.find((r) => r.key === 'welcome')?.offset).toBe(3);
    expect(saved.body.map((r) => r.key)).toEqual(expect.arrayContaining(['welcome', 'win_back', 'care']));
  });
});
