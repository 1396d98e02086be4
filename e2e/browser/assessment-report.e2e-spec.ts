import * as ExcelJS from 'exceljs';
import { DEMO_PASSWORD, shiftMonth, type AssessmentReport, type Department } from '@huifang/shared';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ApiClient } from '../support/api-client';
import { describeInBrowser, launchChromium } from '../support/chromium';
import { eventually } from '../support/eventually';
import { pdfText } from '../support/pdf-text';
import { startDemoServer, type RunningServer } from '../support/server-process';
import { ConfirmDialog } from './pages/confirm-dialog.page';
import { LoginPage } from './pages/login.page';
import { ReportPage } from './pages/report.page';
import { ShellPage } from './pages/shell.page';

/*
 * The monthly assessment report (issue #15) on the demo data: a quality manager opens last month's
 * report from the navigation, picks a department, reads the figures the API gives for the same
 * report, downloads the PDF (a PDF whose text holds the department's name, in English and, after
 * switching the language, in Chinese: the server's Chromium needs a CJK font) and the Excel
 * workbook, opens another month, and regenerates the report after confirming. Months are counted
 * from today in the hospital's zone, so the time of day does not matter.
 */
describeInBrowser('assessment report in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let quality: ApiClient;
  let department: Department;
  const lastMonth = shiftMonth(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()).slice(0, 7), -1);

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer('sqlite'), launchChromium()]);
    quality = await new ApiClient(server.baseUrl).login('quality', DEMO_PASSWORD);
    department = (await quality.get<Department[]>('/api/departments')).body.sort((a, b) => a.id - b.id)[0];
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  beforeEach(async () => {
    context = await browser.newContext({ locale: 'en-US', viewport: { width: 1366, height: 900 }, acceptDownloads: true });
    page = await context.newPage();
  });
  afterEach(() => context?.close());

  it('opens last month’s report of a department, downloads its PDF and Excel file, opens another month and regenerates', async () => {
    const login = new LoginPage(page);
    await login.open(server.baseUrl);
    await login.logIn('quality', DEMO_PASSWORD);
    await page.waitForURL('**/dashboard**');
    await new ShellPage(page).navLink('reports').click();
    await page.waitForURL('**/reports**');
    const report = new ReportPage(page);
    await eventually(() => report.scope().innerText(), (text) => expect(text).toBe(`${lastMonth} · Whole hospital`), 60_000);

    await report.chooseDepartment(department.id);
    await eventually(() => report.scope().innerText(), (text) => expect(text).toBe(`${lastMonth} · ${department.nameEn}`), 60_000);
    const shown = (await quality.get<AssessmentReport>(`/api/reports/assessment?month=${lastMonth}&departmentId=${department.id}`)).body;
    expect(shown.stored).toBe(true);
    const median = shown.headlines.find((h) => h.name === 'waitMedian');
    if (median && median.n > 0) {
      await eventually(() => report.headline('waitMedian').innerText(), (text) => expect(text).toContain(`n = ${median.n}`));
    }
    for (const section of ['wait', 'satisfaction', 'churn', 'follow-up', 'flow', 'themes', 'relationship', 'actions', 'findings']) {
      await report.section(section).waitFor();
    }

    const pdf = await report.download('pdf');
    expect(pdf.name).toBe(`assessment-report_${lastMonth}_department-${department.id}.pdf`);
    expect(pdf.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect((await pdfText(pdf.body)).text).toContain(department.nameEn);

    const xlsx = await report.download('xlsx');
    expect(xlsx.name).toBe(`assessment-report_${lastMonth}_department-${department.id}.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(expect.arrayContaining(['Cover', 'Headline indicators', 'Wait-time distribution', 'Improvement actions', 'Findings']));
    expect(book.getWorksheet('Cover')?.getRow(3).values).toEqual([undefined, 'Department', department.nameEn]);

    // In Chinese, the PDF prints the department's Chinese name (a CJK font on the server).
    await new ShellPage(page).switchLanguage();
    await eventually(() => report.scope().innerText(), (text) => expect(text).toBe(`${lastMonth} · ${department.name}`));
    expect((await pdfText((await report.download('pdf')).body)).text).toContain(department.name);

    // Another month: the URL and the report follow.
    const earlier = shiftMonth(lastMonth, -1);
    await report.chooseMonth(earlier);
    await eventually(() => report.scope().innerText(), (text) => expect(text).toBe(`${earlier} · ${department.name}`), 60_000);
    expect(new URL(page.url()).searchParams.get('month')).toBe(earlier);

    // Regenerate, after confirming: a new report, generated now by the quality manager.
    type Archive = { items: { month: string; departmentId: number | null; generatedAt: string; generatedBy: { name: string } | null }[] };
    const stored = async () => (await quality.get<Archive>('/api/reports/assessment/archive')).body.items.find((i) => i.month === earlier && i.departmentId === department.id);
    const before = await stored();
    expect(before).toBeDefined();
    await page.getByTestId('report-regenerate').click();
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'confirm-cancel');
    await new ConfirmDialog(page).confirm();
    await page.getByText('报告已重新生成。').waitFor();
    const after = await stored();
    expect(after?.generatedAt && before?.generatedAt && after.generatedAt > before.generatedAt).toBe(true);
    const me = (await quality.get<{ displayName: string }>('/api/auth/me')).body;
    expect(after?.generatedBy?.name).toBe(me.displayName);
    await eventually(() => report.generated().innerText(), (text) => expect(text).toContain(me.displayName));
  }, 240_000);
});
