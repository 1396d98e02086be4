import { DEMO_PASSWORD, type Department, type Patient, type StaffUser } from '@huifang/shared';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ApiClient } from '../support/api-client';
import { describeInBrowser, launchChromium } from '../support/chromium';
import { registerPatient } from '../support/patients-fixtures';
import { startDemoServer, type RunningServer } from '../support/server-process';
import { AuditPage } from './pages/audit.page';
import { ConfirmDialog } from './pages/confirm-dialog.page';
import { DepartmentsPage } from './pages/departments.page';
import { LoginPage } from './pages/login.page';
import { ShellPage } from './pages/shell.page';
import { UsersPage } from './pages/users.page';

describeInBrowser('an admin manages departments, staff and the audit log', () => {
  let server: RunningServer;
  let browser: Browser;
  let admin: ApiClient;
  let desk: ApiClient;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer('sqlite'), launchChromium()]);
    const anonymous = new ApiClient(server.baseUrl);
    admin = await anonymous.login('admin', DEMO_PASSWORD);
    desk = await anonymous.login('frontdesk', DEMO_PASSWORD);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function logInAsAdmin(locale: 'zh-CN' | 'en-US' = 'zh-CN', timezoneId = 'Asia/Shanghai'): Promise<void> {
    context = await browser.newContext({ locale, timezoneId, viewport: { width: 1366, height: 900 }, acceptDownloads: true });
    page = await context.newPage();
    const login = new LoginPage(page);
    await login.open(server.baseUrl);
    await login.logIn('admin', DEMO_PASSWORD);
    await page.waitForURL('**/users');
  }
  afterEach(() => context?.close());

  it('renames a department, and deactivates it only after confirming; it then refuses check-ins', async () => {
    const created = (await admin.post<Department>('/api/departments', { code: 'allergy', name: '变态反应科', nameEn: 'Allergy' })).body;
    await logInAsAdmin();
    await new ShellPage(page).navLink('departments').click();
    const departments = new DepartmentsPage(page);
    await departments.row('allergy').waitFor();

    await departments.rename('allergy', '过敏反应科', 'Allergy clinic');
    await page.waitForFunction(() => document.querySelector('[data-testid="department-name-allergy"]')?.textContent?.trim() === '过敏反应科');

    const confirm = new ConfirmDialog(page);
    await departments.clickDeactivate('allergy');
    expect(await confirm.message().innerText()).toContain('过敏反应科');
    await confirm.cancel();
    expect((await departments.status('allergy').innerText()).trim()).toBe('使用中');

    await departments.clickDeactivate('allergy');
    await confirm.confirm();
    await page.waitForFunction(() => document.querySelector('[data-testid="department-status-allergy"]')?.textContent?.trim() === '已停用');

    await departments.open(server.baseUrl);
    expect((await departments.status('allergy').innerText()).trim()).toBe('已停用');
    const stored = (await admin.get<Department[]>('/api/departments')).body.find((d) => d.id === created.id);
    expect(stored).toMatchObject({ name: '过敏反应科', nameEn: 'Allergy clinic', active: false });
    const patient = await registerPatient(desk);
    const refused = await desk.post<{ code: string }>('/api/encounters', { patientId: patient.id, departmentId: created.id });
    expect(refused.body.code).toBe('department.inactive');
  });

  it('asks before deactivating a staff account', async () => {
    await admin.post('/api/users', { username: 'leaving', role: 'front_desk', password: 'correct-horse-battery' });
    await logInAsAdmin();
    const users = new UsersPage(page);
    await users.row('leaving').waitFor();
    const confirm = new ConfirmDialog(page);

    await users.toggleActive('leaving');
    expect(await confirm.message().innerText()).toContain('leaving');
    await confirm.cancel();
    const isActive = async () => (await admin.get<StaffUser[]>('/api/users')).body.find((u) => u.username === 'leaving')?.active;
    expect(await isActive()).toBe(true);

    await users.toggleActive('leaving');
    await confirm.confirm();
    await page.waitForFunction(() => document.querySelector('[data-testid="user-status-leaving"]')?.textContent?.trim() === '已停用');
    expect(await isActive()).toBe(false);
  });

  it("filters the audit log by a patient and action, and exports what it shows (the export is audited)", async () => {
    const patient = await registerPatient(desk, { name: '审计浏览' });
    await desk.get<Patient>(`/api/patients/${patient.id}`);
    await desk.get(`/api/patients/${patient.id}/timeline`);

    await logInAsAdmin();
    await new ShellPage(page).navLink('audit').click();
    const audit = new AuditPage(page);
    await audit.rows().first().waitFor();
    await audit.filterByPatient(patient.id);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid^="audit-row-"]').length === 3);
    expect(await audit.actionsShown()).toEqual(['查看患者时间线', '查看患者', '登记患者']);

    await audit.filterByAction('patient.read');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid^="audit-row-"]').length === 1);
    expect(await audit.actionsShown()).toEqual(['查看患者']);

    const csv = await audit.exportCsv();
    const lines = csv.replace(/^\uFEFF/, '').trim().split(/\r\n/);
    expect(lines).toHaveLength(2);
    // The zh UI exports Chinese headers and action names.
    expect(lines[0].split(',')[0]).toBe('时间');
    expect(lines[1].split(',').slice(2, 4)).toEqual(['frontdesk', '查看患者']);
    expect(lines[1].split(',')[6]).toBe(String(patient.id));

    const exports = (await admin.get<{ items: { detail: string | null }[] }>(`/api/audit-log?action=audit.export&patientId=${patient.id}`)).body.items;
    expect(exports).toHaveLength(1);
    expect(JSON.parse(exports[0].detail ?? '{}')).toMatchObject({ patientId: patient.id, action: 'patient.read', rows: 1 });
  });

  it.each([
    ['zh-CN' as const, /^\d{4}年\d{1,2}月$/],
    ['en-US' as const, /^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}$/i],
  ])('shows the datepicker in the UI language (%s)', async (locale, label) => {
    await logInAsAdmin(locale);
    const audit = new AuditPage(page);
    await audit.open(server.baseUrl);
    expect(await audit.openFromCalendar()).toMatch(label);
    // The year view names the months in the same language.
    await page.locator('.mat-calendar-period-button').click();
    await page.locator('.mat-calendar-body-cell').first().click();
    await page.locator('.mat-calendar-body-cell').first().waitFor();
    const months = await page.locator('.mat-calendar-body-cell-content').allInnerTexts();
    if (locale === 'zh-CN') expect(months).toContain('1月');
    else expect(months.map((m) => m.toUpperCase())).toContain('JAN');
  });

  it('takes a typed day and filters by that calendar day, with no time-zone shift (east of UTC, where midnight is yesterday in UTC)', async () => {
    await logInAsAdmin('en-US', 'Asia/Shanghai');
    const audit = new AuditPage(page);
    await audit.open(server.baseUrl);
    const requested = page.waitForRequest((r) => r.url().includes('/api/audit-log?') && r.url().includes('from='));
    await page.getByTestId('audit-filter-from').fill('11/02/2026');
    await page.getByTestId('audit-filter-from').press('Tab');
    expect(new URL((await requested).url()).searchParams.get('from')).toBe('2026-11-02');
  });
});
