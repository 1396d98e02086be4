import type { OutreachTemplate } from '@huifang/shared';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ApiClient } from '../support/api-client';
import { describeInBrowser, launchChromium } from '../support/chromium';
import { eventually } from '../support/eventually';
import { invite, messageReaches, QUICK_WORKER } from '../support/outreach/outreach-fixtures';
import { finishedVisit, staffClient } from '../support/patients-fixtures';
import { ADMIN_PASSWORD, startServer, type RunningServer } from '../support/server-process';
import { zoneAtLocalHour } from '../support/time-zones';
import { LoginPage } from './pages/login.page';
import { OutreachPage } from './pages/outreach.page';
import { ShellPage } from './pages/shell.page';

/*
 * An admin rewrites the Chinese survey invitation on the Outreach page, previews it (variables
 * filled, the opt-out line added), saves it; a visit's invitation then goes out by the log channel
 * (no channel configured) and the admin finds it sent in the outbox.
 */
describeInBrowser('an admin works the outreach page', () => {
  let server: RunningServer;
  let browser: Browser;
  let admin: ApiClient;
  let desk: ApiClient;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    // Midday in the hospital: no quiet hours holding the invitation.
    [server, browser] = await Promise.all([startServer('sqlite', { ...QUICK_WORKER, HUIFANG_TIMEZONE: zoneAtLocalHour(12) }), launchChromium()]);
    const anonymous = new ApiClient(server.baseUrl);
    admin = await anonymous.login('admin', ADMIN_PASSWORD);
    desk = await staffClient(admin, anonymous, 'outreach.desk', 'front_desk');
  }, 120_000);
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  it('edits, previews and saves the survey invitation, then sees an invitation sent in the outbox', async () => {
    context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1366, height: 900 } });
    page = await context.newPage();
    const login = new LoginPage(page);
    await login.open(server.baseUrl);
    await login.logIn('admin', ADMIN_PASSWORD);
    await page.waitForURL('**/users');
    await new ShellPage(page).navLink('outreach').click();
    await page.waitForURL('**/outreach');
    const outreach = new OutreachPage(page);

    // No channel configured: the log channel, which delivers nothing, says so.
    await outreach.channel('log').waitFor();
    expect(await outreach.channel('log').innerText()).toContain('不会发送给患者');

    await outreach.editTemplate('survey_invitation', 'zh');
    const text = '{givenName}您好，感谢您到{department}就诊，请花一分钟评价：{link}';
    await outreach.body().fill(text);
    const preview = await outreach.preview();
    expect(preview).toContain('芳您好，感谢您到');
    expect(preview).toMatch(/请花一分钟评价：https?:\/\/\S+\/feedback\/EXAMPLE/);
    expect(preview.trim().endsWith('回复“退订”不再接收调查。')).toBe(true);
    expect(preview).not.toContain('{');

    await outreach.save();
    await eventually(
      async () => (await outreach.templateState('survey_invitation', 'zh').innerText()).trim(),
      (state) => expect(state).toBe('已修改'),
    );
    const stored = (await admin.get<OutreachTemplate[]>('/api/outreach/templates')).body.find((t) => t.kind === 'survey_invitation' && t.language === 'zh');
    expect(stored).toMatchObject({ body: text, custom: true });

    // A visit's invitation goes out (the log channel)…
    const { patient, encounterId } = await finishedVisit(desk, { name: '王芳', consent: { surveys: true } });
    await invite(desk, encounterId, 'zh');
    const sent = await messageReaches(admin, patient.id, 'sent');

    // …and the admin finds it among the sent messages.
    await outreach.filterStatus('sent');
    const row = outreach.row(sent.id);
    await row.waitFor();
    const cells = await row.innerText();
    expect(cells).toContain('满意度调查邀请');
    expect(cells).toContain('已发送');
    expect(cells).toContain(`患者 #${patient.id}`);
  });
});
