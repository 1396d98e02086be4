import { gzipSync } from 'node:zlib';
import { DEMO_PASSWORD, type Page as ListPage, type Encounter, type SurveyInvitation } from '@huifang/shared';
import type { Browser, Page } from 'playwright-core';
import { ApiClient } from '../support/api-client';
import { describeInBrowser, launchChromium } from '../support/chromium';
import { finishedVisit } from '../support/patients-fixtures';
import { startDemoServer, type RunningServer } from '../support/server-process';
import { runSql } from '../support/sql';
import { LoginPage } from './pages/login.page';
import { PatientDetailPage } from './pages/patient-detail.page';
import { PublicFeedbackPage } from './pages/public-feedback.page';

/** A finished demo visit of a patient who accepts surveys and was not invited lately. */
async function invite(desk: ApiClient): Promise<SurveyInvitation & { patientId: number }> {
  const finished = (await desk.get<ListPage<Encounter>>('/api/encounters?status=finished&pageSize=100')).body.items;
  for (const encounter of finished) {
    const response = await desk.post<SurveyInvitation>('/api/survey-invitations', { encounterId: encounter.id });
    if (response.status === 201) return { ...response.body, patientId: encounter.patientId };
  }
  throw new Error('no invitable demo encounter');
}

describeInBrowser('a patient answers the survey on a phone', () => {
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

  async function phone(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    return context.newPage();
  }

  it('front desk invites from a visit; the patient answers in Chinese on a phone; staff see the recovery call and the feedback', async () => {
    const { patient, encounterId } = await finishedVisit(desk);

    // Staff: "Invite to survey" on the finished visit shows the link and its QR code.
    const staff = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } });
    const staffPage = await staff.newPage();
    const login = new LoginPage(staffPage);
    await login.open(server.baseUrl);
    await login.logIn('frontdesk', DEMO_PASSWORD);
    await staffPage.waitForURL('**/patients**');
    await staffPage.goto(`${server.baseUrl}/patients/${patient.id}`);
    await staffPage.getByTestId(`encounter-invite-${encounterId}`).click();
    await staffPage.getByTestId('invite-qr').waitFor();
    const url = (await staffPage.getByTestId('invite-url').innerText()).trim();
    expect(url).toMatch(/\/feedback\/[A-Za-z0-9_-]{43}$/);
    expect(await staffPage.getByTestId('invite-qr').getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);

    const page = await phone();
    // Every script's size, awaited before summing (a handler still reading a body would be missed).
    const scripts: Promise<{ name: string; bytes: number }>[] = [];
    page.on('response', (response) => {
      if (response.url().endsWith('.js')) {
        scripts.push(response.body().then((body) => ({ name: response.url().split('/').pop() ?? '', bytes: gzipSync(body).length })));
      }
    });
    const form = new PublicFeedbackPage(page);
    await form.open(url.replace(/^https?:\/\/[^/]+/, server.baseUrl));
    await page.getByTestId('feedback-submit').waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await page.getByTestId('feedback-question-nps').innerText()).toContain('推荐');
    expect(await page.locator('body').innerText()).not.toContain(patient.name);
    // Nothing of the staff app came down the wire, and nothing overflows a 360 px screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const loaded = await Promise.all(scripts);
    expect(loaded.length).toBeGreaterThan(0);
    const totalGzip = loaded.reduce((sum, s) => sum + s.bytes, 0);
    process.stdout.write(`feedback page initial JavaScript: ${loaded.length} files, ${(totalGzip / 1024).toFixed(1)} kB gzip\n`);
    expect(totalGzip).toBeLessThan(90 * 1024);

    // Submitting with a required answer missing points at it instead of sending.
    await form.choose('csat', 2);
    await form.submit();
    await page.getByTestId('feedback-question-nps').locator('.error').waitFor();

    await form.choose('nps', 3);
    await form.choose('wait_time', 1);
    await form.choose('doctor_communication', 3);
    await form.writeText('comment', '排队太久了 <b>加急</b>');
    await form.submit();
    await form.state('thanks').waitFor();
    await form.open(url.replace(/^https?:\/\/[^/]+/, server.baseUrl));
    await form.state('answered').waitFor();
    await page.context().close();

    // A detractor: the service-recovery call is on the patient's timeline, the comment shown as text.
    await staffPage.goto(`${server.baseUrl}/patients/${patient.id}`);
    const detail = new PatientDetailPage(staffPage);
    await detail.timelineEntries('callback').first().waitFor();
    expect(await detail.timelineEntries('callback').first().innerText()).toContain('服务补救');
    expect(await detail.timelineEntries('survey_response').first().innerText()).toContain('排队太久了 <b>加急</b>');
    await staff.close();

    // The quality manager finds it among the NPS detractors (NPS 3), with its recovery call, and
    // opens the call to see whether the case was closed.
    const quality = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } });
    const qualityPage = await quality.newPage();
    const qualityLogin = new LoginPage(qualityPage);
    await qualityLogin.open(server.baseUrl);
    await qualityLogin.logIn('quality', DEMO_PASSWORD);
    await qualityPage.waitForURL('**/dashboard**');
    await qualityPage.goto(`${server.baseUrl}/feedback-responses?npsDetractorsOnly=true`);
    const row = qualityPage.locator('[data-testid^="response-row-"]', { hasText: '排队太久了' }).first();
    await row.waitFor();
    expect(await row.locator('[data-testid^="response-nps-detractor-"]').innerText()).toContain('NPS 贬损者');
    expect(await row.locator('[data-testid^="response-needs-recovery-"]').innerText()).toContain('需服务补救');
    expect(await row.locator('[data-testid^="response-recovery-"]').count()).toBe(1);
    await qualityPage.screenshot({ path: 'tmp/screenshots/feedback-responses.png' });

    // The call was made (by a colleague, through the API): the link opens it, closed, with its history.
    const qualityApi = await new ApiClient(server.baseUrl).login('quality', DEMO_PASSWORD);
    const link = row.locator('[data-testid^="response-recovery-"]');
    const callbackId = Number((await link.getAttribute('href'))?.split('/').pop());
    expect((await qualityApi.post(`/api/callbacks/${callbackId}/claim`)).status).toBe(200);
    expect((await qualityApi.post(`/api/callbacks/${callbackId}/attempts`, { outcome: 'reached', note: '已致歉并安排优先就诊' })).status).toBe(200);
    await link.click();
    await qualityPage.waitForURL(`**/callbacks/${callbackId}`);
    const callbackPage = qualityPage.getByTestId('callback-detail');
    await qualityPage.getByTestId('callback-detail-case').waitFor();
    expect(await qualityPage.getByTestId('callback-detail-case').innerText()).toBe('已结案');
    expect(await qualityPage.getByTestId('callback-detail-status').innerText()).toBe('已完成');
    expect(await qualityPage.getByTestId('callback-detail-outcome').innerText()).toBe('已联系');
    const attempt = await qualityPage.getByTestId('callback-detail-attempt').innerText();
    expect(attempt).toContain('已致歉并安排优先就诊');
    // Why it was opened, translated: the answers that triggered it and the comment, no raw keys.
    const reason = await qualityPage.getByTestId('callback-detail-reason').innerText();
    expect(reason).toContain('候诊时间 1/5');
    expect(reason).toContain('排队太久了 <b>加急</b>');
    expect(await callbackPage.innerText()).not.toMatch(/wait_time|service_recovery/);
    await qualityPage.screenshot({ path: 'tmp/screenshots/callback-detail.png' });
    await quality.close();
  });

  it('switches to English and shows clear pages for unknown and expired links', async () => {
    const invitation = await invite(desk);
    const page = await phone();
    const form = new PublicFeedbackPage(page);
    await form.open(invitation.url.replace(/^https?:\/\/[^/]+/, server.baseUrl));
    await page.getByTestId('feedback-lang').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await page.getByTestId('feedback-question-nps').innerText()).toContain('recommend');

    // Keyboard only: tab to a scale and pick with the arrow keys.
    await page.getByTestId('feedback-option-csat-1').locator('input').focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.getByTestId('feedback-option-csat-2').locator('input').isChecked()).toBe(true);

    await form.open(`${server.baseUrl}/feedback/${'x'.repeat(43)}`);
    await form.state('not-found').waitFor();

    const old = await invite(desk);
    await runSql(server.databaseUrl, 'UPDATE survey_invitation SET expires_at = created_at WHERE id = $1', [old.id]);
    await form.open(old.url.replace(/^https?:\/\/[^/]+/, server.baseUrl));
    await form.state('expired').waitFor();
    await page.context().close();
  });
});
