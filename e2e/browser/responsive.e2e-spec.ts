import { DEMO_PASSWORD, type Page as ListPage, type PatientSummary } from '@huifang/shared';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ApiClient } from '../support/api-client';
import { describeInBrowser, launchChromium } from '../support/chromium';
import { startDemoServer, type RunningServer } from '../support/server-process';
import { CallbacksPage } from './pages/callbacks.page';
import { LoginPage } from './pages/login.page';

/**
 * How far the page scrolls sideways (0 when it fits the viewport), counting boxes that scroll
 * sideways inside it (a table in a scrolling wrapper hides its last columns just the same).
 */
const overflow = (page: Page) =>
  page.evaluate(() => {
    const inner = [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((el) => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX) && el.clientWidth > 0)
      .map((el) => el.scrollWidth - el.clientWidth);
    return Math.max(document.documentElement.scrollWidth - window.innerWidth, ...inner);
  });

/** The desk pages on a phone (390 × 844) and on a desktop (1440 × 900): no sideways scrolling anywhere. */
describeInBrowser('the front desk pages fit a phone and a desktop', () => {
  let server: RunningServer;
  let browser: Browser;
  let patientId: number;

  beforeAll(async () => {
    [server, browser] = await Promise.all([
      startDemoServer('sqlite'),
      launchChromium(),
    ]);
    const api = await new ApiClient(server.baseUrl).login('frontdesk2', DEMO_PASSWORD);
    patientId = (await api.get<ListPage<PatientSummary>>('/api/patients?pageSize=1')).body.items[0].id;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  describe.each([
    { width: 390, height: 844 },
    { width: 1440, height: 900 },
  ])('at $width × $height', (viewport) => {
    let context: BrowserContext;
    let page: Page;

    beforeAll(async () => {
      context = await browser.newContext({ locale: 'zh-CN', viewport });
      page = await context.newPage();
      const login = new LoginPage(page);
      await login.open(server.baseUrl);
      await login.logIn('frontdesk', DEMO_PASSWORD);
      await page.waitForURL('**/patients**');
    });
    afterAll(() => context?.close());

    it('the patient list, a patient page and the Today board fit the width, log-out included', async () => {
      await page.goto(`${server.baseUrl}/patients`);
      await page.locator('[data-testid^="patient-row-"]').first().waitFor();
      expect(await overflow(page)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `tmp/screenshots/patients-${viewport.width}.png` });
      const logout = await page.getByTestId('logout').boundingBox();
      expect(logout!.x + logout!.width).toBeLessThanOrEqual(viewport.width);

      await page.goto(`${server.baseUrl}/patients/${patientId}`);
      await page.getByTestId('patient-name').waitFor();
      expect(await overflow(page)).toBeLessThanOrEqual(0);

      await page.goto(`${server.baseUrl}/patients/today`);
      await page.getByTestId('live-waiting-now').waitFor();
      expect(await overflow(page)).toBeLessThanOrEqual(0);
    });

    it('the callback queue, and the call panel with a claimed callback, fit the width', async () => {
      const queue = new CallbacksPage(page);
      await queue.open(server.baseUrl);
      await queue.showView('overdue');
      const id = await queue.firstClaimableId();
      expect(await overflow(page)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `tmp/screenshots/callbacks-${viewport.width}.png` });
      // The claim button is reachable without scrolling sideways.
      const claim = await page.getByTestId(`callback-claim-${id}`).boundingBox();
      expect(claim!.x + claim!.width).toBeLessThanOrEqual(viewport.width);

      await queue.claim(id);
      await queue.phone().waitFor();
      expect(await overflow(page)).toBeLessThanOrEqual(0);
      const panel = await page.getByTestId('call-panel').boundingBox();
      expect(panel!.x).toBeGreaterThanOrEqual(0);
      expect(panel!.x + panel!.width).toBeLessThanOrEqual(viewport.width);
      await page.screenshot({ path: `tmp/screenshots/call-panel-${viewport.width}.png` });
    });
  });
});
