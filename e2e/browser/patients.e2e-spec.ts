import { DEMO_PASSWORD, type Encounter, type Page as ListPage, type Patient } from '@huifang/shared';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ApiClient } from '../support/api-client';
import { describeInBrowser, launchChromium } from '../support/chromium';
import { registerPatient } from '../support/patients-fixtures';
import { startDemoServer, type RunningServer } from '../support/server-process';
import { LoginPage } from './pages/login.page';
import { PatientDetailPage } from './pages/patient-detail.page';
import { PatientsPage } from './pages/patients.page';
import { TodayPage } from './pages/today.page';

const inDays = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' });

describeInBrowser('front desk works a patient in the browser', () => {
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

  it('shows the demo patients with masked phones, and finds one by name', async () => {
    const patients = new PatientsPage(page);
    await patients.open(server.baseUrl);
    await patients.rows().first().waitFor();
    const text = await page.getByTestId('patients-table').innerText();
    expect(text).toMatch(/1\d\d\*\*\*\*\d{4}/);
    expect(text).not.toMatch(/1[3-9]\d{9}/);

    const someone = (await api.get<ListPage<Patient>>('/api/patients?pageSize=1&page=7')).body.items[0];
    await patients.search(someone.name);
    await page.getByTestId(`patient-row-${someone.id}`).waitFor();
  });

  it('registers a patient, checks them in, calls, finishes with a next visit, and moves them to treatment', async () => {
    const patients = new PatientsPage(page);
    await patients.open(server.baseUrl);
    await patients.register({ name: '浏览器测试患者', phone: '139 0000 7777', birthDate: '1975-04-12', note: '测试备注' });
    await page.waitForURL(/\/patients\/\d+$/);
    const patientId = Number(page.url().split('/').pop());
    const detail = new PatientDetailPage(page);
    await detail.name().waitFor();
    expect(await detail.name().innerText()).toContain('浏览器测试患者');
    expect(await page.getByTestId('patient-phone').innerText()).toContain('13900007777');

    await detail.checkIn(5, '刘医生');
    const encounterId = await detail.openEncounterId('call');

    // The front desk's today view: the patient is in the waiting list and on the live board.
    const today = new TodayPage(page);
    await today.open(server.baseUrl);
    await today.row(encounterId).waitFor();
    expect(await today.departmentWaiting(5)).toBeGreaterThanOrEqual(1);
    expect(Number(await today.waitingNow().innerText())).toBeGreaterThanOrEqual(1);
    await page.goto(`${server.baseUrl}/patients/${patientId}`);
    await detail.call(encounterId);
    await page.getByTestId(`encounter-finish-${encounterId}`).waitFor();
    const due = inDays(30);
    await detail.finish(encounterId, due);
    await page.waitForFunction(
      (id) => !document.querySelector(`[data-testid="encounter-finish-${id}"]`),
      encounterId,
    );

    await detail.changeStage('treatment', '确诊后开始治疗');
    await page.waitForFunction(() => document.querySelector('[data-testid="timeline-stage-treatment"]')?.classList.contains('current'));
    expect(await detail.timelineEntries('transition').count()).toBe(2);
    expect(await detail.timelineEntries('encounter').count()).toBe(1);
    // The newest transition (a welcome call after the first visit, #14, may be newer still: the
    // relationship worker creates it within a second of the visit, racing the stage change).
    expect(await detail.timelineEntries('transition').first().innerText()).toMatch(/治疗/);

    // What the page showed is what the server stored.
    const stored = (await api.get<Patient>(`/api/patients/${patientId}`)).body;
    expect(stored).toMatchObject({ stage: 'treatment', nextVisitDue: due, lastDepartmentId: 5 });
    const encounters = (await api.get<ListPage<Encounter>>(`/api/encounters?patientId=${patientId}`)).body.items;
    expect(encounters).toHaveLength(1);
    expect(encounters[0]).toMatchObject({ status: 'finished', clinician: '刘医生', nextVisitDue: due });
    await page.screenshot({ path: 'tmp/screenshots/patient-page.png', fullPage: true });
  });

  it('confirms a consent withdrawal, saying how many queued calls it cancels, and cancels them', async () => {
    const patient = await registerPatient(api, { name: '撤回同意测试', consent: { followUpCalls: true, surveys: true } });
    const dueAt = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();
    const ids: number[] = [];
    for (const hours of [2, 30]) {
      const created = await api.post<{ id: number }>('/api/callbacks', { patientId: patient.id, dueAt: dueAt(hours), kind: 'manual', note: '确认复诊' });
      expect(created.status).toBe(201);
      ids.push(created.body.id);
    }
    await page.goto(`${server.baseUrl}/patients/${patient.id}`);
    const detail = new PatientDetailPage(page);
    await detail.timelineEntries('callback').nth(1).waitFor();

    // Keeping consent changes nothing.
    let dialog = await detail.withdrawCallConsent();
    expect(await dialog.effect()).toContain('将取消该患者 2 条待办回访');
    await dialog.keep();
    await page.getByTestId('withdraw-consent-effect').waitFor({ state: 'detached' });
    expect(await detail.callConsentChecked()).toBe('true');
    expect((await api.get<Patient>(`/api/patients/${patient.id}`)).body.consent.followUpCalls.granted).toBe(true);

    dialog = await detail.withdrawCallConsent();
    await dialog.confirm();
    await page.locator('[data-kind="callback"]', { hasText: '已取消' }).nth(1).waitFor();
    expect(await detail.callConsentChecked()).toBe('false');
    for (const id of ids) {
      const callback = (await api.get<{ status: string; cancelReason: string }>(`/api/callbacks/${id}`)).body;
      expect(callback.status).toBe('cancelled');
    }
    // The queue no longer offers them.
    const queue = await Promise.all(['today', 'upcoming'].map((view) => api.get<ListPage<{ id: number }>>(`/api/callbacks?view=${view}&pageSize=100`)));
    expect(queue.flatMap((q) => q.body.items.map((c) => c.id)).filter((id) => ids.includes(id))).toEqual([]);
  });

  it('keeps the live board up to date without a page reload', async () => {
    const departmentId = 1;
    const today = new TodayPage(page);
    await today.open(server.baseUrl);
    const before = await today.departmentWaiting(departmentId);
    await page.evaluate(() => ((window as unknown as Record<string, unknown>)['liveBoardMarker'] = true));

    // A colleague checks a patient in elsewhere; the board's next poll (every 15 s) shows it.
    const patient = await registerPatient(api, { name: '看板测试患者' });
    const checkIn = await api.post<Encounter>('/api/encounters', {
      patientId: patient.id,
      departmentId,
      checkedInAt: new Date(Date.now() - 20 * 60_000).toISOString(),
    });
    expect(checkIn.status).toBe(201);
    await today.waitForDepartmentWaiting(departmentId, before + 1);

    // Called in: after the refresh the department waits one fewer and has a median wait so far.
    expect((await api.post(`/api/encounters/${checkIn.body.id}/call`, {})).status).toBe(200);
    await today.refresh();
    await today.waitForDepartmentWaiting(departmentId, before, 10_000);
    expect(await today.departmentMedian(departmentId)).toMatch(/^\d+(\.\d)?$/);
    expect(await page.evaluate(() => (window as unknown as Record<string, unknown>)['liveBoardMarker'])).toBe(true);
    await page.screenshot({ path: 'tmp/screenshots/today-live-board.png', fullPage: true });
  });
});
