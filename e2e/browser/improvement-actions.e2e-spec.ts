import {
  DEMO_PASSWORD,
  type Department,
  type ImprovementAction,
  type IndicatorSeries,
  type IndicatorSummary,
  type IndicatorTarget,
  addDays,
} from '@huifang/shared';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ApiClient } from '../support/api-client';
import { describeInBrowser, launchChromium } from '../support/chromium';
import { eventually } from '../support/eventually';
import { startDemoServer, type RunningServer } from '../support/server-process';
import { waitForDialogFocus } from './pages/dialog-focus';
import { ImprovementPage } from './pages/improvement.page';
import { LoginPage } from './pages/login.page';
import { ShellPage } from './pages/shell.page';

/** The colours chart-marks.ts draws actions and targets in. */
const ACTION_STROKE = '#5d4037';
const TARGET_STROKE = '#d81b60';

/** Today in the hospital's time zone (the demo server's default). */
function hospitalToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

/** How the English datepicker shows a day: MM/dd/yyyy. */
function usDay(day: string): string {
  const [y, m, d] = day.split('-');
  return `${m}/${d}/${y}`;
}

/** The verdict as the issue words it, from the API's evaluation: the page must say exactly this. */
function verdictWords(action: ImprovementAction): string {
  const { verdict, pValue, followUp } = action.evaluation;
  const p = pValue === null ? '' : pValue < 0.001 ? ' (p < 0.001)' : ` (p = ${pValue.toFixed(3)})`;
  switch (verdict) {
    case 'improved':
      return `improved${p}`;
    case 'worse':
      return `worse${p}`;
    case 'no_change':
      return 'no detectable change';
    case 'too_few':
      return 'too few answers to tell (n < 30)';
    case 'pending':
      return `pending: the follow-up starts ${followUp.from}`;
  }
}

/*
 * Improvement actions and targets (issue #15) on the demo data. A quality manager acts on the wait
 * panel of one department's dashboard: the form comes prefilled with the panel's indicator, the
 * department and today; saved, the action is marked on the wait trend at its start date, and its page
 * gives the verdict the API worked out, in words. An admin sets a wait target for that department;
 * the dashboard draws it and says whether the median meets it. Figures are read from the API at the
 * same moment, so the time of day does not matter.
 */
describeInBrowser('improvement actions and targets in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let quality: ApiClient;
  const today = hospitalToday();
  const year = { from: addDays(today, -364), to: today };
  /** The department with the most timed visits over the last year, and its English name. */
  let department: Department;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer('sqlite'), launchChromium()]);
    quality = await new ApiClient(server.baseUrl).login('quality', DEMO_PASSWORD);
    const byDepartment = (await quality.get<IndicatorSeries<'wait-time'>>(`/api/indicators/wait-time?from=${year.from}&to=${year.to}&groupBy=department`)).body;
    const busiest = [...byDepartment.points].sort((a, b) => b.n - a.n)[0];
    expect(busiest.n).toBeGreaterThan(100);
    const departments = (await quality.get<Department[]>('/api/departments')).body;
    department = departments.find((d) => d.id === Number(busiest.key)) as Department;
    expect(department).toBeDefined();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  beforeEach(async () => {
    context = await browser.newContext({ locale: 'en-US', viewport: { width: 1366, height: 900 } });
    page = await context.newPage();
  });
  afterEach(() => context?.close());

  async function logIn(username: string, home: string): Promise<void> {
    const login = new LoginPage(page);
    await login.open(server.baseUrl);
    await login.logIn(username, DEMO_PASSWORD);
    await page.waitForURL(`**${home}**`);
  }

  const dashboardUrl = () => `${server.baseUrl}/dashboard?period=year&departmentId=${department.id}`;

  it('a quality manager acts on a panel, sees the action on the trend and its verdict', async () => {
    const improvement = new ImprovementPage(page);
    await logIn('quality', '/dashboard');
    await page.goto(dashboardUrl());
    await page.getByTestId('act-wait-time').click();

    // Prefilled: the panel's indicator, the department viewed, today, and the period read.
    await page.waitForURL('**/improvement/new?**');
    const params = new URL(page.url()).searchParams;
    expect(Object.fromEntries(params)).toEqual({
      indicator: 'wait_median',
      departmentId: String(department.id),
      startDate: today,
      from: year.from,
      to: year.to,
    });
    await eventually(() => improvement.selectText('action-form-indicator'), (text) => expect(text).toBe('Median wait'));
    await eventually(() => improvement.selectText('action-form-department'), (text) => expect(text).toBe(department.nameEn));
    expect(await improvement.selectText('action-form-direction')).toBe('Lower');
    expect(await improvement.selectText('action-form-status')).toBe('Planned');
    expect(await page.getByTestId('action-form-start').inputValue()).toBe(usDay(today));
    await eventually(() => page.getByTestId('action-form-description').inputValue(), (text) => expect(text).toContain(`${year.from} – ${year.to}`));
    expect(await page.getByTestId('action-form-baselineDays').inputValue()).toBe('90');
    expect(await page.getByTestId('action-form-lagDays').inputValue()).toBe('30');
    expect(await page.getByTestId('action-form-followUpDays').inputValue()).toBe('90');
    // The owner defaults to whoever records it.
    await eventually(() => improvement.selectText('action-form-owner'), (text) => expect(text).toBe('质控 王敏'));

    // An end before the start is refused by the shared rule, under the end date, before any request.
    await improvement.typeDay('action-form-end', addDays(today, -1));
    await page.getByTestId('action-form-end-error').waitFor();
    expect(await page.getByTestId('action-form-end-error').innerText()).toBe('The end date must not be before the start date');
    await page.getByTestId('action-form-end').fill('');
    await page.getByTestId('action-form-end').press('Tab');

    // Started 60 days ago with no lag, its follow-up has data to judge.
    const title = 'Online morning slots';
    const startDate = addDays(today, -60);
    await page.getByTestId('action-form-title').fill(title);
    await improvement.typeDay('action-form-start', startDate);
    await page.getByTestId('action-form-lagDays').fill('0');
    await improvement.choose('action-form-status', 'action-form-status-in_progress');
    const saved = await improvement.saveAction<ImprovementAction>();
    expect(saved.status).toBe(201);
    expect(saved.body).toMatchObject({ title, indicator: 'wait_median', departmentId: department.id, startDate, lagDays: 0, betterDirection: 'lower', status: 'in_progress' });
    const id = saved.body.id;
    await page.waitForURL(`**/improvement/${id}`);

    // On the dashboard: a flag on the wait trend at the start date (its title on hover), and a link to it.
    await page.goto(dashboardUrl());
    const marker = improvement.chartStrokes('wait-time', ACTION_STROKE);
    await eventually(() => marker.count(), (n) => expect(n).toBe(1));
    expect(await page.getByTestId(`marked-action-${id}`).innerText()).toBe(`${startDate} · ${title}`);
    // Nothing of it on the other trends.
    expect(await improvement.chartStrokes('satisfaction', ACTION_STROKE).count()).toBe(0);
    await page.waitForLoadState('networkidle');
    await eventually(
      async () => {
        await marker.hover({ force: true, timeout: 2000 });
        return improvement.chartTooltip('wait-time').last().innerText();
      },
      (text) => expect(text).toContain(`${startDate} ${title}`),
    );

    // Its page: the windows with their n and the verdict the API worked out, in words.
    await page.getByTestId(`marked-action-${id}`).click();
    await page.waitForURL(`**/improvement/${id}`);
    const evaluated = (await quality.get<ImprovementAction>(`/api/improvement-actions/${id}`)).body;
    expect(evaluated.evaluation.baseline).toMatchObject({ from: addDays(startDate, -90), to: addDays(startDate, -1) });
    expect(evaluated.evaluation.verdict).not.toBe('pending');
    await eventually(() => page.getByTestId('action-verdict').innerText(), (text) => expect(text).toBe(verdictWords(evaluated)));
    // Its 90-day follow-up began 60 days ago: the verdict is interim, and says so.
    expect(evaluated.evaluation.followUpComplete).toBe(false);
    expect(await page.getByTestId('action-interim').innerText()).toBe('interim: the follow-up is still running');
    expect(await page.getByTestId('evaluation-baseline-n').innerText()).toBe(String(evaluated.evaluation.baseline.n));
    expect(await page.getByTestId('evaluation-follow-up-n').innerText()).toBe(String(evaluated.evaluation.followUp.n));
    expect(await page.getByTestId('evaluation-test').innerText()).toContain('Mann-Whitney U');
    expect(await page.getByTestId('evaluation-p').innerText()).toBe(evaluated.evaluation.pValue === null ? '—' : evaluated.evaluation.pValue < 0.001 ? '< 0.001' : evaluated.evaluation.pValue.toFixed(3));
    expect(await page.getByTestId('action-department').innerText()).toBe(department.nameEn);

    // A note over time.
    await page.getByTestId('action-note-text').fill('Two extra slots opened on Mondays');
    await page.getByTestId('action-note-add').click();
    await eventually(() => page.getByTestId('action-note').allInnerTexts(), (notes) => expect(notes.join('\n')).toContain('Two extra slots opened on Mondays'));

    // The list says the same verdict.
    await new ShellPage(page).navLink('improvement').click();
    await page.waitForURL('**/improvement');
    await eventually(() => page.getByTestId(`action-verdict-${id}`).innerText(), (text) => expect(text).toBe(verdictWords(evaluated)));
    expect(await page.getByTestId(`action-interim-${id}`).count()).toBe(1);
  });

  it('an admin sets a target and the dashboard draws it and says whether it is met', async () => {
    const improvement = new ImprovementPage(page);
    const summary = (await quality.get<IndicatorSummary>(`/api/indicators/summary?from=${year.from}&to=${year.to}&departmentId=${department.id}`)).body;
    const median = summary.headlines.waitMedian.value as number;
    expect(median).toBeGreaterThan(0);
    // A target below the median: not met.
    const target = Math.max(0, Math.floor(median) - 1);

    await logIn('admin', '/users');
    await new ShellPage(page).navLink('targets').click();
    await page.waitForURL('**/targets');
    await improvement.choose('target-indicator', 'target-indicator-wait_median');
    // Lower is better for waits: the target is an upper bound unless the admin says otherwise.
    await eventually(() => improvement.selectText('target-comparator'), (text) => expect(text).toBe('At most'));
    await improvement.choose('target-department', `target-department-${department.id}`);
    await page.getByTestId('target-value').fill(String(target));
    const [response] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/api/indicator-targets' && r.request().method() === 'PUT'),
      page.getByTestId('target-save').click(),
    ]);
    expect(response.status()).toBe(200);
    const saved = (await response.json()) as IndicatorTarget;
    expect(saved).toMatchObject({ indicator: 'wait_median', departmentId: department.id, comparator: 'at_most', value: target });
    await eventually(() => page.getByTestId(`target-text-${saved.id}`).innerText(), (text) => expect(text).toBe(`At most ${target.toFixed(1)} min`));

    await page.goto(dashboardUrl());
    const headline = page.getByTestId('headline-waitMedian');
    await eventually(() => headline.getByTestId('headline-target').innerText(), (text) => expect(text.replace(/\s+/g, ' ')).toBe(`Target ≤ ${target.toFixed(1)} min not met`));
    await eventually(() => improvement.chartStrokes('wait-time', TARGET_STROKE).count(), (n) => expect(n).toBe(1));

    // Deleting it takes it off the dashboard.
    await new ShellPage(page).navLink('targets').click();
    await page.getByTestId(`target-delete-${saved.id}`).click();
    await waitForDialogFocus(page, 'confirm-cancel');
    await page.getByTestId('confirm-ok').click();
    await page.getByTestId(`target-row-${saved.id}`).waitFor({ state: 'detached' });
    await page.goto(dashboardUrl());
    await headline.getByTestId('headline-value').waitFor();
    await page.waitForLoadState('networkidle');
    expect(await headline.getByTestId('headline-target').count()).toBe(0);
  });
});
