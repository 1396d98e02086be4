import { DEMO_PASSWORD, addDays, type Page as ListPage, type PatientRelationship, type PatientSummary, type RelationshipIndicator } from '@huifang/shared';
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { ApiClient } from '../support/api-client';
import { describeInBrowser, launchChromium } from '../support/chromium';
import { eventually } from '../support/eventually';
import { startDemoServer, type RunningServer } from '../support/server-process';
import { runSql } from '../support/sql';
import { LoginPage } from './pages/login.page';
import { RelationshipPage } from './pages/relationship.page';
import { ShellPage } from './pages/shell.page';

const PHASES: Record<string, string> = { exploration: 'Exploration', development: 'Development', stable: 'Stable', decline: 'Decline', new: 'New' };
const TIERS: Record<string, string> = { high: 'High value', medium: 'Medium value', low: 'Low value' };

/*
 * Relationship phases and patient value (issue #14) on the demo data: the quality manager reads the
 * view, lists the patients behind a count and behind a cell of the migration heatmap, and opens one;
 * the patient page says why, in words; the front desk filters the patient list by phase. Every figure
 * is checked against the API's answer of the same moment, so the time of day does not matter.
 */
describeInBrowser('relationship phases and patient value in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let quality: ApiClient;
  /** The view for the default period (the last 12 months), once the daily pass has run. */
  let view: RelationshipIndicator;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer('sqlite'), launchChromium()]);
    quality = await new ApiClient(server.baseUrl).login('quality', DEMO_PASSWORD);
    // The pass runs about a second after the server starts (or ran already today on the demo template).
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    view = await eventually(
      async () => (await quality.get<RelationshipIndicator>(`/api/indicators/relationship?from=${addDays(today, -364)}&to=${today}`)).body,
      (body) => expect(typeof body.computedAt).toBe('string'),
      60_000,
    );
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  beforeEach(async () => {
    context = await browser.newContext({ locale: 'en-US', viewport: { width: 1366, height: 900 }, acceptDownloads: true });
    page = await context.newPage();
  });
  afterEach(() => context?.close());

  async function logIn(username: string, home: string): Promise<void> {
    const login = new LoginPage(page);
    await login.open(server.baseUrl);
    await login.logIn(username, DEMO_PASSWORD);
    await page.waitForURL(`**${home}**`);
  }

  it('shows the quality manager the counts, the heatmap and the patients behind a cell, and opens one', async () => {
    await logIn('quality', '/dashboard');
    const relationship = new RelationshipPage(page);
    const shown = await relationship.nextView<RelationshipIndicator>(() => new ShellPage(page).navLink('relationship').click());
    await page.waitForURL('**/relationship');
    const { body } = shown;
    expect(body.total).toBe(view.total);
    expect(body.from).toBe(view.from);
    expect(typeof body.computedAt).toBe('string');

    // The headlines and every phase × tier count, as the API counts them.
    await eventually(() => relationship.headlineValue('patients').innerText(), (text) => expect(text).toBe(String(body.total)));
    await eventually(() => relationship.headlineValue('equity').innerText(), (text) => expect(text).toMatch(body.clvUnit === 'CNY' ? /^¥[\d,]+$/ : /expected visits$/));
    for (const c of body.counts) {
      expect([c.phase, c.tier, (await relationship.count(c.phase, c.tier).innerText()).trim()]).toEqual([c.phase, c.tier, String(c.n)]);
    }
    await page.getByTestId('relationship-as-of').waitFor();

    // The CSV of the view shown: UTF-8 with a BOM, the counts now first.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('relationship-csv').click()]);
    expect(download.suggestedFilename()).toBe(`relationship_${body.from}_${body.to}.csv`);
    const { readFile } = await import('node:fs/promises');
    const csv = await readFile(await download.path());
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.subarray(3).toString('utf8').trim().split('\r\n');
    expect(lines[0]).toBe('section,month,from_phase,to_phase,phase,value_tier,patients,clv,clv_unit');
    expect(lines.filter((line) => line.startsWith('current,'))).toHaveLength(body.counts.length);

    // The last month's migration as a heatmap: one cell per move with patients; a click lists them.
    const month = body.migration.at(-1);
    const moves = [...(month?.entered ?? []).map((e) => ({ from: 'new', to: e.to, n: e.n })), ...(month?.cells ?? [])].filter((c) => c.n > 0);
    expect(moves.length).toBeGreaterThan(0);
    await eventually(() => relationship.heatmapCells().count(), (n) => expect(n).toBe(moves.length));
    const smallest = moves.reduce((a, b) => (b.n < a.n ? b : a));
    const patientsOfCell = page.waitForResponse((r: Response) => new URL(r.url()).pathname === '/api/indicators/relationship/patients' && r.ok());
    // Near the cell's corner: its count, drawn in the middle, is the same hit for ECharts but another element for the browser.
    await relationship.heatmapCells().nth(moves.indexOf(smallest)).click({ position: { x: 6, y: 6 } });
    const cellPage = (await (await patientsOfCell).json()) as ListPage<PatientSummary>;
    await eventually(() => relationship.patientsTitle().innerText(), (text) =>
      expect(text).toBe(`${month?.month} · ${PHASES[smallest.from]} → ${PHASES[smallest.to]} · ${smallest.n}`),
    );
    await eventually(() => relationship.patientRows().count(), (n) => expect(n).toBe(Math.min(20, cellPage.total)));
    for (const row of await relationship.patientRows().allInnerTexts()) {
      expect(row).toMatch(/1\d{2}\*{4}\d{4}/); // masked phone
      expect(row).toContain(PHASES[smallest.to]);
    }

    // A count lists its patients, most valuable first; one opens on the patient page.
    const cell = body.counts.filter((c) => c.n > 0).reduce((a, b) => (b.n > a.n ? b : a));
    await relationship.count(cell.phase, cell.tier).click();
    await eventually(() => relationship.patientsTitle().innerText(), (text) => expect(text).toBe(`${PHASES[cell.phase]} · ${TIERS[cell.tier]} · ${cell.n}`));
    await eventually(() => relationship.patientRows().count(), (n) => expect(n).toBe(Math.min(20, cell.n)));
    const link = relationship.patientLinks().first();
    const name = (await link.innerText()).trim();
    await link.click();
    await page.waitForURL(/\/patients\/\d+$/);
    await eventually(() => page.getByTestId('patient-name').innerText(), (text) => expect(text).toBe(name));
    await eventually(() => page.getByTestId('relationship-phase').innerText(), (text) => expect(text.trim()).toBe(PHASES[cell.phase]));
  });

  it('says on the patient page why, in words: the reasons, the record, the value score’s terms and the phase history', async () => {
    // A patient in decline because their visits stopped: the reason names the days and the usual gap.
    const declining = (await quality.get<ListPage<PatientSummary>>('/api/indicators/relationship/patients?phase=decline&pageSize=50')).body.items;
    let chosen: { patient: PatientSummary; relationship: PatientRelationship } | null = null;
    for (const patient of declining) {
      const relationship = (await quality.get<PatientRelationship>(`/api/patients/${patient.id}/relationship`)).body;
      if (relationship.reasons.includes('visits_stopped')) {
        chosen = { patient, relationship };
        break;
      }
    }
    expect(chosen).not.toBeNull();
    const { patient, relationship } = chosen as NonNullable<typeof chosen>;
    const f = relationship.factors;

    await logIn('quality', '/dashboard');
    await page.goto(`${server.baseUrl}/patients/${patient.id}`);
    const card = page.getByTestId('relationship-card');
    await card.getByTestId('relationship-factors').waitFor();
    expect((await card.getByTestId('relationship-phase').innerText()).trim()).toBe('Decline');
    expect(await card.getByTestId('relationship-reasons').innerText()).toContain(
      `No visit for ${f.daysSinceLastVisit} days, more than twice the usual ${f.medianGapDays}-day gap.`,
    );
    const factors = await card.getByTestId('relationship-factors').innerText();
    const visits = `${f.visitsLast365Days} visit${f.visitsLast365Days === 1 ? '' : 's'} in 12 months`;
    expect(factors.startsWith(visits)).toBe(true);
    expect(factors).toContain(`${f.daysSinceLastVisit} days ago`);
    expect(factors).toContain(f.dueExpectations > 0 ? `${f.keptExpectations} of ${f.dueExpectations} expected returns kept` : 'no expected return due yet');
    expect(factors).toContain(f.latestNps === null ? 'no survey answer yet' : `last NPS ${f.latestNps} on `);
    expect(await card.getByTestId('relationship-clv').innerText()).toMatch(relationship.clvUnit === 'CNY' ? /^¥/ : /expected visits$/);
    expect(await card.getByTestId('relationship-term-frequency').innerText()).toContain(`${f.visitsLast365Days} visits in 12 months`);
    expect(await card.getByTestId('relationship-history').locator('li').count()).toBe(relationship.history.length);
    expect(await card.getByTestId('relationship-history').locator('li').first().innerText()).toContain(PHASES[relationship.history[0].to]);
  });

  it('lets the front desk filter the patient list by phase, kept in the URL, and sort it by value', async () => {
    await logIn('frontdesk', '/patients');
    await page.getByTestId('patients-table').waitFor();
    const filtered = page.waitForResponse((r: Response) => new URL(r.url()).pathname === '/api/patients' && new URL(r.url()).searchParams.get('phase') === 'decline');
    await page.getByTestId('patients-filter-phase').click();
    await page.getByTestId('patients-filter-phase-decline').click();
    const list = (await (await filtered).json()) as ListPage<PatientSummary>;
    expect(list.total).toBeGreaterThan(0);
    expect(new URL(page.url()).searchParams.get('phase')).toBe('decline');
    const rows = page.locator('[data-testid^="patient-row-"]');
    await eventually(() => rows.first().getAttribute('data-testid'), (id) => expect(id).toBe(`patient-row-${list.items[0].id}`));
    for (const row of await rows.allInnerTexts()) expect(row).toContain('Decline');

    // By value, most valuable first; the filter stays.
    const sorted = page.waitForResponse((r: Response) => new URL(r.url()).pathname === '/api/patients' && new URL(r.url()).searchParams.get('sort') === '-valueScore');
    await page.getByTestId('patients-sort-valueScore').click();
    const byValue = (await (await sorted).json()) as ListPage<PatientSummary>;
    expect(new URL(page.url()).searchParams.get('phase')).toBe('decline');
    expect(byValue.items.every((p) => p.phase === 'decline')).toBe(true);
    expect(byValue.items.map((p) => p.valueScore)).toEqual([...byValue.items.map((p) => p.valueScore)].sort((a, b) => b - a));

    // Reloading the URL shows the same list.
    await page.reload();
    await eventually(() => rows.first().getAttribute('data-testid'), (id) => expect(id).toBe(`patient-row-${byValue.items[0].id}`));
  });
  it('shows the front desk a win-back call with its reason, once an admin has turned the rule on', async () => {
    const admin = await new ApiClient(server.baseUrl).login('admin', DEMO_PASSWORD);
    const rules = await admin.request('PUT', '/api/follow-up-rules', { rules: [{ key: 'win_back', enabled: true, offset: 1 }] });
    expect(rules.status).toBe(200);
    // A patient in development with two or more visits, their return not overdue and no call that already reaches out…
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const [candidate] = (await runSql(
      server.databaseUrl,
      `SELECT p.id, p.name FROM patient p
        WHERE p.phase = 'development' AND p.phone <> '' AND (p.consent_calls IS NULL OR p.consent_calls = 1) AND p.latest_survey_detractor = 0
          AND (p.next_visit_due IS NULL OR p.next_visit_due >= $1)
          AND NOT EXISTS (SELECT 1 FROM callback c WHERE c.patient_id = p.id AND c.status IN ('pending', 'claimed') AND c.kind IN ('win_back', 'missed_revisit', 'service_recovery'))
        ORDER BY p.id LIMIT 1`,
      [today],
    )) as { id: number; name: string }[];
    expect(candidate).toBeDefined();
    // …answers a survey today with NPS 3 (written behind the app's back: the demo's links are spent): decline, and a win-back call tomorrow.
    const [version] = (await runSql(server.databaseUrl, 'SELECT id FROM survey_template_version ORDER BY id LIMIT 1')) as { id: number }[];
    const now = new Date().toISOString().replace('T', ' ').replace('Z', '');
    await runSql(
      server.databaseUrl,
      `INSERT INTO survey_response (patient_id, department_id, template_version_id, submitted_at, submitted_on, nps, needs_recovery, language) VALUES ($1, 1, $2, $3, $4, 3, 0, 'zh')`,
      [candidate.id, version.id, now, today],
    );
    const [call] = await eventually(
      () => runSql(server.databaseUrl, "SELECT id, reason FROM callback WHERE kind = 'win_back' AND patient_id = $1", [candidate.id]) as Promise<{ id: number; reason: string }[]>,
      (rows) => expect(rows).toHaveLength(1),
      15_000,
    );
    expect(call.reason).toBe('decline:status_at_risk,detractor_after_second_visit');

    await logIn('frontdesk', '/patients');
    await page.goto(`${server.baseUrl}/callbacks?view=upcoming&kind=win_back`);
    const row = page.getByTestId(`callback-row-${call.id}`);
    await row.waitFor();
    const text = await row.innerText();
    expect(text).toContain(candidate.name);
    expect(text).toContain('Win-back');
    await expect(row.getByTestId('win-back-reason').innerText()).resolves.toBe('at risk (return overdue or dissatisfied), dissatisfied after a repeat visit');
  });
});
