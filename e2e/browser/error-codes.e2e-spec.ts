import { DEMO_PASSWORD } from '@huifang/shared';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ApiClient } from '../support/api-client';
import { describeInBrowser, launchChromium } from '../support/chromium';
import { registerPatient } from '../support/patients-fixtures';
import { startDemoServer, type RunningServer } from '../support/server-process';
import { LoginPage } from './pages/login.page';
import { PatientsPage } from './pages/patients.page';

/** The Chinese UI shows a refusal in Chinese, from its code and params, never the server's English sentence. */
describeInBrowser('server refusals in the Chinese UI', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let api: ApiClient;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer('sqlite'), launchChromium()]);
    api = await new ApiClient(server.baseUrl).login('frontdesk', DEMO_PASSWORD);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  beforeEach(async () => {
    context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } });
    page = await context.newPage();
    const login = new LoginPage(page);
    await login.open(server.baseUrl);
    await login.logIn('frontdesk', DEMO_PASSWORD);
    await page.waitForURL('**/patients**');
  });
  afterEach(() => context?.close());

  it('says in Chinese that a patient is already registered, with their number, and opens that record', async () => {
    const existing = await registerPatient(api, { name: '重复登记测试' });
    const patients = new PatientsPage(page);
    await patients.open(server.baseUrl);
    await patients.register({ name: '重复登记测试', phone: existing.phone, birthDate: '1970-01-01' });

    const error = page.getByTestId('register-error');
    await error.waitFor();
    const text = await error.innerText();
    expect(text).toContain(`该患者已登记（编号 ${existing.id}）`);
    expect(text).not.toMatch(/[A-Za-z]{2,}/);

    await page.getByTestId('register-open-existing').click();
    await page.waitForURL(new RegExp(`/patients/${existing.id}$`));
  });
});
