import { DEMO_PASSWORD, type Encounter, type Page as ListPage } from '@huifang/shared';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ApiClient } from '../support/api-client';
import { describeInBrowser, launchChromium } from '../support/chromium';
import { registerPatient } from '../support/patients-fixtures';
import { startDemoServer, type RunningServer } from '../support/server-process';
import { CheckInDialog } from './pages/check-in.dialog';
import { LoginPage } from './pages/login.page';
import { PatientsPage } from './pages/patients.page';
import { TodayPage } from './pages/today.page';

/** The front desk on a busy morning: check-in from the board and the list, Enter on a single hit, the survey offer. */
describeInBrowser('check-in from the Today board and the patient list', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let api: ApiClient;

  beforeAll(async () => {
    [server, browser] = await Promise.all([
      startDemoServer('sqlite'),
      launchChromium(),
    ]);
    api = await new ApiClient(server.baseUrl).login('frontdesk2', DEMO_PASSWORD);
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

  const openEncounters = async (patientId: number) =>
    (await api.get<ListPage<Encounter>>(`/api/encounters?patientId=${patientId}`)).body.items.filter((e) => e.status !== 'finished');

  it('from the Today board: the search takes a single hit on Enter, then department and done', async () => {
    const patient = await registerPatient(api, { name: '看板签到患者' });
    const today = new TodayPage(page);
    await today.open(server.baseUrl);
    await page.getByTestId('today-check-in').click();
    const dialog = new CheckInDialog(page);
    await dialog.search('看板签到患者');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('mat-dialog-container h2')?.textContent?.includes('看板签到患者'));
    await dialog.chooseDepartment(3);
    await dialog.submit();

    const [encounter] = await openEncounters(patient.id);
    expect(encounter).toMatchObject({ departmentId: 3, status: 'waiting' });
    await today.row(encounter.id).waitFor();
  });

  it('from the patient list: pick a hit, department, done; Enter in the list search opens a single hit', async () => {
    const patient = await registerPatient(api, { name: '列表签到患者' });
    const patients = new PatientsPage(page);
    await patients.open(server.baseUrl);
    await page.getByTestId('patients-check-in').click();
    const dialog = new CheckInDialog(page);
    await dialog.search('列表签到');
    await dialog.hit(patient.id).click();
    await dialog.chooseDepartment(2);
    await dialog.submit();
    expect(await openEncounters(patient.id)).toEqual([expect.objectContaining({ departmentId: 2, status: 'waiting' })]);

    await page.getByTestId('patients-search').fill('列表签到患者');
    await page.getByTestId('patients-search').press('Enter');
    await page.waitForURL(`**/patients/${patient.id}`);
  });

  it('finishing a visit on the Today board offers the survey invitation, which opens the invite dialog', async () => {
    const patient = await registerPatient(api, { name: '问卷邀请患者', consent: { followUpCalls: true, surveys: true } });
    const checkIn = await api.post<Encounter>('/api/encounters', { patientId: patient.id, departmentId: 1 });
    await api.post(`/api/encounters/${checkIn.body.id}/call`, {});
    const today = new TodayPage(page);
    await today.open(server.baseUrl);
    await page.getByTestId(`today-finish-${checkIn.body.id}`).click();
    // The visit's charge (optional): a fraction of a fen is refused in the dialog, 268.5 yuan is kept.
    const charge = page.getByTestId('finish-charge');
    await charge.fill('1.005');
    await page.getByTestId('finish-submit').click();
    await page.getByTestId('finish-charge-error').waitFor();
    await charge.fill('268.5');
    await page.getByTestId('finish-submit').click();
    await page.getByRole('button', { name: '邀请评价' }).click();
    const finished = (await api.get<ListPage<Encounter>>(`/api/encounters?patientId=${patient.id}`)).body.items.find((e) => e.id === checkIn.body.id);
    expect(finished?.charge).toBe(268.5);
    await page.getByTestId('invite-url').waitFor();
    expect(await page.getByTestId('invite-url').innerText()).toMatch(/\/feedback\//);
  });
});
