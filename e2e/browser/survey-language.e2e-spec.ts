import { DEMO_PASSWORD, type Patient, type SurveyInvitation } from '@huifang/shared';
import type { Browser, Page } from 'playwright-core';
import { ApiClient } from '../support/api-client';
import { describeInBrowser, launchChromium } from '../support/chromium';
import { finishedVisit } from '../support/patients-fixtures';
import { startDemoServer, type RunningServer } from '../support/server-process';
import { LoginPage } from './pages/login.page';
import { PublicFeedbackPage } from './pages/public-feedback.page';

describeInBrowser("the survey in the patient's language", () => {
  let server: RunningServer;
  let browser: Browser;
  let desk: ApiClient;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer('sqlite'), launchChromium()]);
    desk = await new ApiClient(server.baseUrl).login('frontdesk', DEMO_PASSWORD);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function phone(locale: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale });
    return context.newPage();
  }

  async function newLink(): Promise<string> {
    const { encounterId } = await finishedVisit(desk);
    return (await desk.post<SurveyInvitation>('/api/survey-invitations', { encounterId })).body.url;
  }

  const title = (page: Page) => page.locator('h1').first().innerText();

  it("follows the phone's language when the link names none, and the link's ?lang= over the phone's", async () => {
    const url = await newLink();
    expect(new URL(url).search).toBe('');

    const english = await phone('en-US');
    await new PublicFeedbackPage(english).open(url);
    expect(await title(english)).toBe('Patient experience survey');
    expect(await english.getAttribute('html', 'lang')).toBe('en');

    const chinese = await phone('zh-CN');
    await new PublicFeedbackPage(chinese).open(url);
    expect(await title(chinese)).toBe('就诊满意度调查');

    const overridden = await phone('en-US');
    await new PublicFeedbackPage(overridden).open(`${url}?lang=zh`);
    expect(await title(overridden)).toBe('就诊满意度调查');
    expect(await overridden.getAttribute('html', 'lang')).toBe('zh-CN');
    await Promise.all([english, chinese, overridden].map((p) => p.context().close()));
  });

  it("puts the patient's language, set on the patient form, in the invitation's link; a Chinese phone then opens it in English", async () => {
    const { patient, encounterId } = await finishedVisit(desk);
    const staff = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } });
    const page = await staff.newPage();
    const login = new LoginPage(page);
    await login.open(server.baseUrl);
    await login.logIn('frontdesk', DEMO_PASSWORD);
    await page.waitForURL('**/patients**');
    await page.goto(`${server.baseUrl}/patients/${patient.id}`);

    await page.getByTestId('patient-edit').click();
    await page.getByTestId('patient-language').click();
    await page.getByTestId('patient-language-en').click();
    await page.getByTestId('register-submit').click();
    await page.getByTestId('register-submit').waitFor({ state: 'detached' });
    expect((await desk.get<Patient>(`/api/patients/${patient.id}`)).body.preferredLanguage).toBe('en');

    await page.getByTestId(`encounter-invite-${encounterId}`).click();
    await page.getByTestId('invite-qr').waitFor();
    const url = (await page.getByTestId('invite-url').innerText()).trim();
    expect(new URL(url).searchParams.get('lang')).toBe('en');
    expect(await page.getByTestId('invite-language').innerText()).toContain('英文');
    await staff.close();

    const chinesePhone = await phone('zh-CN');
    await new PublicFeedbackPage(chinesePhone).open(url);
    expect(await title(chinesePhone)).toBe('Patient experience survey');
    await chinesePhone.context().close();
  });
});
