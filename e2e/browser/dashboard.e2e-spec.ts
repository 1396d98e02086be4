import { DEMO_PASSWORD, type Department, type IndicatorSeries, type IndicatorSummary, type LifecycleFlow } from '@huifang/shared';
import type { Browser, Page } from 'playwright-core';
import { ApiClient } from '../support/api-client';
import { describeInBrowser, launchChromium } from '../support/chromium';
import { eventually } from '../support/eventually';
import { startDemoServer, type RunningServer } from '../support/server-process';
import { DashboardPage } from './pages/dashboard.page';
import { LoginPage } from './pages/login.page';

/** Today in the hospital's time zone (the server's default, Asia/Shanghai). */
function hospitalToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** How the English UI writes minutes: one decimal and the unit. */
function minutes(value: number): string {
  return `${value.toFixed(1)} min`;
}

describeInBrowser('the quality manager reads the dashboard', () => {
  let server: RunningServer;
  let browser: Browser;
  let quality: ApiClient;
  let page: Page;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer('sqlite'), launchChromium()]);
    quality = await new ApiClient(server.baseUrl).login('quality', DEMO_PASSWORD);
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1366, height: 900 }, acceptDownloads: true });
    page = await context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('changes period and department, drills into a chart element and exports a CSV', async () => {
    const dashboard = new DashboardPage(page);
    const login = new LoginPage(page);
    await login.open(server.baseUrl);

    // Landing page of the role: the last 30 days, all departments, figures as the API computes them.
    const first = await dashboard.nextSummary<IndicatorSummary>(() => login.logIn('quality', DEMO_PASSWORD));
    await page.waitForURL('**/dashboard');
    const today = hospitalToday();
    expect(first.url.searchParams.get('to')).toBe(today);
    expect(daysBetween(first.url.searchParams.get('from') ?? '', today)).toBe(30);
    expect(first.url.searchParams.has('departmentId')).toBe(false);
    const median30 = first.body.headlines.waitMedian;
    expect(median30.n).toBeGreaterThan(0);
    await eventually(() => dashboard.headlineValue('waitMedian').innerText(), (value) => expect(value).toBe(minutes(median30.value ?? NaN)));

    // Last 12 months: kept in the URL, 365 days ending today, headline recomputed for the new period.
    const year = await dashboard.nextSummary<IndicatorSummary>(() => dashboard.choosePeriod('year'));
    expect(page.url()).toContain('period=year');
    expect(daysBetween(year.url.searchParams.get('from') ?? '', year.url.searchParams.get('to') ?? '')).toBe(365);
    expect(year.body.headlines.waitMedian.n).toBeGreaterThan(median30.n);
    await eventually(() => dashboard.headlineValue('waitMedian').innerText(), (value) => expect(value).toBe(minutes(year.body.headlines.waitMedian.value ?? NaN)));

    // The department whose patients lapsed most this year, chosen in the filter.
    const period = `from=${year.url.searchParams.get('from')}&to=${year.url.searchParams.get('to')}`;
    const byDepartment = (await quality.get<IndicatorSeries<'churn'>>(`/api/indicators/churn?${period}&groupBy=department`)).body;
    const worst = [...byDepartment.points].sort((a, b) => b.lapsed - a.lapsed)[0];
    expect(worst.lapsed).toBeGreaterThan(0);
    const departmentId = Number(worst.key);
    const departments = (await quality.get<Department[]>('/api/departments')).body;
    const department = departments.find((d) => d.id === departmentId);
    const filtered = await dashboard.nextSummary<IndicatorSummary>(() => dashboard.chooseDepartment(departmentId));
    expect(filtered.url.searchParams.get('departmentId')).toBe(String(departmentId));
    expect(page.url()).toContain(`departmentId=${departmentId}`);
    const expected = (await quality.get<IndicatorSummary>(`/api/indicators/summary?${period}&departmentId=${departmentId}`)).body;
    expect(filtered.body.headlines).toEqual(expected.headlines);
    await eventually(() => dashboard.headlineValue('churnRate').innerText(), (value) => expect(value).toBe(`${expected.headlines.churnRate.value?.toFixed(1)}%`));

    // Churn by department: one bar; clicking it lists the lapsed patients behind it.
    await dashboard.groupByDepartment('churn');
    const bar = dashboard.chartElements('churn', '#c62828');
    await eventually(() => bar.count(), (value) => expect(value).toBe(1));
    await bar.first().click();
    await eventually(() => dashboard.drillTitle().innerText(), (value) => expect(value).toBe(`${department?.nameEn} · ${year.url.searchParams.get('from')} – ${year.url.searchParams.get('to')} · Lapsed · ${worst.lapsed}`));
    await eventually(() => dashboard.drillRows().count(), (value) => expect(value).toBe(Math.min(20, worst.lapsed)));
    for (const row of await dashboard.drillRows().allInnerTexts()) {
      expect(row).toContain(department?.nameEn);
      expect(row).toMatch(/1\d{2}\*{4}\d{4}/); // masked phone, never the full number
      expect(row).toContain('Lapsed');
    }

    // The CSV is what the chart shows: UTF-8 with a BOM (Excel reads the Chinese), one row for the department.
    const csv = await dashboard.exportCsv('churn');
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.subarray(3).toString('utf8').trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(department?.name);
    expect(lines[1]).toContain(String(worst.lapsed));

    // A band of the lifecycle Sankey lists the patients who made that move.
    await dashboard.choosePeriod('30d');
    await page.getByTestId('drill-down').waitFor({ state: 'detached' });
    const flowPeriod = new URL(page.url()).searchParams;
    expect(flowPeriod.get('departmentId')).toBe(String(departmentId));
    const links = dashboard.chartElements('flow', 'url(');
    await eventually(() => links.count(), (value) => expect(value).toBeGreaterThan(0));
    // The trends load after the summary (their buckets follow its n) and the page reflows, redrawing
    // the Sankey: click once a band stays put.
    await page.waitForLoadState('networkidle');
    await eventually(() => links.first().click({ force: true, timeout: 2000 }), () => undefined);
    const title = await (async () => {
      await dashboard.drillTitle().waitFor();
      return dashboard.drillTitle().innerText();
    })();
    const flow = (
      await quality.get<LifecycleFlow>(`/api/indicators/lifecycle-flow?from=${first.url.searchParams.get('from')}&to=${today}&departmentId=${departmentId}`)
    ).body;
    const stageNames: Record<string, string> = {
      first_visit: 'First visit',
      treatment: 'Treatment',
      rehabilitation: 'Rehabilitation',
      follow_up: 'Follow-up',
      lapsed: 'Lapsed',
    };
    const titles = flow.links.filter((l) => l.n > 0).map((l) => `${stageNames[l.from]} → ${stageNames[l.to]} · ${l.n}`);
    expect(titles.some((t) => title.endsWith(t))).toBe(true);
    const count = Number(title.split(' · ').pop());
    await eventually(() => dashboard.drillRows().count(), (value) => expect(value).toBe(Math.min(20, count)));
  });

  it('fills the headline rows evenly at common widths, each figure and its unit on one line', async () => {
    const dashboard = new DashboardPage(page);
    for (const width of [1440, 1280, 1024]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${server.baseUrl}/dashboard?period=year`);
      await eventually(() => dashboard.headlineValue('waitMedian').innerText(), (value) => expect(value).toMatch(/min$/));
      const boxes = await dashboard.headlineCards().evaluateAll((cards) => cards.map((card) => card.getBoundingClientRect().top));
      const rows = [...new Set(boxes.map((top) => Math.round(top)))].map((top) => boxes.filter((t) => Math.round(t) === top).length);
      // Eight cards: every row as full as the first (never seven and a lone eighth).
      expect([width, rows.length > 1 && rows.every((count) => count === rows[0])]).toEqual([width, true]);
      const lines = await page.locator('.headlines [data-testid=headline-value]').evaluateAll((values) =>
        values.map((value) => {
          const range = document.createRange();
          range.selectNodeContents(value);
          const tops = new Set(Array.from(range.getClientRects()).filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          return { text: value.textContent?.trim(), lines: tops.size, overflows: value.scrollWidth > value.clientWidth + 1 };
        }),
      );
      // "12.5 min" on one line, inside its card: no unit broken mid-word.
      expect(lines.filter((line) => line.lines !== 1 || line.overflows)).toEqual([]);
    }
    await page.setViewportSize({ width: 1366, height: 900 });
  });

  it('draws no Sankey label over a node or a band', async () => {
    const dashboard = new DashboardPage(page);
    for (const width of [1366, 1024, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${server.baseUrl}/dashboard?period=year`);
      const links = dashboard.chartElements('flow', 'url(');
      await eventually(() => links.count(), (value) => expect(value).toBeGreaterThan(1));
      await page.waitForLoadState('networkidle');
      const { nodes, bands, labels } = await page.locator('[data-testid=chart-flow] svg').evaluate((svg) => {
        const box = (element: Element) => {
          const r = element.getBoundingClientRect();
          return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
        };
        const fill = (path: Element) => path.getAttribute('fill') ?? '';
        const paths = Array.from(svg.querySelectorAll('path'));
        return {
          // Nodes are the solid-filled paths, bands (links) are filled with a gradient; labels are the texts.
          nodes: paths.filter((path) => /^(#|rgb)/.test(fill(path))).map(box),
          bands: paths.filter((path) => fill(path).startsWith('url(')).map(box),
          labels: Array.from(svg.querySelectorAll('text')).filter((text) => text.textContent?.trim()).map((text) => ({ text: text.textContent, ...box(text) })),
        };
      });
      expect(nodes.length).toBeGreaterThan(1);
      expect(labels.length).toBe(nodes.length);
      const overlapping = (a: { left: number; right: number; top: number; bottom: number }, b: typeof a) =>
        a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
      const covered = labels.filter((label) => [...nodes, ...bands].some((shape) => overlapping(label, shape)));
      expect({ width, covered }).toEqual({ width, covered: [] });
    }
    await page.setViewportSize({ width: 1366, height: 900 });
  });

  it('sorts a drill-down on a column and opens the patient of a row', async () => {
    const dashboard = new DashboardPage(page);
    await page.goto(`${server.baseUrl}/dashboard?period=year`);
    await dashboard.showTable('wait-time');
    await dashboard.tableDrills('wait-time').first().click();
    await eventually(() => dashboard.drillRows().count(), (value) => expect(value).toBeGreaterThan(1));

    const sorted = page.waitForResponse((r) => r.url().includes('/patients?') && new URL(r.url()).searchParams.get('sort') === 'value');
    await dashboard.sortDrillBy('value');
    await sorted;
    await eventually(
      async () => (await dashboard.drillRows().evaluateAll((rows) => rows.map((row) => Number(row.querySelector('td.number')?.textContent)))),
      (values) => expect(values).toEqual([...values].sort((a, b) => a - b)),
    );

    const link = dashboard.drillPatientLinks().first();
    const name = (await link.innerText()).trim();
    await link.click();
    await page.waitForURL(/\/patients\/\d+$/);
    await eventually(() => page.getByTestId('patient-name').innerText(), (value) => expect(value).toBe(name));
    // A quality manager reads the patient; the desk's actions are not offered.
    expect(await page.getByTestId('patient-check-in').count()).toBe(0);
  });

  it('shows "no data", not zero, for a period without visits, and speaks Chinese after the switch', async () => {
    await page.goto(`${server.baseUrl}/dashboard?from=2001-01-01&to=2001-01-31`);
    const dashboard = new DashboardPage(page);
    await eventually(() => dashboard.headlineValue('waitMedian').innerText(), (value) => expect(value).toBe('No data'));
    await page.getByTestId('chart-wait-time').getByTestId('chart-no-data').waitFor();
    await page.getByTestId('lang-switch').first().click();
    await eventually(() => dashboard.headlineValue('waitMedian').innerText(), (value) => expect(value).toBe('暂无数据'));
    await eventually(() => page.locator('.dashboard h1').innerText(), (value) => expect(value).toBe('指标看板'));
  });

  it('exports every row of a drill-down as CSV with Chinese headers in the Chinese UI', async () => {
    const dashboard = new DashboardPage(page);
    await page.goto(`${server.baseUrl}/dashboard?period=year`);
    await eventually(() => page.locator('.dashboard h1').innerText(), (value) => expect(value).toBe('指标看板'));
    await dashboard.showTable('wait-time');
    await dashboard.tableDrills('wait-time').first().click();
    await eventually(() => dashboard.drillRows().count(), (value) => expect(value).toBeGreaterThan(0));
    const count = Number((await dashboard.drillTitle().innerText()).split(' · ').pop());

    const csv = await dashboard.exportDrillCsv();
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.subarray(3).toString('utf8').trim().split('\r\n');
    expect(lines[0]).toBe('患者编号,患者,电话,科室,日期,等候（分钟）,阶段,状态,记录编号');
    // Every row of the figure, not the 20 of the page shown.
    expect(lines).toHaveLength(count + 1);
    expect(lines.slice(1).every((line) => /,1\d{2}\*{4}\d{4},/.test(line))).toBe(true);
  });
});
