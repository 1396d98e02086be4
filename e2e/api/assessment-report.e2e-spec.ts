import * as ExcelJS from 'exceljs';
import { shiftMonth, type ApiError, type ArchivedReport, type AssessmentReport, type AuditEntry, type Department, type Page, type ReportArchive, type ReportHeadline } from '@huifang/shared';
import { ApiClient } from '../support/api-client';
import { createTestDatabase, testDatabases, type TestDatabase } from '../support/databases';
import { eventually } from '../support/eventually';
import { runMaintenance } from '../support/maintenance-commands';
import { registerPatient, staffClient } from '../support/patients-fixtures';
import { pdfText } from '../support/pdf-text';
import { ADMIN_PASSWORD, startServerOn, type RunningServer } from '../support/server-process';
import { runSql } from '../support/sql';

/*
 * The monthly assessment report (issue #15) on a month built by hand, on both databases. The month
 * M is two months before today's (so the monthly schedule, which stores last month's reports at
 * start-up, leaves it to the first reader); its previous month and the same month a year earlier
 * are filled too. Waits in minutes, threshold 30 (default):
 *
 *   M, department 1:  5 10 12 14 20 25 31 40 45 70   n 10, median (rank 5) 20, p90 (rank 9) 45,
 *                     over 30: 31 40 45 70 = 4 → 40 %; bands < 15: 4, 15-30: 2, 30-60: 3, ≥ 60: 1
 *   M, department 2:  thirty visits of 10 minutes   → hospital: 40 visits, 4 over → 10 %
 *   M - 1, dept 1:    four visits of 10 minutes      median 10, over 0 %
 *   M - 12, dept 1:   two visits of 30 minutes       median 30, over 0 % (30 is not over 30)
 *   M, dept 1 answers (NPS, CSAT): (10, 5) (9, 4) (6, 2) (3, 1) → NPS (2 - 2) / 4 = 0, CSAT 2/4 = 50 %
 *
 * Funnel plot (wait over threshold): the hospital's 10 %, department 1's 40 % of n = 10:
 * √(0.1 × 0.9 / 10) = 0.0949; 99.8 % upper limit 10 + 3.090 × 9.49 = 39.3 % < 40 % → outlier (worse).
 * Department 2's 0 % of 30: the 95 % lower limit 10 - 1.96 × 5.48 < 0, clipped to 0 → inside.
 * Worsening on last month (relative to last month's figure, at least 1): over threshold +40 (40),
 * p90 +35 (3.5), median +10 (1) → the largest is the over-threshold share.
 */

const ZONE = 'Asia/Shanghai';
const today = new Date().toLocaleDateString('en-CA', { timeZone: ZONE });
const CURRENT = today.slice(0, 7);
const M = shiftMonth(CURRENT, -2);
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe.each(testDatabases())('assessment report on %s', (database) => {
  let db: TestDatabase;
  let server: RunningServer;
  let admin: ApiClient;
  let quality: ApiClient;
  let desk: ApiClient;
  let patientId: number;
  let versionId: number;
  let departments: Department[];
  const sqlite = database === 'sqlite';
  const sql = (text: string, params: unknown[] = []) => runSql(db.url, text, params);
  const instant = (day: string, minutes = 0) => {
    const at = new Date(Date.parse(`${day}T01:00:00Z`) + minutes * 60_000).toISOString();
    return sqlite ? at.replace('T', ' ').replace('Z', '') : at;
  };

  async function visit(departmentId: number, day: string, waitMinutes: number): Promise<void> {
    await sql(
      `INSERT INTO encounter (patient_id, department_id, checked_in_at, checked_in_on, called_at, finished_at, wait_seconds) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [patientId, departmentId, instant(day), day, instant(day, waitMinutes), instant(day, waitMinutes + 5), waitMinutes * 60],
    );
  }

  async function answer(departmentId: number, day: string, nps: number, csat: number): Promise<void> {
    await sql(
      `INSERT INTO survey_response (patient_id, department_id, template_version_id, submitted_at, submitted_on, nps, csat, needs_recovery, language) VALUES ($1, $2, $3, $4, $5, $6, $7, FALSE, 'zh')`,
      [patientId, departmentId, versionId, instant(day), day, nps, csat],
    );
  }

  /** Rows written behind the app's back reach the rollups through the operator's rebuild. */
  async function rebuildRollups(): Promise<void> {
    const result = await runMaintenance('rollups-rebuild', null, db.url, { HUIFANG_TIMEZONE: ZONE });
    expect(result).toEqual(expect.objectContaining({ code: 0 }));
  }

  async function start(): Promise<void> {
    server = await startServerOn(database, db);
    const anonymous = new ApiClient(server.baseUrl);
    admin = await anonymous.login('admin', ADMIN_PASSWORD);
    quality = await anonymous.login('quality', 'correct-horse-battery');
    desk = await anonymous.login('desk', 'correct-horse-battery');
  }

  async function download(client: ApiClient, path: string): Promise<{ status: number; type: string | null; disposition: string | null; body: Buffer }> {
    const response = await fetch(`${client.baseUrl}${path}`, { headers: { authorization: `Bearer ${client.token}` } });
    return { status: response.status, type: response.headers.get('content-type'), disposition: response.headers.get('content-disposition'), body: Buffer.from(await response.arrayBuffer()) };
  }

  const headline = (report: AssessmentReport, name: ReportHeadline['name']) => report.headlines.find((h) => h.name === name) as ReportHeadline;
  const reportOf = async (query: string) => quality.get<AssessmentReport>(`/api/reports/assessment?${query}`);

  beforeAll(async () => {
    db = await createTestDatabase(database);
    server = await startServerOn(database, db);
    const anonymous = new ApiClient(server.baseUrl);
    admin = await anonymous.login('admin', ADMIN_PASSWORD);
    quality = await staffClient(admin, anonymous, 'quality', 'quality_manager');
    desk = await staffClient(admin, anonymous, 'desk', 'front_desk');
    departments = (await admin.get<Department[]>('/api/departments')).body.sort((a, b) => a.id - b.id);
    patientId = (await registerPatient(desk, { name: '评估患者' })).id;
    [{ id: versionId }] = (await sql('SELECT id FROM survey_template_version ORDER BY id LIMIT 1')) as { id: number }[];

    const day = (month: string, d: number) => `${month}-${String(d).padStart(2, '0')}`;
    for (const [i, wait] of [5, 10, 12, 14, 20, 25, 31, 40, 45, 70].entries()) await visit(1, day(M, 3 + i), wait);
    for (let i = 0; i < 30; i += 1) await visit(2, day(M, 1 + (i % 28)), 10);
    for (let i = 0; i < 4; i += 1) await visit(1, day(shiftMonth(M, -1), 5 + i), 10);
    for (let i = 0; i < 2; i += 1) await visit(1, day(shiftMonth(M, -12), 5 + i), 30);
    for (const [nps, csat] of [[10, 5], [9, 4], [6, 2], [3, 1]]) await answer(1, day(M, 15), nps, csat);
    await rebuildRollups();

    // Targets (department 1's own wait median, the hospital's NPS, which department 1 falls back to) and
    // an action of department 1 started in M: ten waits cannot carry a verdict (n < 30 → too_few).
    const put = (body: Record<string, unknown>) => admin.request('PUT', '/api/indicator-targets', body);
    expect((await put({ indicator: 'wait_median', departmentId: 1, comparator: 'at_most', value: 15 })).status).toBe(200);
    expect((await put({ indicator: 'nps', departmentId: null, comparator: 'at_least', value: 50 })).status).toBe(200);
    const me = (await quality.get<{ id: number }>('/api/auth/me')).body;
    const created = await quality.post('/api/improvement-actions', { title: '内科上午分时段预约', departmentId: 1, ownerUserId: me.id, indicator: 'wait_median', startDate: day(M, 10) });
    expect(created.status).toBe(201);
    // An action on a comment theme's share: the report names the theme, not its key.
    const onTheme = await quality.post('/api/improvement-actions', { title: '停车指引', departmentId: 1, ownerUserId: me.id, indicator: 'theme_share:parking_transport', betterDirection: 'lower', startDate: day(M, 12) });
    expect(onTheme.status).toBe(201);
  }, 180_000);
  afterAll(() => server?.stop());

  it('works the month out by hand: headlines with last month and last year, the wait bands, satisfaction, "no data" sections, findings with n', async () => {
    const response = await reportOf(`month=${M}&departmentId=1`);
    expect(response.status).toBe(200);
    const report = response.body;
    expect(report).toEqual(
      expect.objectContaining({ month: M, departmentId: 1, departmentName: departments[0].name, provisional: false, stored: true, previousMonth: shiftMonth(M, -1), lastYearMonth: shiftMonth(M, -12) }),
    );
    expect(report.generatedBy).toEqual({ id: expect.any(Number), name: expect.any(String) });
    expect(headline(report, 'waitMedian')).toEqual(
      expect.objectContaining({ value: 20, n: 10, previousMonth: { value: 10, n: 4 }, lastYear: { value: 30, n: 2 }, changeFromPreviousMonth: 10, changeFromLastYear: -10, betterDirection: 'lower', indicator: 'wait_median' }),
    );
    expect(headline(report, 'waitP90')).toEqual(expect.objectContaining({ value: 45, n: 10, previousMonth: { value: 10, n: 4 } }));
    expect(headline(report, 'waitOverThreshold')).toEqual(expect.objectContaining({ value: 40, n: 10, previousMonth: { value: 0, n: 4 }, lastYear: { value: 0, n: 2 }, changeFromPreviousMonth: 40 }));
    expect(headline(report, 'nps')).toEqual(expect.objectContaining({ value: 0, n: 4, previousMonth: { value: null, n: 0 }, changeFromPreviousMonth: null }));
    expect(headline(report, 'csat')).toEqual(expect.objectContaining({ value: 50, n: 4 }));
    expect(headline(report, 'waitMedian').target).toEqual({ comparator: 'at_most', value: 15, met: false });
    expect(headline(report, 'nps').target).toEqual({ comparator: 'at_least', value: 50, met: false });
    expect(headline(report, 'csat').target).toBeNull();
    expect(report.actions).toHaveLength(2);
    expect(report.actions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ title: '内科上午分时段预约', departmentId: 1, indicator: 'wait_median', startDate: `${M}-10`, status: 'planned', verdict: 'too_few' }),
        expect.objectContaining({ title: '停车指引', indicator: 'theme_share:parking_transport', themeName: { zh: '停车与交通', en: 'Parking & transport' } }),
      ]),
    );
    // A figure with nothing counted is null with its n of 0, never 0.
    expect(headline(report, 'churnRate')).toEqual(expect.objectContaining({ value: null, n: 0 }));

    expect(report.waitDistribution).toEqual({
      n: 10,
      median: 20,
      p90: 45,
      mean: 27.2,
      bands: [
        { band: 'under_15', n: 4, share: 40 },
        { band: '15_30', n: 2, share: 20 },
        { band: '30_60', n: 3, share: 30 },
        { band: 'over_60', n: 1, share: 10 },
      ],
    });
    expect(report.satisfaction?.nps).toEqual({ value: 0, n: 4, promoters: 2, passives: 0, detractors: 2 });
    expect(report.satisfaction?.csat).toEqual(expect.objectContaining({ value: 50, n: 4 }));
    // Sections without data this month say so (null), never zeros.
    expect(report.churn).toBeNull();
    expect(report.followUp).toBeNull();
    expect(report.lifecycleFlow).toBeNull();
    expect(report.detractorThemes).toBeNull();

    expect(report.findings[0]).toEqual({ kind: 'largest_worsening', headline: 'waitOverThreshold', value: 40, n: 10, previous: { value: 0, n: 4 }, change: 40 });
    expect(report.findings.filter((f) => f.kind === 'worsened').map((f) => f.headline)).toEqual(['waitP90', 'waitMedian']);
    expect(report.findings).toContainEqual(
      expect.objectContaining({ kind: 'department_outlier', headline: 'waitOverThreshold', departmentId: 1, value: 40, n: 10, hospitalValue: 10, limit: '99.8', side: 'worse' }),
    );
    expect(report.findings.filter((f) => f.kind === 'department_outlier' && f.departmentId !== 1)).toEqual([]);
    expect(report.findings.filter((f) => f.kind === 'target_missed')).toEqual([
      { kind: 'target_missed', headline: 'waitMedian', value: 20, n: 10, target: { comparator: 'at_most', value: 15 } },
      { kind: 'target_missed', headline: 'nps', value: 0, n: 4, target: { comparator: 'at_least', value: 50 } },
    ]);
  });

  it('the whole hospital: its own figures, and the funnel-plot outlier among the departments', async () => {
    const report = (await reportOf(`month=${M}&departmentId=`)).body;
    expect(report).toEqual(expect.objectContaining({ departmentId: null, departmentName: null, month: M }));
    expect(headline(report, 'waitMedian')).toEqual(expect.objectContaining({ value: 10, n: 40 }));
    expect(headline(report, 'waitP90')).toEqual(expect.objectContaining({ value: 25, n: 40 }));
    expect(headline(report, 'waitOverThreshold')).toEqual(expect.objectContaining({ value: 10, n: 40 }));
    const outliers = report.findings.filter((f) => f.kind === 'department_outlier');
    expect(outliers).toEqual([expect.objectContaining({ departmentId: 1, departmentName: departments[0].name, headline: 'waitOverThreshold', n: 10, limit: '99.8' })]);
  });

  it('a month without any data says so section by section', async () => {
    const empty = shiftMonth(M, -6);
    const report = (await reportOf(`month=${empty}&departmentId=3`)).body;
    expect(report.headlines.every((h) => h.value === null && h.n === 0)).toBe(true);
    expect([report.waitDistribution, report.satisfaction, report.churn, report.followUp, report.lifecycleFlow, report.detractorThemes]).toEqual([null, null, null, null, null, null]);
    expect(report.findings).toEqual([]);
    expect(report.actions).toEqual([]);
    // The hospital's NPS target applies, but there is no figure to judge.
    expect(headline(report, 'nps').target).toEqual({ comparator: 'at_least', value: 50, met: null });
  });

  it('is frozen once stored: later data change nothing until an explicit, audited regenerate', async () => {
    const first = (await reportOf(`month=${M}&departmentId=1`)).body;
    await visit(1, `${M}-20`, 100);
    await rebuildRollups();
    const again = (await reportOf(`month=${M}&departmentId=1`)).body;
    expect(again).toEqual(first);
    expect(headline(again, 'waitMedian').n).toBe(10);

    const regenerated = await quality.post<AssessmentReport>('/api/reports/assessment/regenerate', { month: M, departmentId: 1 });
    expect(regenerated.status).toBe(200);
    // Eleven waits now: rank ceil(5.5) = 6 → 25 minutes; five over 30 of 11 = 45.5 %.
    expect(headline(regenerated.body, 'waitMedian')).toEqual(expect.objectContaining({ value: 25, n: 11 }));
    expect(headline(regenerated.body, 'waitOverThreshold').value).toBe(45.5);
    expect(regenerated.body.generatedAt > first.generatedAt).toBe(true);
    const served = (await reportOf(`month=${M}&departmentId=1`)).body;
    expect(served).toEqual(expect.objectContaining({ generatedAt: regenerated.body.generatedAt, stored: true }));
    expect(headline(served, 'waitMedian').n).toBe(11);

    const audit = await admin.get<Page<AuditEntry>>('/api/audit-log?action=report.regenerate');
    expect(audit.body.items).toEqual([expect.objectContaining({ action: 'report.regenerate', entityType: 'assessment_report', detail: JSON.stringify({ month: M, departmentId: 1 }) })]);
    // The hospital's report was stored before the new visit and keeps its figures.
    expect(headline((await reportOf(`month=${M}`)).body, 'waitMedian').n).toBe(40);
  });

  it('the current month is provisional: figures so far, never stored, not in the archive, not regenerated', async () => {
    const report = (await reportOf(`month=${CURRENT}`)).body;
    expect(report).toEqual(expect.objectContaining({ month: CURRENT, provisional: true, stored: false, to: today }));
    const archive = (await quality.get<ReportArchive>('/api/reports/assessment/archive')).body;
    expect(archive.items.filter((item) => item.month === CURRENT)).toEqual([]);
    const refused = await quality.post<ApiError>('/api/reports/assessment/regenerate', { month: CURRENT });
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('report.month_open');
  });

  it('the schedule stores last month’s reports (hospital and every department) once: again at a restart, nothing changes', async () => {
    const last = shiftMonth(CURRENT, -1);
    const scheduled = async () => ((await quality.get<ReportArchive>('/api/reports/assessment/archive')).body.items as ArchivedReport[]).filter((i) => i.month === last);
    await eventually(scheduled, (items) => expect(items).toHaveLength(departments.length + 1), 60_000);
    const before = await scheduled();
    expect(before.every((item) => item.generatedBy === null)).toBe(true);
    expect(before.map((item) => item.departmentId)).toEqual([null, ...departments.map((d) => d.id).sort((a, b) => a - b)]);

    await server.stopKeepingDatabase();
    await start();
    await new Promise((resolve) => setTimeout(resolve, 5_000)); // the schedule's first look, 3 s after start-up
    expect(await scheduled()).toEqual(before);
    expect(server.output()).not.toMatch(/monthly reports failed/);
  }, 120_000);

  if (database === 'postgres') {
    it('two instances starting together store each of last month’s reports once', async () => {
      await sql(`DELETE FROM assessment_report WHERE month = $1`, [shiftMonth(CURRENT, -1)]);
      await server.stopKeepingDatabase();
      const [a, b] = await Promise.all([startServerOn(database, db), startServerOn(database, db)]);
      try {
        await eventually(
          () => sql(`SELECT department_id, COUNT(*) AS n FROM assessment_report WHERE month = $1 GROUP BY department_id ORDER BY department_id`, [shiftMonth(CURRENT, -1)]),
          (rows) => expect(rows).toEqual([0, ...departments.map((d) => d.id)].map((id) => ({ department_id: id, n: '1' }))),
          60_000,
        );
        await new Promise((resolve) => setTimeout(resolve, 3_000));
        expect(Number(((await sql(`SELECT COUNT(*) AS n FROM assessment_report WHERE month = $1`, [shiftMonth(CURRENT, -1)])) as { n: string }[])[0].n)).toBe(departments.length + 1);
      } finally {
        await b.stopKeepingDatabase();
        await a.stopKeepingDatabase();
      }
      await start();
    }, 180_000);
  }

  it('prints the report as a PDF with the department’s name in its text, and as a workbook with a sheet per section', async () => {
    const pdf = await download(quality, `/api/reports/assessment?month=${M}&departmentId=1&format=pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe('application/pdf');
    expect(pdf.disposition).toBe(`attachment; filename="assessment-report_${M}_department-1.pdf"`);
    expect(pdf.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { pages, text } = await pdfText(pdf.body);
    expect(pages).toBeGreaterThan(5);
    expect(text).toContain(departments[0].name);
    expect(text).toContain('客户关系现状评估报告');
    expect(text).toContain('本月无数据');

    const xlsx = await download(quality, `/api/reports/assessment?month=${M}&departmentId=1&format=xlsx&lang=en`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.type).toBe(XLSX);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual([
      'Cover',
      'Headline indicators',
      'Wait-time distribution',
      'Satisfaction',
      'Churn',
      'Follow-up performance',
      'Lifecycle flow',
      expect.stringMatching(/^Detractors’ comment themes/),
      'Relationship phases and custome',
      'Improvement actions',
      'Findings',
    ]);
    const cover = book.getWorksheet('Cover');
    expect(cover?.getRow(3).values).toEqual([undefined, 'Department', departments[0].nameEn]);
    expect(book.getWorksheet('Churn')?.getRow(1).values).toEqual([undefined, 'No data for this month']);
    const actionRows = [2, 3].map((row) => book.getWorksheet('Improvement actions')?.getRow(row).values as unknown[]);
    expect(actionRows).toEqual(
      expect.arrayContaining([
        expect.arrayContaining(['内科上午分时段预约', departments[0].name, 'Median wait', 'Planned', `${M}-10`, 'too few answers to tell (n < 30)']),
        expect.arrayContaining(['停车指引', 'Comment theme share: Parking & transport']),
      ]),
    );
    const waits = book.getWorksheet('Wait-time distribution');
    // Since the regenerate, eleven waits: 4 of 11 under 15 minutes = 36.4 %.
    expect(waits?.getRow(2).values).toEqual([undefined, '< 15 min', 4, 36.4]);

    const exports = await admin.get<Page<AuditEntry>>('/api/audit-log?action=indicators.export');
    expect(exports.body.items.filter((e) => e.entityType === 'assessment_report')).toHaveLength(2);
  }, 120_000);

  it('refuses bad input with a typed code naming the field, and the front desk', async () => {
    const refused = async (query: string, code: string, field?: string) => {
      const response = await quality.get<ApiError>(`/api/reports/assessment?${query}`);
      expect({ query, status: response.status, code: response.body.code }).toEqual({ query, status: 400, code });
      expect(JSON.stringify(response.body.message)).toContain(field ?? code);
    };
    await refused('month=2026-13', 'report.month_invalid', 'month');
    await refused('month=26-10', 'report.month_invalid', 'month');
    // NUL bytes are refused for every field before the report looks at it (core/http).
    await refused(`month=${encodeURIComponent('2026-10\u0000')}`, 'validation.failed', 'month');
    await refused(`month=${shiftMonth(CURRENT, 1)}`, 'report.month_in_future', 'month');
    await refused(`month=${M}&departmentId=99999`, 'report.unknown_department', 'departmentId');
    await refused(`month=${M}&departmentId=abc`, 'validation.failed', 'departmentId');
    await refused(`month=${M}&departmentId=99999999999`, 'validation.failed', 'departmentId');
    await refused(`month=${M}&format=docx`, 'report.format_invalid', 'format');
    await refused(`departmentId=1`, 'validation.failed', 'month');
    await refused(`month=${'9'.repeat(100)}`, 'validation.failed', 'month');
    const regenerate = await quality.post<ApiError>('/api/reports/assessment/regenerate', { month: '2026/10' });
    expect([regenerate.status, regenerate.body.code]).toEqual([400, 'report.month_invalid']);
    const unknown = await quality.post<ApiError>('/api/reports/assessment/regenerate', { month: M, departmentId: 99999 });
    expect([unknown.status, unknown.body.code]).toEqual([400, 'report.unknown_department']);

    for (const path of [`/api/reports/assessment?month=${M}`, '/api/reports/assessment/archive']) expect((await desk.get(path)).status).toBe(403);
    expect((await desk.post('/api/reports/assessment/regenerate', { month: M })).status).toBe(403);
    expect((await admin.get(`/api/reports/assessment?month=${M}`)).status).toBe(200);
  });
});
