import { DEMO_PASSWORD, type DriversAnswer, type Page as ListPage, type SurveyResponseSummary } from '@huifang/shared';
import type { Browser, Page, Response } from 'playwright-core';
import { describeInBrowser, launchChromium } from '../support/chromium';
import { eventually } from '../support/eventually';
import { startServer, type RunningServer } from '../support/server-process';
import { DashboardPage } from './pages/dashboard.page';
import { LoginPage } from './pages/login.page';

/*
 * The drivers panel of the dashboard (issue #13) on the demo data: its charts drawn from
 * GET /api/indicators/drivers, and its cells opening the Feedback responses behind them, as many as
 * the cell counted.
 */
describeInBrowser('the quality manager reads the drivers of dissatisfaction', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer('sqlite', { HUIFANG_DEMO: '1', HUIFANG_ADMIN_PASSWORD: '' }), launchChromium()]);
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1366, height: 900 } });
    page = await context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const isPath = (path: string) => (r: Response) => new URL(r.url()).pathname === path && r.ok();

  /** The response list the next action opens, and the filters it was asked with. */
  async function nextResponses(action: () => Promise<void>): Promise<{ url: URL; body: ListPage<SurveyResponseSummary> }> {
    const [response] = await Promise.all([page.waitForResponse(isPath('/api/survey-responses')), action()]);
    return { url: new URL(response.url()), body: (await response.json()) as ListPage<SurveyResponseSummary> };
  }

  it('shows the drivers panel and drills down from a wait band and from a theme to the responses', async () => {
    const dashboard = new DashboardPage(page);
    const login = new LoginPage(page);
    await login.open(server.baseUrl);
    await login.logIn('quality', DEMO_PASSWORD);
    await page.waitForURL('**/dashboard');
    // A year of demo feedback: every wait band and theme has responses.
    // The year's answer, not the first view's (30 days), which may still be on its way when the period changes.
    const spansAYear = (r: Response) => {
      const params = new URL(r.url()).searchParams;
      return Date.parse(params.get('to') ?? '') - Date.parse(params.get('from') ?? '') > 300 * 86_400_000;
    };
    const [driversResponse] = await Promise.all([
      page.waitForResponse((r) => isPath('/api/indicators/drivers')(r) && spansAYear(r)),
      dashboard.choosePeriod('year'),
    ]);
    const drivers = (await driversResponse.json()) as DriversAnswer;
    const period = new URL(driversResponse.url()).searchParams;
    expect(drivers.waitBands.some((b) => b.n > 0)).toBe(true);
    expect(drivers.themes.items.some((t) => t.detractors.count > 0)).toBe(true);

    const panel = page.getByTestId('panel-drivers');
    await panel.scrollIntoViewIfNeeded();
    await expect(panel.getByText('Drivers of dissatisfaction').first().isVisible()).resolves.toBe(true);
    // The key-driver quadrant lists every dimension in its table view, each with its quadrant.
    await dashboard.showTable('drivers-quadrant');
    const quadrantRows = page.getByTestId('chart-drivers-quadrant').locator('tbody tr');
    await eventually(() => quadrantRows.count(), (n) => expect(n).toBe(drivers.dimensions.items.length));
    expect(await quadrantRows.allInnerTexts()).toEqual(
      expect.arrayContaining([expect.stringMatching(/Fix first|Maintain|Monitor|Secondary/)]),
    );

    // Wait bands: the table view's button of the longest-wait band with responses opens them.
    await dashboard.showTable('drivers-wait');
    const bands = drivers.waitBands.filter((b) => b.n > 0);
    const longest = bands[bands.length - 1];
    const waitDrills = dashboard.tableDrills('drivers-wait');
    await eventually(() => waitDrills.count(), (n) => expect(n).toBe(bands.length));
    const byWait = await nextResponses(() => waitDrills.last().click());
    await page.waitForURL('**/feedback-responses?**');
    expect(Object.fromEntries(byWait.url.searchParams)).toMatchObject({ from: period.get('from'), to: period.get('to'), waitBand: longest.band });
    expect(byWait.body.total).toBe(longest.n);
    await eventually(() => page.getByTestId('responses-total').innerText(), (text) => expect(text).toBe(`${longest.n} responses`));
    await expect(page.getByTestId('responses-driver-filter-waitBand').innerText()).resolves.toContain('Waited');

    // Back on the dashboard, the top theme's bar opens its detractors' responses.
    await page.goBack();
    await page.waitForURL('**/dashboard?**');
    const top = drivers.themes.items.find((t) => t.detractors.count > 0);
    const index = drivers.themes.items.indexOf(top as (typeof drivers.themes.items)[number]);
    const bars = dashboard.chartElements('drivers-themes', '#c62828');
    await eventually(() => bars.count(), (n) => expect(n).toBeGreaterThan(index));
    await page.waitForLoadState('networkidle');
    const byTheme = await nextResponses(() => bars.nth(index).click({ force: true }));
    expect(Object.fromEntries(byTheme.url.searchParams)).toMatchObject({ themeId: top?.theme, npsBand: 'detractor' });
    expect(byTheme.body.total).toBe(top?.detractors.count);
    expect(byTheme.body.items.every((r) => r.nps !== null && r.nps <= 6)).toBe(true);
    await expect(page.getByTestId('responses-driver-filter-themeId').innerText()).resolves.toContain(top?.nameEn);

    // Removing the theme filter keeps the NPS band: every detractor of the period.
    const detractors = await nextResponses(() => page.getByTestId('responses-driver-filter-remove-themeId').click());
    expect(detractors.url.searchParams.has('themeId')).toBe(false);
    expect(detractors.url.searchParams.get('npsBand')).toBe('detractor');
    expect(detractors.body.total).toBeGreaterThanOrEqual(top?.detractors.count ?? 0);
  });
});
