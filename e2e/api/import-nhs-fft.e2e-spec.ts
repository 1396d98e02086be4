import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import * as ExcelJS from 'exceljs';
import type {
  DrillDownRow,
  ImportJob,
  ImportRowError,
  IndicatorSeries,
  IndicatorSummary,
  Page,
  SurveyResponseSummary,
  SurveyTemplate,
  ThemeTrend,
} from '@huifang/shared';
import { ApiClient } from '../support/api-client';
import { testDatabases } from '../support/databases';
import { uploadImport, waitForImport } from '../support/imports-fixtures';
import { ADMIN_PASSWORD, REPO_ROOT, startServer, type RunningServer } from '../support/server-process';
import { runSql } from '../support/sql';

/*
 * Historical feedback (issue #13, item 5): an NHS Friends and Family Test comments CSV through the
 * import pipeline (upload → run → poll → row errors), each row an anonymous survey response with its
 * FFT answer and its comment tagged as a submitted one is; importing it again adds nothing.
 */

const HEADER = ['Comment ID', 'Trust', 'Date', 'Service type 1', 'FFT categorical answer', 'FFT question', 'FFT answer'];
/** Rows 1-8 are good (mixed date spellings, codes 1-7, a comment with a line break); 9-16 each have one fault. */
const ROWS = [
  ['T-1', 'NEAS', '30/09/2021', '111', '1', 'FFT Why?', 'The staff were kind and the ambulance came on time.'],
  ['T-2', 'NEAS', '5/31/2022', '111', '2', 'FFT Why?', 'Good service but the wait was far too long.'],
  ['T-3', 'NHFT', '01/02/2022', 'Forensic', '3', 'What was good?', 'Did not answer'],
  ['T-4', 'NHFT', '2022-03-04', 'Forensic', '4', 'What could we do better?', 'Parking was impossible and nobody told us anything.'],
  ['T-5', 'NEAS', '12/13/2021', '111', '5', 'FFT Why?', 'The receptionist was rude.'],
  ['T-6', 'NEAS', '07/07/2021', '111', '6', 'FFT Why?', ''],
  ['T-7', 'NEAS', '15/08/2021', '111', '7', 'FFT Why?', 'Thank you'],
  ['T-8', 'NHFT', '20/10/2021', 'Forensic', '1', 'What was good?', 'Lovely nurses.\nThey listened.'],
  ['T-9', 'NEAS', '5/6/2022', '111', '1', 'FFT Why?', 'ambiguous day and month'],
  ['T-10', 'NEAS', '31/02/2022', '111', '2', 'FFT Why?', 'no such day'],
  ['T-11', 'NEAS', '10/10/2021', '111', '8', 'FFT Why?', 'code out of range'],
  ['', 'NEAS', '10/10/2021', '111', '1', 'FFT Why?', 'no id'],
  ['T-13', 'NEAS', '10/10/2021', '111', '1', 'FFT Why?', 'x'.repeat(2001)],
  ['T-14', 'NEAS', '10/10/2021', '111', '1', 'FFT Why?', 'nul\u0000byte'],
  ['T-1', 'NEAS', '10/10/2021', '111', '2', 'FFT Why?', 'the first row again'],
  ['T-16', 'NEAS', '10/10/2021', '111', '', 'FFT Why?', 'no answer code'],
];
const BAD_ROWS: Pick<ImportRowError, 'row' | 'field' | 'problem'>[] = [
  { row: 9, field: 'Date', problem: 'ambiguous_date' },
  { row: 10, field: 'Date', problem: 'bad_date' },
  { row: 11, field: 'FFT categorical answer', problem: 'bad_answer' },
  { row: 12, field: 'Comment ID', problem: 'missing_field' },
  { row: 13, field: 'FFT answer', problem: 'too_long' },
  { row: 14, field: 'FFT answer', problem: 'control_characters' },
  { row: 15, field: 'Comment ID', problem: 'duplicate_id' },
  { row: 16, field: 'FFT categorical answer', problem: 'missing_field' },
];
/*
 * The FFT figure of rows 1-8, worked out by hand: row 7 is code 7 (other / unlabelled), no answer;
 * answers 1-6 are rows 1, 2, 3, 4, 5, 6, 8 (n = 7): positive (very good, good) rows 1, 2, 8 = 3,
 * negative (poor, very poor) rows 4, 5 = 2, don't know row 6 = 1. % positive = 3 / 7 = 42.857… → 42.9
 * (don't know stays in the denominator). None of it is an NPS answer.
 */
const FFT = { value: 42.9, n: 7, positive: 3, negative: 2, dontKnow: 1 };
/** Comments: rows 1, 2, 4, 5, 7, 8 (row 3's "Did not answer" and row 6's empty box are none). */
const COMMENTS = 6;
const PERIOD = 'from=2021-01-01&to=2022-12-31';
const REAL_FILE = join(__dirname, '../../../shared/data/feedback/nhs_fft_comments.csv');

function csv(rows: string[][]): string {
  const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  return [HEADER, ...rows].map((row) => row.map(quote).join(',')).join('\r\n') + '\r\n';
}

async function runJob(client: ApiClient, jobId: number): Promise<ImportJob> {
  const started = await client.post<ImportJob>(`/api/imports/${jobId}/run`, {});
  expect(started.status).toBe(202);
  const job = await waitForImport(client, jobId, 180_000);
  expect(job.status).toBe('done');
  return job;
}

async function importCsv(client: ApiClient, name: string, content: string, fields: Record<string, string> = {}): Promise<ImportJob> {
  const upload = await uploadImport(client, name, content, fields);
  expect(upload.status).toBe(201);
  expect(upload.body.job.format).toBe('nhs_fft');
  return runJob(client, upload.body.job.id);
}

async function rowErrors(client: ApiClient, jobId: number): Promise<Pick<ImportRowError, 'row' | 'field' | 'problem'>[]> {
  const response = await client.get<Page<ImportRowError>>(`/api/imports/${jobId}/errors?pageSize=100`);
  expect(response.status).toBe(200);
  return response.body.items.map(({ row, field, problem }) => ({ row, field, problem }));
}

describe.each(testDatabases())('NHS FFT feedback import on %s', (database) => {
  let server: RunningServer;
  let admin: ApiClient;

  beforeAll(async () => {
    server = await startServer(database);
    admin = await new ApiClient(server.baseUrl).login('admin', ADMIN_PASSWORD);
  });
  afterAll(async () => {
    await server?.stop();
  });

  const count = async (sql: string) => Number(((await runSql(server.databaseUrl, sql)) as { n: number | string }[])[0].n);

  it('recognises a dropped .csv by its headers, stores the good rows as anonymous responses and reports the bad ones by row', async () => {
    const upload = await uploadImport(admin, 'fft.csv', csv(ROWS));
    expect(upload.status).toBe(201);
    expect(upload.body.job.format).toBe('nhs_fft');
    expect(upload.body.columns).toEqual(HEADER);
    expect(upload.body.suggestedMapping).toEqual({});

    const job = await runJob(admin, upload.body.job.id);
    expect(job.rowsDone).toBe(16);
    expect(job.summary?.responses).toEqual({ created: 8, updated: 0, unchanged: 0, failed: 8 });
    expect(job.summary?.patients).toEqual({ created: 0, updated: 0, unchanged: 0, failed: 0 });
    expect(job.summary?.errorCount).toBe(8);
    expect(await rowErrors(admin, job.id)).toEqual(BAD_ROWS);

    const stored = (await runSql(
      server.databaseUrl,
      `SELECT import_key, submitted_on, fft, nps, csat, comment, patient_id, encounter_id, invitation_id, needs_recovery, comment_sentiment
         FROM survey_response ORDER BY import_key`,
    )) as Record<string, unknown>[];
    expect(stored.map((r) => [r['import_key'], r['submitted_on'], r['fft'] === null ? null : Number(r['fft'])])).toEqual([
      ['nhs_fft:T-1', '2021-09-30', 1],
      ['nhs_fft:T-2', '2022-05-31', 2],
      ['nhs_fft:T-3', '2022-02-01', 3],
      ['nhs_fft:T-4', '2022-03-04', 4],
      ['nhs_fft:T-5', '2021-12-13', 5],
      ['nhs_fft:T-6', '2021-07-07', 6],
      ['nhs_fft:T-7', '2021-08-15', null],
      ['nhs_fft:T-8', '2021-10-20', 1],
    ]);
    for (const row of stored) {
      expect([row['patient_id'], row['encounter_id'], row['invitation_id'], row['nps'], row['csat']]).toEqual([null, null, null, null, null]);
      expect(Boolean(row['needs_recovery'])).toBe(false);
    }
    expect(stored.find((r) => r['import_key'] === 'nhs_fft:T-3')?.['comment']).toBeNull();
    expect(stored.find((r) => r['import_key'] === 'nhs_fft:T-8')?.['comment']).toBe('Lovely nurses.\nThey listened.');
    // Tagged on the way, as a submitted comment: a sentiment on every comment, themes where found.
    expect(stored.filter((r) => r['comment'] !== null).every((r) => r['comment_sentiment'] !== null)).toBe(true);
    expect(await count("SELECT COUNT(*) AS n FROM response_theme t JOIN survey_response r ON r.id = t.response_id WHERE r.import_key = 'nhs_fft:T-4' AND t.theme_key = 'parking_transport'")).toBe(1);
    // The FFT answer and the comment as answers of the FFT template's version 1.
    expect(await count("SELECT COUNT(*) AS n FROM survey_answer WHERE question_id = 'fft' AND kind = 'choice'")).toBe(7);
    expect(await count("SELECT COUNT(*) AS n FROM survey_answer WHERE question_id = 'comment' AND kind = 'text'")).toBe(COMMENTS);
    const templates = await admin.get<SurveyTemplate[]>('/api/survey-templates');
    const fft = templates.body.find((t) => t.name.en.startsWith('NHS Friends and Family Test'));
    expect(fft?.versions.map((v) => [v.version, v.status, v.questions.map((q) => q.id), v.responseCount])).toEqual([[1, 'published', ['fft', 'comment'], 8]]);
  });

  it('adds nothing when the same file is imported again, and reports the same bad rows', async () => {
    const before = await count('SELECT COUNT(*) AS n FROM survey_response');
    const job = await importCsv(admin, 'fft-again.csv', csv(ROWS), { format: 'nhs_fft' });
    expect(job.summary?.responses).toEqual({ created: 0, updated: 0, unchanged: 8, failed: 8 });
    expect(await rowErrors(admin, job.id)).toEqual(BAD_ROWS);
    expect(await count('SELECT COUNT(*) AS n FROM survey_response')).toBe(before);
    expect(await count('SELECT COUNT(*) AS n FROM survey_answer')).toBe(7 + COMMENTS);
    expect(await count("SELECT COUNT(*) AS n FROM survey_template WHERE code = 'nhs_fft'")).toBe(1);
  });

  it('recognises the same export saved as .xlsx (dates as Excel dates or text): nothing added again, bad rows reported by row', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('FFT');
    sheet.addRow(HEADER);
    // Rows 1-8 as before, row 1's and row 4's dates real Excel dates (wall clock in the UTC fields), then two bad rows.
    const asExcelDate: Record<string, Date> = { 'T-1': new Date(Date.UTC(2021, 8, 30)), 'T-4': new Date(Date.UTC(2022, 2, 4)) };
    for (const row of ROWS.slice(0, 8)) sheet.addRow(row.map((cell, index) => (index === 2 && asExcelDate[row[0]] ? asExcelDate[row[0]] : cell)));
    sheet.addRow(ROWS[8]); // ambiguous day and month, as text
    sheet.addRow(ROWS[10]); // answer code 8
    const upload = await uploadImport(admin, 'fft-export.xlsx', new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(upload.status).toBe(201);
    expect(upload.body.job.format).toBe('nhs_fft');
    expect(upload.body.columns).toEqual(HEADER);
    const before = await count('SELECT COUNT(*) AS n FROM survey_response');
    const job = await runJob(admin, upload.body.job.id);
    expect(job.summary?.responses).toEqual({ created: 0, updated: 0, unchanged: 8, failed: 2 });
    expect(await rowErrors(admin, job.id)).toEqual([
      { row: 9, field: 'Date', problem: 'ambiguous_date' },
      { row: 10, field: 'FFT categorical answer', problem: 'bad_answer' },
    ]);
    expect(await count('SELECT COUNT(*) AS n FROM survey_response')).toBe(before);
  });

  it('imports from the command line with --format nhs_fft: the same rows unchanged, exit 1 for the bad ones', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nhs-fft-'));
    try {
      const file = join(dir, 'fft.csv');
      writeFileSync(file, csv(ROWS));
      const child = spawn(process.execPath, [join(REPO_ROOT, 'dist', 'server', 'import.js'), file, '--format', 'nhs_fft'], {
        cwd: REPO_ROOT,
        env: { PATH: process.env['PATH'] ?? '', DATABASE_URL: server.databaseUrl, HUIFANG_ADMIN_PASSWORD: 'unused-admin-password' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      child.stdout?.on('data', (chunk) => (stdout += chunk));
      const [code] = (await once(child, 'exit')) as [number | null];
      expect(code).toBe(1);
      expect(stdout).toContain('responses:  0 created, 0 updated, 8 unchanged, 8 failed');
      expect(stdout).not.toContain('patients:');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('counts FFT % positive in the satisfaction figures and the summary, never as NPS', async () => {
    // By department: all of it in the one imported feedback goes to (the unmapped department).
    const series = await admin.get<IndicatorSeries<'satisfaction'>>(`/api/indicators/satisfaction?${PERIOD}&groupBy=department`);
    expect(series.status).toBe(200);
    const withFft = series.body.points.filter((p) => p.fft.n > 0);
    expect(withFft).toHaveLength(1);
    const [all] = withFft;
    expect(all.fft).toEqual(FFT);
    expect(all.nps.n).toBe(0);
    expect(all.csat.n).toBe(0);
    expect(all.n).toBe(8);
    const months = await admin.get<IndicatorSeries<'satisfaction'>>(`/api/indicators/satisfaction?${PERIOD}&groupBy=month`);
    // One answer a month: rows 6 (don't know), 1, 8, 5, 3, 4, 2; positive only the very good and good ones.
    expect(months.body.points.filter((p) => p.fft.n > 0).map((p) => [p.key, p.fft.value, p.fft.n])).toEqual([
      ['2021-07', 0, 1],
      ['2021-09', 100, 1],
      ['2021-10', 100, 1],
      ['2021-12', 0, 1],
      ['2022-02', 0, 1],
      ['2022-03', 0, 1],
      ['2022-05', 100, 1],
    ]);
    const summary = await admin.get<IndicatorSummary>(`/api/indicators/summary?${PERIOD}`);
    expect(summary.body.headlines.fftPositive).toMatchObject({ value: 42.9, n: 7 });
    expect(summary.body.headlines.nps).toMatchObject({ value: null, n: 0 });
  });

  it('lists, searches, drills into and themes the imported comments though they have no patient', async () => {
    const list = await admin.get<Page<SurveyResponseSummary>>(`/api/survey-responses?${PERIOD}&pageSize=50`);
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(8);
    expect(list.body.items.every((r) => r.patientId === null && r.encounterId === null && r.patientName === '')).toBe(true);
    expect(list.body.items.map((r) => r.fft).sort()).toEqual([1, 1, 2, 3, 4, 5, 6, null].sort());
    const search = await admin.get<Page<SurveyResponseSummary>>(`/api/survey-responses?${PERIOD}&q=parking`);
    expect(search.body.items.map((r) => r.comment)).toEqual(['Parking was impossible and nobody told us anything.']);
    const drill = await admin.get<Page<DrillDownRow>>(`/api/indicators/satisfaction/patients?${PERIOD}&segment=all`);
    expect(drill.status).toBe(200);
    expect(drill.body.total).toBe(8);
    expect(drill.body.items.every((r) => r.patientId === null && r.stage === null && r.status === null)).toBe(true);
    const csv = await fetch(`${server.baseUrl}/api/indicators/satisfaction/patients.csv?${PERIOD}&segment=all`, { headers: { authorization: `Bearer ${admin.token}` } });
    expect(csv.status).toBe(200);
    const themes = await admin.get<ThemeTrend>(`/api/indicators/themes?${PERIOD}&groupBy=month`);
    expect(themes.status).toBe(200);
    expect(themes.body.total.comments).toBe(COMMENTS);
    expect(themes.body.total.themes.find((t) => t.key === 'parking_transport')?.n).toBe(1);
    const drivers = await admin.get(`/api/indicators/drivers?${PERIOD}`);
    expect(drivers.status).toBe(200);
    const fhir = await fetch(`${server.baseUrl}/api/fhir/QuestionnaireResponse?_count=20`, {
      headers: { authorization: `Bearer ${admin.token}`, accept: 'application/fhir+json' },
    });
    expect(fhir.status).toBe(200);
    const bundle = (await fhir.json()) as { entry?: { resource: { subject?: unknown; encounter?: unknown } }[] };
    expect(bundle.entry).toHaveLength(8);
    expect(bundle.entry?.every((e) => e.resource.subject === undefined && e.resource.encounter === undefined)).toBe(true);
  });

  it('refuses a file named nhs_fft without the FFT columns with a 400 naming them, never a 500', async () => {
    const upload = await uploadImport(admin, 'visits.csv', '门诊号,患者姓名\r\nP1,张三\r\n', { format: 'nhs_fft' });
    expect(upload.status).toBe(201);
    const run = await admin.post<{ code: string; params: { fields: string[] } }>(`/api/imports/${upload.body.job.id}/run`, {});
    expect(run.status).toBe(400);
    expect(run.body.params.fields).toEqual(['columns.Comment ID', 'columns.Date', 'columns.FFT categorical answer', 'columns.FFT answer']);
  });

  it(
    'imports the real NHS file (6,342 comments): every row stored or reported, a second run adds nothing',
    async () => {
      const content = readFileSync(REAL_FILE);
      const records = parse(content, { columns: true, bom: true }) as Record<string, string>[];
      expect(records).toHaveLength(6342);
      // What the file holds, read here independently: one comment is over the 2,000-character limit.
      const tooLong = records.filter((r) => r['FFT answer'].trim().length > 2000).length;
      const kept = records.filter((r) => r['FFT answer'].trim().length <= 2000);
      const codes = kept.map((r) => Number(r['FFT categorical answer']));
      const answered = codes.filter((c) => c >= 1 && c <= 6).length;
      const positive = codes.filter((c) => c === 1 || c === 2).length;
      expect(tooLong).toBe(1);

      const before = await count('SELECT COUNT(*) AS n FROM survey_response');
      const upload = await uploadImport(admin, 'nhs_fft_comments.csv', content);
      expect(upload.body.job.format).toBe('nhs_fft');
      const job = await runJob(admin, upload.body.job.id);
      expect(job.rowsDone).toBe(6342);
      expect(job.summary?.responses).toEqual({ created: 6342 - tooLong, updated: 0, unchanged: 0, failed: tooLong });
      expect((await rowErrors(admin, job.id)).map((e) => [e.field, e.problem])).toEqual([['FFT answer', 'too_long']]);
      expect(await count('SELECT COUNT(*) AS n FROM survey_response')).toBe(before + 6342 - tooLong);
      expect(await count("SELECT COUNT(*) AS n FROM survey_response WHERE import_key LIKE 'nhs_fft:NEAS%' OR import_key LIKE 'nhs_fft:NHFT%'")).toBe(6342 - tooLong);

      // The file's dates are 2021-2022; the fixture's responses (above) are in the same years.
      const summary = await admin.get<IndicatorSummary>(`/api/indicators/summary?${PERIOD}`);
      const expected = Math.round((1000 * (positive + FFT.positive)) / (answered + FFT.n)) / 10;
      expect(summary.body.headlines.fftPositive).toMatchObject({ value: expected, n: answered + FFT.n });

      const again = await importCsv(admin, 'nhs_fft_comments.csv', content.toString('utf-8'));
      expect(again.summary?.responses).toEqual({ created: 0, updated: 0, unchanged: 6342 - tooLong, failed: tooLong });
      expect(await count('SELECT COUNT(*) AS n FROM survey_response')).toBe(before + 6342 - tooLong);
    },
    600_000,
  );
});
