import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_PASSWORD, type FhirDepartmentMapping, type ImportJob, type Page as ListPage } from '@huifang/shared';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ApiClient } from '../support/api-client';
import { describeInBrowser, launchChromium } from '../support/chromium';
import { eventually } from '../support/eventually';
import { REPO_ROOT, startDemoServer, type RunningServer } from '../support/server-process';
import { FhirDepartmentsPage, ImportsPage } from './pages/imports.page';
import { LoginPage } from './pages/login.page';
import { ShellPage } from './pages/shell.page';

/** Enough visits that the import runs for a few polls, so the progress bar is seen moving. */
const ROWS = 20_000;
/** Real Synthea output, next to the repository (../shared/data/README.md). */
const SYNTHEA = join(REPO_ROOT, '..', 'shared', 'data', 'synthea');

/** Rows the server must refuse, with their 1-based row numbers. */
const BAD_PHONE_ROW = 3;
const UNKNOWN_DEPARTMENT_ROW = 5;

/**
 * An HIS export in UTF-8 with Chinese headers. The phone column has a header the server does not
 * know (`联系手机`), so the admin maps it by hand.
 */
function historyCsv(): string {
  const lines = ['病历号,姓名,联系手机,性别,就诊号,科室,签到时间,离院时间'];
  for (let row = 1; row <= ROWS; row++) {
    const patient = `HIS${String(Math.ceil(row / 2)).padStart(6, '0')}`;
    const phone = row === BAD_PHONE_ROW ? '12345' : `139${String(Math.ceil(row / 2)).padStart(8, '0')}`;
    const department = row === UNKNOWN_DEPARTMENT_ROW ? '牙科' : row % 3 === 0 ? '外科' : '内科';
    const day = `2025-${String((row % 12) + 1).padStart(2, '0')}-${String((row % 28) + 1).padStart(2, '0')}`;
    lines.push(
      [patient, `导入测试${Math.ceil(row / 2)}`, phone, row % 2 ? '男' : '女', `V${String(row).padStart(7, '0')}`, department, `${day} 08:${String(row % 60).padStart(2, '0')}`, `${day} 10:00`].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** How far the page, or a box inside it, scrolls sideways (as responsive.e2e-spec.ts measures). */
const overflow = (page: Page) =>
  page.evaluate(() => {
    const inner = [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((el) => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX) && el.clientWidth > 0)
      .map((el) => el.scrollWidth - el.clientWidth);
    return Math.max(document.documentElement.scrollWidth - window.innerWidth, ...inner);
  });

describeInBrowser('an admin brings in the HIS history from a CSV', () => {
  let server: RunningServer;
  let browser: Browser;
  let admin: ApiClient;
  let context: BrowserContext;
  let page: Page;
  let dir: string;
  let csvPath: string;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer('sqlite'), launchChromium()]);
    admin = await new ApiClient(server.baseUrl).login('admin', DEMO_PASSWORD);
    dir = mkdtempSync(join(tmpdir(), 'huifang-import-'));
    csvPath = join(dir, '门诊就诊记录.csv');
    writeFileSync(csvPath, historyCsv());
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  afterEach(() => context?.close());

  /** A fresh browser context (zh, Shanghai) with the admin logged in, on the page they land on. */
  async function logInAsAdmin(viewport: { width: number; height: number }): Promise<void> {
    context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport, acceptDownloads: true });
    page = await context.newPage();
    const login = new LoginPage(page);
    await login.open(server.baseUrl);
    await login.logIn('admin', DEMO_PASSWORD);
    await page.waitForURL('**/users');
  }

  it('uploads, maps, previews, runs with a progress bar, reads the summary and error report, and finds the job again after a refresh', async () => {
    await logInAsAdmin({ width: 1366, height: 900 });
    await new ShellPage(page).navLink('imports').click();
    const imports = new ImportsPage(page);
    await page.getByTestId('import-drop-zone').waitFor();

    await imports.chooseFile(csvPath);
    await imports.mappingStep().waitFor();
    await page.waitForURL(/\/imports\/\d+$/);
    const jobId = Number(/\/imports\/(\d+)$/.exec(page.url())?.[1]);

    // Suggested from the Chinese headers; the unknown header is left for the admin.
    expect(await imports.mappedColumn('patientNumber')).toBe('病历号');
    expect(await imports.mappedColumn('checkedInAt')).toBe('签到时间');
    expect(await imports.mappedColumn('phone')).toBe('');
    await imports.mapField('phone', '联系手机');
    expect(await imports.mappedColumn('phone')).toBe('联系手机');
    await expect(imports.missing().count()).resolves.toBe(0);

    await imports.preview();
    const previewErrors = await imports.rowErrors();
    expect(previewErrors).toEqual(
      expect.arrayContaining([
        expect.stringContaining(`第 ${BAD_PHONE_ROW} 行 手机号 不是有效的手机号 12345`),
        expect.stringContaining(`第 ${UNKNOWN_DEPARTMENT_ROW} 行 科室 未知科室 牙科`),
      ]),
    );

    await imports.saveMappingAs('门诊月报');
    await imports.run();
    await imports.progressBar().waitFor();
    // Watch it move: every progress text seen until the job is over.
    const seen = new Set<string>();
    while ((await imports.progressBar().count()) > 0) {
      const text = await imports.progressText().innerText().catch(() => '');
      if (text) seen.add(text.trim());
      await page.waitForTimeout(200);
    }
    expect([...seen].some((text) => /已读取 \d+% · 已处理 [1-9]\d* 行/.test(text))).toBe(true);

    expect(await imports.status()).toBe('已完成');
    expect(await imports.count('encounters', 'created')).toBe(ROWS - 2);
    // The bad phone is the patient's failure, the unknown department the visit's (as the engine tallies).
    expect(await imports.count('encounters', 'failed')).toBe(1);
    expect(await imports.count('patients', 'failed')).toBe(1);
    expect(await imports.count('patients', 'created')).toBe(ROWS / 2);

    const report = await imports.downloadErrorReport();
    const reportLines = report.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(reportLines).toHaveLength(3);
    expect(report).toContain('12345');
    expect(report).toContain('牙科');

    await imports.historyEntry(jobId).waitFor();
    expect(await imports.historyEntry(jobId).innerText()).toContain('门诊就诊记录.csv');

    await page.reload();
    await imports.job().waitFor();
    expect(await imports.status()).toBe('已完成');
    expect(await imports.count('encounters', 'created')).toBe(ROWS - 2);
    // The row errors load after the job's card: read them once they are there.
    await eventually(() => imports.rowErrors(), (errors) => expect(errors).toHaveLength(2));

    const history = (await admin.get<ListPage<ImportJob>>('/api/imports?page=1&pageSize=20')).body;
    expect(history.items[0]).toMatchObject({ id: jobId, status: 'done', mappingName: '门诊月报', fileName: '门诊就诊记录.csv' });
  });

  it('drops an NHS Friends-and-Family-Test export: no mapping step, responses counted, the ambiguous date refused by row, nothing added the second time', async () => {
    await logInAsAdmin({ width: 1366, height: 900 });
    const imports = new ImportsPage(page);
    const fftPath = join(dir, 'fft-comments.csv');
    // The columns of ../shared/data/feedback/nhs_fft_comments.csv the import reads; row 4's date could be 5 June or 6 May.
    const rows = [
      ['Comment ID', 'Trust', 'Date', 'Service type 1', 'FFT categorical answer', 'FFT question', 'FFT answer'],
      ['B-1', 'NEAS', '30/09/2021', '111', '1', 'FFT Why?', 'The staff were kind and explained everything.'],
      ['B-2', 'NEAS', '5/31/2022', '111', '2', 'FFT Why?', 'Good care but the wait was far too long.'],
      ['B-3', 'NEAS', '12/13/2021', '111', '4', 'FFT Why?', 'The receptionist was rude.'],
      ['B-4', 'NEAS', '5/6/2022', '111', '1', 'FFT Why?', 'Which month was this?'],
    ];
    writeFileSync(fftPath, `${rows.map((row) => row.join(',')).join('\n')}\n`);

    for (const [attempt, expected] of [
      ['first', { created: 3, unchanged: 0 }],
      ['again', { created: 0, unchanged: 3 }],
    ] as const) {
      await imports.open(server.baseUrl);
      await imports.chooseFile(fftPath);
      await page.waitForURL(/\/imports\/\d+$/);
      await page.getByTestId('import-job-status').filter({ hasText: '已完成' }).waitFor();
      expect({ attempt, mappingSteps: await imports.mappingStep().count() }).toEqual({ attempt, mappingSteps: 0 });
      expect(await imports.count('responses', 'created')).toBe(expected.created);
      expect(await imports.count('responses', 'unchanged')).toBe(expected.unchanged);
      expect(await imports.count('responses', 'failed')).toBe(1);
      expect(await imports.rowErrors()).toEqual([expect.stringMatching(/^第 4 行 .*无法区分日和月 5\/6\/2022$/)]);
    }
  });

  it('discards an upload it will not run: the job and its file are gone, after a refresh too', async () => {
    await logInAsAdmin({ width: 1366, height: 900 });
    const imports = new ImportsPage(page);
    const small = join(dir, '不要的文件.csv');
    writeFileSync(small, historyCsv().split('\n').slice(0, 4).join('\n'));

    // Straight from the mapping step.
    await imports.open(server.baseUrl);
    await imports.chooseFile(small);
    await imports.mappingStep().waitFor();
    const first = Number(/\/imports\/(\d+)$/.exec(page.url())?.[1]);
    await page.getByTestId('import-discard').click();
    await page.waitForURL(/\/imports$/);
    expect((await admin.get(`/api/imports/${first}`)).status).toBe(404);

    // After a refresh, where the page asks for the file again.
    await imports.chooseFile(small);
    await imports.mappingStep().waitFor();
    const second = Number(/\/imports\/(\d+)$/.exec(page.url())?.[1]);
    await page.reload();
    await page.getByTestId('import-waiting').waitFor();
    await page.getByTestId('import-discard').click();
    await page.waitForURL(/\/imports$/);
    expect((await admin.get(`/api/imports/${second}`)).status).toBe(404);
    const history = (await admin.get<ListPage<ImportJob>>('/api/imports?page=1&pageSize=100')).body.items.map((job) => job.id);
    expect(history).not.toContain(first);
    expect(history).not.toContain(second);
  });

  it('shows the demo import, its refused rows and the FHIR department table on a phone, without sideways scrolling', async () => {
    await logInAsAdmin({ width: 390, height: 844 });
    const imports = new ImportsPage(page);
    await imports.open(server.baseUrl);
    const demo = (await admin.get<ListPage<ImportJob>>('/api/imports?page=1&pageSize=100')).body.items.find((j) => j.mappingName === '门诊月报' && j.fileName.startsWith('HIS'));
    expect(demo).toBeDefined();
    await imports.historyEntry(demo?.id ?? 0).waitFor();
    expect(await overflow(page)).toBeLessThanOrEqual(0);

    await imports.historyEntry(demo?.id ?? 0).getByRole('link').click();
    await imports.job().waitFor();
    expect(await imports.status()).toBe('已完成');
    expect(await imports.rowErrors()).toEqual([
      '第 37 行 手机号 不是有效的手机号 1391234567',
      '第 112 行 科室 未知科室 针灸推拿科',
      '第 254 行 离开时间 时间顺序有误（如离开早于签到） 2025-03-02 07:50',
      '第 301 行 就诊号 就诊号在文件中重复 V20250301-0042',
    ]);
    expect(await overflow(page)).toBeLessThanOrEqual(0);

    await page.getByTestId('import-fhir-departments-link').click();
    await page.getByTestId('fhir-departments').waitFor({ state: 'attached' });
    expect(await overflow(page)).toBeLessThanOrEqual(0);
  });

  it('imports a FHIR bundle without a mapping step, then maps its department codes in the table', async () => {
    await logInAsAdmin({ width: 1366, height: 900 });
    const imports = new ImportsPage(page);
    await imports.open(server.baseUrl);

    const bundle = readdirSync(SYNTHEA).filter((name) => name.endsWith('.json')).sort()[0];
    await imports.chooseFile(join(SYNTHEA, bundle));
    await page.waitForURL(/\/imports\/\d+$/);
    await page.waitForFunction(() => document.querySelector('[data-testid="import-job"]')?.getAttribute('data-status') === 'done', null, { timeout: 60_000 });
    expect(await imports.mappingStep().count()).toBe(0);
    expect(await imports.count('patients', 'created')).toBe(1);
    expect(await imports.count('encounters', 'created')).toBeGreaterThan(0);
    expect(await page.getByTestId('import-skipped').innerText()).toContain('Observation');
    await imports.unmappedDepartments().waitFor();

    await imports.unmappedDepartments().getByRole('link').click();
    await page.waitForURL('**/imports/fhir-departments');
    const table = new FhirDepartmentsPage(page);
    await table.unmappedRows().first().waitFor();
    const before = (await admin.get<FhirDepartmentMapping[]>('/api/fhir-department-mappings')).body;
    const unmapped = before.filter((m) => m.departmentId === null);
    expect(await table.unmappedRows().count()).toBe(unmapped.length);
    expect(await table.unmappedCount().innerText()).toContain(String(unmapped.length));

    await table.map(unmapped[0].id, '内科');
    await page.waitForFunction((id) => !document.querySelector(`[data-testid="fhir-department-${id}"]`)?.classList.contains('unmapped'), unmapped[0].id);
    const after = (await admin.get<FhirDepartmentMapping[]>('/api/fhir-department-mappings')).body;
    const internal = (await admin.get<{ id: number; code: string }[]>('/api/departments')).body.find((d) => d.code === 'internal_medicine');
    expect(after.find((m) => m.id === unmapped[0].id)?.departmentId).toBe(internal?.id);
    expect(await table.unmappedCount().innerText()).toContain(String(unmapped.length - 1));
  });
});
