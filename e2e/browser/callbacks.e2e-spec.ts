import { DEMO_PASSWORD, type CallbackItem, type PatientTimeline } from '@huifang/shared';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ApiClient } from '../support/api-client';
import { describeInBrowser, launchChromium } from '../support/chromium';
import { startDemoServer, type RunningServer } from '../support/server-process';
import { registerPatient } from '../support/patients-fixtures';
import { CallbacksPage } from './pages/callbacks.page';
import { LoginPage } from './pages/login.page';
import { PatientDetailPage } from './pages/patient-detail.page';

describeInBrowser('front desk works the callback queue in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let api: ApiClient;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer('sqlite'), launchChromium()]);
    api = await new ApiClient(server.baseUrl).login('frontdesk2', DEMO_PASSWORD);
    context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } });
    page = await context.newPage();
    const login = new LoginPage(page);
    await login.open(server.baseUrl);
    await login.logIn('frontdesk', DEMO_PASSWORD);
    await page.waitForURL('**/patients**');
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  it('claims an overdue call, records no answer (it moves to the next working day), then claims another and reaches the patient', async () => {
    const queue = new CallbacksPage(page);
    await queue.open(server.baseUrl);
    await queue.showView('overdue');
    const first = await queue.firstClaimableId();
    const attemptsBefore = (await api.get<CallbackItem>(`/api/callbacks/${first}`)).body.attempts.map((a) => a.outcome);
    await queue.claim(first);
    expect(await queue.phone().innerText()).toMatch(/1[3-9]\d{9}/);
    await queue.record('no_answer', '无人接听，明天再打');
    await page.waitForFunction((id) => !document.querySelector(`[data-testid="callback-row-${id}"]`), first);

    const moved = (await api.get<CallbackItem>(`/api/callbacks/${first}`)).body;
    expect(moved).toMatchObject({ status: 'pending', claimedBy: null });
    expect(moved.attempts.map((a) => a.outcome)).toEqual([...attemptsBefore, 'no_answer']);
    expect(moved.attempts.at(-1)?.note).toBe('无人接听，明天再打');
    const due = new Date(moved.dueAt);
    expect(due.getTime()).toBeGreaterThan(Date.now());
    expect([1, 2, 3, 4, 5]).toContain(new Date(due.getTime() + 8 * 3_600_000).getUTCDay());

    const second = await queue.firstClaimableId();
    expect(second).not.toBe(first);
    await queue.claim(second);
    await queue.record('reached', '患者已确认下周复诊');
    await page.waitForFunction((id) => !document.querySelector(`[data-testid="callback-row-${id}"]`), second);
    expect((await api.get<CallbackItem>(`/api/callbacks/${second}`)).body).toMatchObject({ status: 'completed', outcome: 'reached' });
    await page.screenshot({ path: 'tmp/screenshots/callbacks.png' });
  });

  it("shows a colleague's claim within a few seconds", async () => {
    const queue = new CallbacksPage(page);
    await queue.open(server.baseUrl);
    await queue.showView('overdue');
    const id = await queue.firstClaimableId();
    expect((await api.post(`/api/callbacks/${id}/claim`)).status).toBe(200);
    await page.getByTestId(`callback-holder-${id}`).waitFor({ timeout: 12_000 });
    expect(await page.getByTestId(`callback-holder-${id}`).innerText()).toContain('赵磊');
    expect(await page.getByTestId(`callback-claim-${id}`).isDisabled()).toBe(true);
  });

  it('schedules a callback from the patient page; it joins the queue and the timeline', async () => {
    const patient = await registerPatient(api, { name: '回访测试', consent: { followUpCalls: true, surveys: true } });
    await page.goto(`${server.baseUrl}/patients/${patient.id}`);
    const detail = new PatientDetailPage(page);
    await detail.name().waitFor();
    const dueDay = new Date(Date.now() + 3 * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
    await detail.scheduleCallback(`${dueDay}T10:30`, '询问新药副作用');

    await detail.timelineEntries('callback').first().waitFor();
    const timeline = (await api.get<PatientTimeline>(`/api/patients/${patient.id}/timeline`)).body;
    const scheduled = timeline.entries.flatMap((entry) => (entry.kind === 'callback' ? [entry.callback] : []));
    expect(scheduled).toEqual([expect.objectContaining({ kind: 'manual', priority: 'high', status: 'pending' })]);
    expect(scheduled[0].dueAt).toBe(`${dueDay}T02:30:00.000Z`);
    expect((await api.get<CallbackItem>(`/api/callbacks/${scheduled[0].id}`)).body.note).toBe('询问新药副作用');
  });
});
