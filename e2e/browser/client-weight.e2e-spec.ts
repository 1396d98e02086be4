import { DEMO_PASSWORD, type Encounter, type Page as ListPage, type SurveyInvitation } from '@huifang/shared';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ApiClient } from '../support/api-client';
import { describeInBrowser, launchChromium } from '../support/chromium';
import { startDemoServer, type RunningServer } from '../support/server-process';
import { LoginPage } from './pages/login.page';
import { PublicFeedbackPage } from './pages/public-feedback.page';

/*
 * The client's weight (issue #12, item 7), each page opened with a cold browser cache, as the server
 * sends it (compressed): the JavaScript bytes on the wire, and how long the dashboard takes to show its
 * first headline value. The byte counts are budgets (deterministic for one build); the time is only
 * printed, as a timing on a shared machine is no test.
 */

const KB = 1024;
/** The staff app's first screen: the login page, where every staff member starts. */
const STAFF_INITIAL_JS_BUDGET = 150 * KB;
/** The patients' survey form, opened on a phone. */
const SURVEY_FORM_JS_BUDGET = 90 * KB;

interface ScriptBytes {
  files: number;
  /** Compressed as sent (Resource Timing's encodedBodySize): the figure budgets are about. */
  body: number;
  /** With the response headers (transferSize). */
  transfer: number;
}

/**
 * The scripts the page had downloaded (a fresh context: nothing came from a cache), by `until` ms
 * after the start of navigation if given. Runs in the page.
 */
function scriptsLoaded(until: number | null): ScriptBytes {
  const scripts = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter(
    (e) => new URL(e.name).pathname.endsWith('.js') && (until === null || e.responseEnd <= until),
  );
  return {
    files: scripts.length,
    body: scripts.reduce((sum, e) => sum + e.encodedBodySize, 0),
    transfer: scripts.reduce((sum, e) => sum + e.transferSize, 0),
  };
}

function describeBytes(bytes: ScriptBytes): string {
  return `${bytes.files} files, ${kB(bytes.body)} (${kB(bytes.transfer)} with headers)`;
}

function kB(bytes: number): string {
  return `${(bytes / KB).toFixed(1)} kB`;
}

function print(line: string): void {
  process.stdout.write(`client weight: ${line}\n`);
}

describeInBrowser('the client is light on a cold cache', () => {
  let server: RunningServer;
  let browser: Browser;
  let session: string;
  const contexts: BrowserContext[] = [];

  /** A new context has an empty HTTP cache. */
  async function coldPage(options: Parameters<Browser['newContext']>[0] = {}): Promise<Page> {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 900 }, ...options });
    contexts.push(context);
    return context.newPage();
  }

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer('sqlite'), launchChromium()]);
    // The quality manager's stored session, to open the dashboard signed in but with nothing cached.
    const page = await coldPage();
    const login = new LoginPage(page);
    await login.open(server.baseUrl);
    await login.logIn('quality', DEMO_PASSWORD);
    await page.waitForURL('**/dashboard**');
    session = await page.evaluate(() => sessionStorage.getItem('huifang.session') ?? '');
    expect(session).not.toBe('');
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.stop();
  });

  it('the staff app: the login page, and the dashboard up to its first headline value', async () => {
    const loginPage = await coldPage();
    await loginPage.goto(server.baseUrl);
    await loginPage.getByTestId('login-username').waitFor();
    await loginPage.waitForLoadState('networkidle');
    const login = await loginPage.evaluate(scriptsLoaded, null);
    print(`login page (${new URL(loginPage.url()).pathname}), JavaScript: ${describeBytes(login)}`);

    const page = await coldPage();
    await page.addInitScript((stored) => sessionStorage.setItem('huifang.session', stored), session);
    await page.goto(`${server.baseUrl}/dashboard`);
    // Milliseconds from the start of navigation until a headline shows its value.
    const readyMs = await (
      await page.waitForFunction(
        () => (document.querySelector('[data-testid^="headline-"] [data-testid="headline-value"]')?.textContent?.trim() ? performance.now() : null),
        undefined,
        { polling: 'raf' },
      )
    ).jsonValue();
    await page.locator('[data-testid^="chart-"] svg').first().waitFor();
    await page.waitForLoadState('networkidle');
    const ready = await page.evaluate(scriptsLoaded, readyMs);
    const charted = await page.evaluate(scriptsLoaded, null);
    print(`dashboard ready (first headline value): ${Math.round(readyMs)} ms from navigation, cold cache (printed, not asserted)`);
    print(`dashboard JavaScript up to then: ${describeBytes(ready)}; with the charts: ${describeBytes(charted)}`);

    expect(login.body).toBeLessThanOrEqual(STAFF_INITIAL_JS_BUDGET);
  });

  it('the survey form on a phone', async () => {
    const desk = await new ApiClient(server.baseUrl).login('frontdesk', DEMO_PASSWORD);
    const invitation = await invite(desk);
    const page = await coldPage({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    const form = new PublicFeedbackPage(page);
    await form.open(`${server.baseUrl}/feedback/${invitation.token}`);
    await page.getByTestId('feedback-submit').waitFor();
    await page.waitForLoadState('networkidle');
    const loaded = await page.evaluate(scriptsLoaded, null);
    print(`survey form JavaScript: ${describeBytes(loaded)}`);
    expect(loaded.body).toBeLessThanOrEqual(SURVEY_FORM_JS_BUDGET);
  });
});

/** An invitation for a finished demo visit (of a patient who accepts surveys and was not invited lately). */
async function invite(desk: ApiClient): Promise<SurveyInvitation> {
  const finished = (await desk.get<ListPage<Encounter>>('/api/encounters?status=finished&pageSize=100')).body.items;
  for (const encounter of finished) {
    const response = await desk.post<SurveyInvitation>('/api/survey-invitations', { encounterId: encounter.id });
    if (response.status === 201) return response.body;
  }
  throw new Error('no invitable demo encounter');
}
