import { DEMO_PASSWORD } from '@huifang/shared';
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { describeInBrowser, launchChromium } from '../support/chromium';
import { startDemoServer, type RunningServer } from '../support/server-process';
import { LoginPage } from './pages/login.page';

/** Column headers sort the whole list on the server: the request carries `sort`, and so does the URL. */
describeInBrowser('sorting list columns', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    [server, browser] = await Promise.all([
      startDemoServer('sqlite'),
      launchChromium(),
    ]);
    context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    page = await context.newPage();
    const login = new LoginPage(page);
    await login.open(server.baseUrl);
    await login.logIn('admin', DEMO_PASSWORD);
    await page.waitForURL('**/users**');
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  /** Clicks a header and waits for the list request sorted by `expected` (polls may also pass by). */
  async function clickAndExpectSort(header: string, path: string, expected: string): Promise<void> {
    const [response] = await Promise.all([
      page.waitForResponse(
        (r: Response) => new URL(r.url()).pathname === path && new URL(r.url()).searchParams.get('sort') === expected,
        { timeout: 10_000 },
      ),
      page.getByTestId(header).click(),
    ]);
    expect(response.status()).toBe(200);
    expect(new URL(page.url()).searchParams.get('sort')).toBe(expected);
  }

  it.each([
    ['/patients', 'patients-sort-lastVisitOn', '/api/patients', 'lastVisitOn'],
    ['/callbacks', 'callbacks-sort-dueAt', '/api/callbacks', 'dueAt'],
    ['/feedback-responses', 'responses-sort-nps', '/api/survey-responses', 'nps'],
  ])('%s: a header click sorts ascending, a second descending, and the URL keeps it', async (route, header, api, key) => {
    await page.goto(`${server.baseUrl}${route}`);
    await page.getByTestId(header).waitFor();
    await clickAndExpectSort(header, api, key);
    await clickAndExpectSort(header, api, `-${key}`);
  });
});
