import { calendarDayOf, type HospitalSettings, type SurveyInvitation } from '@huifang/shared';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ApiClient } from '../support/api-client';
import { describeInBrowser, launchChromium } from '../support/chromium';
import { finishedVisit, registerPatient, staffClient } from '../support/patients-fixtures';
import { ADMIN_PASSWORD, startServer, type RunningServer } from '../support/server-process';
import { HospitalSettingsPage } from './pages/hospital-settings.page';
import { LoginPage } from './pages/login.page';
import { PatientDetailPage } from './pages/patient-detail.page';
import { PublicFeedbackPage } from './pages/public-feedback.page';
import { TodayPage } from './pages/today.page';

const SHANGHAI = 'Asia/Shanghai';
/** UTC+14 is a day ahead of Shanghai from 10:00 there to midnight; UTC-11 a day behind from midnight to 19:00. */
const ZONES = ['Pacific/Kiritimati', 'Pacific/Pago_Pago'] as const;

/**
 * A hospital zone whose calendar day differs from Shanghai's now and for at least the next minutes
 * (so the old client, which assumed Shanghai, shows the wrong day whenever the test runs).
 */
async function zoneAwayFromShanghai(): Promise<string> {
  for (;;) {
    const later = Date.now() + 10 * 60_000;
    const zone = ZONES.find((z) => [Date.now(), later].every((t) => calendarDayOf(t, z) !== calendarDayOf(t, SHANGHAI)));
    if (zone) return zone;
    // Only in the minutes before midnight in Shanghai: wait until the other zone applies.
    await new Promise((resolve) => setTimeout(resolve, 60_000));
  }
}

const PASSWORD = 'correct-horse-battery';
const zhDate = (day: string) => {
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

describeInBrowser('the client follows the hospital settings the server serves', () => {
  let zone: string;
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let admin: ApiClient;
  let desk: ApiClient;

  beforeAll(async () => {
    zone = await zoneAwayFromShanghai();
    [server, browser] = await Promise.all([startServer('sqlite', { HUIFANG_TIMEZONE: zone }), launchChromium()]);
    const anonymous = new ApiClient(server.baseUrl);
    admin = await anonymous.login('admin', ADMIN_PASSWORD);
    desk = await staffClient(admin, anonymous, 'desk', 'front_desk');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  beforeEach(async () => {
    // The browser itself runs in Shanghai: only the served zone may decide the day.
    context = await browser.newContext({ locale: 'zh-CN', timezoneId: SHANGHAI, viewport: { width: 1366, height: 900 } });
    page = await context.newPage();
  });
  afterEach(() => context?.close());

  async function logIn(username: string, password: string, landing: string): Promise<void> {
    const login = new LoginPage(page);
    await login.open(server.baseUrl);
    await login.logIn(username, password);
    await page.waitForURL(`**${landing}`);
  }

  it("shows the hospital zone's today on the Today board, and the next-visit picker refuses the visit day", async () => {
    await logIn('desk', PASSWORD, '/patients');
    const today = calendarDayOf(Date.now(), zone);
    expect(today).not.toBe(calendarDayOf(Date.now(), SHANGHAI));

    const board = new TodayPage(page);
    await board.open(server.baseUrl);
    expect(await page.locator('.today-page .subtitle').innerText()).toContain(zhDate(today));

    const patient = await registerPatient(desk, { name: '时区患者' });
    const checkIn = await desk.post<{ id: number }>('/api/encounters', { patientId: patient.id, departmentId: 1 });
    await desk.post(`/api/encounters/${checkIn.body.id}/call`, {});
    await page.goto(`${server.baseUrl}/patients/${patient.id}`);
    const detail = new PatientDetailPage(page);
    await detail.finish(checkIn.body.id, today);
    await page.getByTestId('finish-next-visit-error').waitFor();
    expect(await page.getByTestId('finish-next-visit').getAttribute('min')).not.toBe(today);
    // Nothing was sent: the visit is still open.
    const still = await desk.get<{ finishedAt: string | null }[]>(`/api/encounters?patientId=${patient.id}`);
    expect(JSON.stringify(still.body)).toContain('"finishedAt":null');
  });

  it('lets the admin change a setting on the settings page, with the shared range enforced', async () => {
    await logIn('admin', ADMIN_PASSWORD, '/users');
    await page.getByTestId('nav-settings').click();
    const settings = new HospitalSettingsPage(page);
    await page.getByTestId('settings-time-zone').waitFor();
    expect(await page.getByTestId('settings-time-zone').innerText()).toContain(zone);

    await settings.field('waitThresholdMinutes').fill('999');
    await settings.field('waitThresholdMinutes').blur();
    await settings.fieldError('waitThresholdMinutes').waitFor();
    await settings.save().click();
    expect((await admin.get<HospitalSettings>('/api/settings')).body.waitThresholdMinutes).toBe(30);

    await settings.field('waitThresholdMinutes').fill('45');
    await settings.field('name-zh').fill('示例市第一人民医院');
    await settings.save().click();
    await page.waitForFunction(() => document.querySelector('[data-testid="settings-save"]')?.hasAttribute('disabled'));
    const saved = (await admin.get<HospitalSettings>('/api/settings')).body;
    expect(saved.waitThresholdMinutes).toBe(45);
    expect(saved.hospitalName.zh).toBe('示例市第一人民医院');
  });

  it("shows the hospital's name on the patient's survey page, not the product's", async () => {
    await admin.request('PUT', '/api/settings', { hospitalName: { zh: '示例市第一人民医院', en: 'Example City First Hospital' } });
    const { encounterId } = await finishedVisit(desk);
    const invitation = await desk.post<SurveyInvitation>('/api/survey-invitations', { encounterId });
    const feedback = new PublicFeedbackPage(page);
    await feedback.open(invitation.body.url.replace(/^http:\/\/localhost:\d+/, server.baseUrl));
    await page.getByTestId('feedback-hospital-name').waitFor();
    expect(await page.getByTestId('feedback-hospital').innerText()).toBe('示例市第一人民医院');
    expect(await page.getByTestId('feedback-page').innerText()).not.toContain('Huifang');
  });
});
