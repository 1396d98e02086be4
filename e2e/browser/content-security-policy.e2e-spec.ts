import { DEMO_PASSWORD, type Page as ListPage, type Encounter, type Patient, type SurveyInvitation } from '@huifang/shared';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ApiClient } from '../support/api-client';
import { describeInBrowser, launchChromium } from '../support/chromium';
import { eventually } from '../support/eventually';
import { finishedVisit } from '../support/patients-fixtures';
import { startDemoServer, type RunningServer } from '../support/server-process';
import { LoginPage } from './pages/login.page';

/** A page of the app and what shows it has finished drawing. */
interface Visit {
  path: string;
  ready: (page: Page) => Promise<unknown>;
}

const byTestId = (id: string) => (page: Page) => page.getByTestId(id).waitFor();

/** Every chart of the dashboard drawn by ECharts as SVG (or honestly empty), and most of them with data. */
async function chartsDrawn(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const charts = Array.from(document.querySelectorAll('hf-indicator-chart'));
    const drawn = charts.filter((c) => c.querySelector('svg path'));
    const empty = charts.filter((c) => c.querySelector('[data-testid=chart-no-data]'));
    return charts.length >= 4 && drawn.length >= 3 && drawn.length + empty.length === charts.length;
  }, undefined, { timeout: 30_000 });
}

/** The staff pages each role can open (client PAGE_ACCESS), with a patient's page for those who see patients. */
function staffVisits(patientId: number): Record<string, Visit[]> {
  const patients: Visit[] = [
    { path: '/patients', ready: byTestId('patients-table') },
    { path: '/patients/today', ready: byTestId('today-waiting') },
    { path: `/patients/${patientId}`, ready: byTestId('patient-name') },
  ];
  const callbacks: Visit = { path: '/callbacks', ready: byTestId('callbacks-list') };
  const dashboard: Visit = { path: '/dashboard', ready: chartsDrawn };
  const feedback: Visit = { path: '/feedback-responses', ready: byTestId('responses-table') };
  const improvement: Visit = { path: '/improvement', ready: byTestId('actions-table') };
  return {
    frontdesk: [...patients, callbacks],
    quality: [dashboard, callbacks, feedback, improvement],
    admin: [
      { path: '/users', ready: byTestId('users-table') },
      { path: '/templates', ready: byTestId('templates-list') },
      { path: '/rules', ready: byTestId('rules-table') },
      ...patients,
      callbacks,
      dashboard,
      feedback,
      improvement,
      { path: '/targets', ready: byTestId('targets-table') },
    ],
  };
}

/**
 * Collects every CSP violation in a browser context: `securitypolicyviolation` events (reported from
 * an init script, so they survive navigations) and Chromium's "Refused to …" console messages.
 */
async function watchViolations(context: BrowserContext): Promise<string[]> {
  const violations: string[] = [];
  // Cut to a readable length (a refused data: URL is kilobytes long).
  const record = (url: string | undefined, text: string) => violations.push(`${url}: ${text.slice(0, 300)}`);
  await context.exposeBinding('reportCspViolation', ({ page }, text: string) => record(page.url(), text));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { reportCspViolation: (text: string) => void }).reportCspViolation;
      report(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  context.on('console', (message) => {
    if (/Refused to|Content Security Policy/i.test(message.text())) record(message.page()?.url(), message.text());
  });
  return violations;
}

describeInBrowser('every page works under the content security policy', () => {
  let server: RunningServer;
  let browser: Browser;
  let launching: Promise<Browser> | undefined;
  let desk: ApiClient;

  beforeAll(async () => {
    launching = launchChromium();
    [server, browser] = await Promise.all([startDemoServer('sqlite'), launching]);
    desk = await new ApiClient(server.baseUrl).login('frontdesk', DEMO_PASSWORD);
  });
  afterAll(async () => {
    // Closed even when the server failed to start (else the browser keeps Jest alive).
    await (await launching?.catch(() => undefined))?.close();
    await server?.stop();
  });

  async function newContext(): Promise<{ page: Page; violations: string[] }> {
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1366, height: 900 } });
    const violations = await watchViolations(context);
    return { page: await context.newPage(), violations };
  }

  it('notices a violation (an inline script is refused), so a clean run means something', async () => {
    const { page, violations } = await newContext();
    await new LoginPage(page).open(server.baseUrl);
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'document.title = "inline ran"';
      document.body.appendChild(script);
    });
    await eventually(async () => violations.join('\n'), (text) => expect(text).toMatch(/script-src/));
    expect(await page.title()).not.toBe('inline ran');
    await page.context().close();
  });

  it.each(['frontdesk', 'quality', 'admin'])('shows %s every page of the role without a violation', async (username) => {
    const patients = await desk.get<ListPage<Patient>>('/api/patients?pageSize=1');
    const visits = staffVisits(patients.body.items[0].id)[username];
    const { page, violations } = await newContext();
    const login = new LoginPage(page);
    await login.open(server.baseUrl);
    await login.logIn(username, DEMO_PASSWORD);
    await page.getByTestId('current-user').waitFor();
    for (const visit of visits) {
      await page.goto(`${server.baseUrl}${visit.path}`);
      await visit.ready(page);
    }
    if (username === 'frontdesk') {
      // The invitation dialog with its QR code (a data: image).
      const { patient, encounterId } = await finishedVisit(desk);
      await page.goto(`${server.baseUrl}/patients/${patient.id}`);
      await page.getByTestId(`encounter-invite-${encounterId}`).click();
      const qr = page.getByTestId('invite-qr');
      await qr.waitFor();
      await page.waitForFunction(() => (document.querySelector('[data-testid=invite-qr]') as HTMLImageElement).complete);
      expect(violations).toEqual([]);
      expect(await qr.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    }
    if (username === 'admin') {
      // A Material dialog (overlay positioned with inline styles).
      await page.goto(`${server.baseUrl}/users`);
      await page.getByTestId('user-create').click();
      await page.getByTestId('user-form-username').waitFor();
    }
    expect(violations).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('shows the patient survey form and the API docs without a violation', async () => {
    const finished = (await desk.get<ListPage<Encounter>>('/api/encounters?status=finished&pageSize=100')).body.items;
    let invitation: SurveyInvitation | undefined;
    for (const encounter of finished) {
      const response = await desk.post<SurveyInvitation>('/api/survey-invitations', { encounterId: encounter.id });
      if (response.status === 201) {
        invitation = response.body;
        break;
      }
    }
    expect(invitation).toBeDefined();
    const { page, violations } = await newContext();
    await page.goto(`${server.baseUrl}/feedback/${invitation?.token}`);
    await page.getByTestId('feedback-page').waitFor();
    await page.locator('[data-testid^="feedback-option-"]').first().waitFor();

    await page.goto(`${server.baseUrl}/api/docs`);
    await page.locator('.swagger-ui .info .title').waitFor();
    await page.locator('.opblock').first().waitFor();
    expect(violations).toEqual([]);
    await page.context().close();
  });
});
