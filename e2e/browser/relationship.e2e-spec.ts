import { DEMO_PASSWORD, addDays, type Page as ListPage, type PatientRelationship, type PatientSummary, type RelationshipIndicator } from '@huifang/shared';
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { ApiClient } from '../support/api-client';
import { describeInBrowser, launchChromium } from '../support/chromium';
import { eventually } from '../support/eventually';
import { startDemoServer, type RunningServer } from '../support/server-process';
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
});
