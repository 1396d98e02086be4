import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ExcelJS from 'exceljs';
import * as iconv from 'iconv-lite';
import type { ImportColumnMapping, ImportJob, ImportPreview, ImportRowError, ImportUpload, Page, Patient, PatientTimeline } from '@huifang/shared';
import { ApiClient, type ApiResponse } from '../support/api-client';
import { eventually } from '../support/eventually';
import { ADMIN_PASSWORD, startServer, type RunningServer } from '../support/server-process';
import { testDatabases } from '../support/databases';
import { runSql } from '../support/sql';
import { changedTables, openSnapshotReader } from '../support/table-checksum';

/*
 * A HIS export as hospitals send it: GB18030 CSV and .xlsx with Chinese headers, written here from
 * one fixture. Upload → columns, sample and suggested mapping → preview → run → poll; bad rows come
 * back with their row numbers, good rows are stored once, a corrected file updates.
 */
const HEADER = ['门诊号', '患者姓名', '联系电话', '性别', '出生日期', '挂号流水号', '就诊科室', '接诊医生', '签到时间', '叫号时间', '离院时间', '预约复诊日期', '总费用'];
const ROWS = [
  ['P001', '张三', '13800138000', '男', '1980/5/6', 'V001', '骨科', '李医生', '2024-03-01 08:05', '2024-03-01 08:30', '2024-03-01 09:00', '2024-03-15', '128.50'],
  ['P002', '李四', '12345', '女', '1990-01-02', 'V002', '内科', '王医生', '2024-03-01 09:00', '', '', '', ''],
  ['P003', '王五', '13900139000', '女', '19900102', 'V003', '眼睛科', '赵医生', '2024-03-01 10:00', '', '', '', ''],
  ['P004', '赵六', '13700137000', '男', '', 'V004', 'Pediatrics', '', '2024-03-01 11:00', '', '2024-03-01 10:00', '', ''],
  ['P005', '钱七', '13600136000', '未知', '', 'V001', 'orthopedics', '', '2024/3/2 8:00', '', '', '', ''],
  ['P001', '张三', '13800138000', '男', '1980/5/6', 'V005', '内科', '刘医生', '2024/4/1 14:00', '2024/4/1 14:20', '2024/4/1 14:35', '', '56'],
  ['P006', '孙八', '13500135000', '女', '1975-12-01', '', '', '', '', '', '', '', ''],
];
const BAD_ROWS: Pick<ImportRowError, 'row' | 'field' | 'problem'>[] = [
  { row: 2, field: 'phone', problem: 'bad_phone' },
  { row: 3, field: 'department', problem: 'unknown_department' },
  { row: 4, field: 'finishedAt', problem: 'times_out_of_order' },
  { row: 5, field: 'visitNumber', problem: 'duplicate_visit_number' },
];
const MAPPING: ImportColumnMapping = {
  patientNumber: '门诊号',
  patientName: '患者姓名',
  phone: '联系电话',
  gender: '性别',
  birthDate: '出生日期',
  visitNumber: '挂号流水号',
  department: '就诊科室',
  clinician: '接诊医生',
  checkedInAt: '签到时间',
  calledAt: '叫号时间',
  finishedAt: '离院时间',
  nextVisitDue: '预约复诊日期',
  charge: '总费用',
};

function csv(rows: string[][]): string {
  const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  return rows.map((row) => row.map(quote).join(',')).join('\r\n') + '\r\n';
}

async function xlsx(path: string, rows: string[][]): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('门诊就诊记录');
  sheet.addRow(HEADER);
  for (const row of rows) {
    // As Excel users keep them: the phone a number, times and dates real dates (wall clock in the UTC fields).
    const asDate = (text: string) => {
      const [day, time = '0:0'] = text.replace(/\//g, '-').split(' ');
      const [y, m, d] = day.split('-').map(Number);
      const [h, mi] = time.split(':').map(Number);
      return new Date(Date.UTC(y, m - 1, d, h, mi));
    };
    sheet.addRow(row.map((cell, index) => (index === 2 && /^\d+$/.test(cell) ? Number(cell) : [4, 8, 9, 10, 11].includes(index) && cell ? asDate(cell) : cell)));
  }
  await workbook.xlsx.writeFile(path);
}

async function upload(client: ApiClient, path: string, name: string): Promise<ApiResponse<ImportUpload>> {
  const form = new FormData();
  form.append('file', new Blob([readFileSync(path)]), name);
  const response = await fetch(`${client.baseUrl}/api/imports`, { method: 'POST', headers: { authorization: `Bearer ${client.token}` }, body: form });
  return { status: response.status, body: (await response.json()) as ImportUpload, headers: response.headers };
}

async function runToEnd(client: ApiClient, jobId: number, body: object = { mapping: MAPPING }): Promise<ImportJob> {
  const started = await client.post<ImportJob>(`/api/imports/${jobId}/run`, body);
  expect(started.status).toBe(202);
  const done = await eventually(
    () => client.get<ImportJob>(`/api/imports/${jobId}`),
    (response) => expect(['done', 'failed']).toContain(response.body.status),
    30_000,
  );
  expect(done.body.status).toBe('done');
  return done.body;
}

async function rowErrors(client: ApiClient, jobId: number): Promise<Pick<ImportRowError, 'row' | 'field' | 'problem'>[]> {
  const response = await client.get<Page<ImportRowError>>(`/api/imports/${jobId}/errors?pageSize=100`);
  expect(response.status).toBe(200);
  return response.body.items.map(({ row, field, problem }) => ({ row, field, problem }));
}

describe.each(testDatabases())('tabular HIS import on %s', (database) => {
  let server: RunningServer;
  let admin: ApiClient;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'import-tabular-'));
    server = await startServer(database);
    admin = await new ApiClient(server.baseUrl).login('admin', ADMIN_PASSWORD);
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function patientId(patientNumber: string): Promise<number | null> {
    const rows = (await runSql(server.databaseUrl, "SELECT entity_id FROM source_identifier WHERE kind = 'patient' AND source_key = $1", [`his:${patientNumber}`])) as { entity_id: number }[];
    return rows.length ? Number(rows[0].entity_id) : null;
  }

  async function encounterCount(): Promise<number> {
    const [row] = (await runSql(server.databaseUrl, 'SELECT COUNT(*) AS n FROM encounter')) as { n: number | string }[];
    return Number(row.n);
  }

  /** Every table but the import's own bookkeeping (jobs, their row errors, saved mappings). */
  async function storedSnapshot() {
    const reader = await openSnapshotReader(server.databaseUrl);
    try {
      const snapshot = await reader.snapshot();
      for (const table of Object.keys(snapshot.checksums)) {
        if (!table.startsWith('import_')) continue;
        delete snapshot.checksums[table];
        delete snapshot.counts[table];
      }
      return snapshot;
    } finally {
      await reader.close();
    }
  }

  it('reads a GB18030 CSV upload: encoding, columns, sample rows and a mapping from the Chinese headers', async () => {
    const path = join(dir, '门诊就诊记录.csv');
    writeFileSync(path, iconv.encode(csv([HEADER, ...ROWS]), 'gb18030'));
    const uploaded = await upload(admin, path, '门诊就诊记录.csv');
    expect(uploaded.status).toBe(201);
    expect(uploaded.body).toMatchObject({ encoding: 'gb18030', columns: HEADER, sampleRows: ROWS, suggestedMapping: MAPPING });
    expect(uploaded.body.job).toMatchObject({ format: 'csv', status: 'uploaded' });

    const preview = await admin.post<ImportPreview>(`/api/imports/${uploaded.body.job.id}/preview`, { mapping: MAPPING });
    expect(preview.status).toBe(200);
    expect(preview.body.rowsChecked).toBe(ROWS.length);
    expect(preview.body.errors.map(({ row, field, problem }) => ({ row, field, problem }))).toEqual(BAD_ROWS);
    expect(await encounterCount()).toBe(0); // the preview wrote nothing

    const job = await runToEnd(admin, uploaded.body.job.id);
    // The bad phone refuses a row with a visit as a patient's failure; the other three are visits'.
    expect(job.summary).toEqual({
      patients: { created: 2, updated: 0, unchanged: 0, failed: 1 },
      encounters: { created: 2, updated: 0, unchanged: 0, failed: 3 },
      responses: { created: 0, updated: 0, unchanged: 0, failed: 0 },
      skippedByType: {},
      unmappedDepartments: [],
      errorCount: 4,
    });
    expect(await rowErrors(admin, job.id)).toEqual(BAD_ROWS);
  });

  it('stores the good rows: patients, their visits in UTC from the hospital wall clock, and the timeline', async () => {
    const id = await patientId('P001');
    expect(id).not.toBeNull();
    const patient = await admin.get<Patient>(`/api/patients/${id}`);
    expect(patient.body).toMatchObject({ name: '张三', phone: '13800138000', gender: 'male', birthDate: '1980-05-06' });
    const timeline = await admin.get<PatientTimeline>(`/api/patients/${id}/timeline`);
    const visits = timeline.body.entries.flatMap((entry) => (entry.kind === 'encounter' ? [entry.encounter] : []));
    expect(visits.map((visit) => [visit.checkedInAt, visit.calledAt, visit.finishedAt, visit.nextVisitDue, visit.charge, visit.clinician])).toEqual([
      ['2024-04-01T06:00:00.000Z', '2024-04-01T06:20:00.000Z', '2024-04-01T06:35:00.000Z', null, 56, '刘医生'],
      ['2024-03-01T00:05:00.000Z', '2024-03-01T00:30:00.000Z', '2024-03-01T01:00:00.000Z', '2024-03-15', 128.5, '李医生'],
    ]);
    expect(visits.map((visit) => visit.departmentName)).toEqual(['内科', '骨科']);
    const patientOnly = await admin.get<Patient>(`/api/patients/${await patientId('P006')}`);
    expect(patientOnly.body).toMatchObject({ name: '孙八', phone: '13500135000', gender: 'female', birthDate: '1975-12-01' });
    // Refused rows left nothing behind.
    expect(await patientId('P002')).toBeNull();
    expect(await patientId('P003')).toBeNull();
    expect(await encounterCount()).toBe(2);
  });

  it('gives the refused rows back as CSV', async () => {
    const jobs = await admin.get<Page<ImportJob>>('/api/imports');
    const response = await fetch(`${server.baseUrl}/api/imports/${jobs.body.items[0].id}/errors.csv`, { headers: { authorization: `Bearer ${admin.token}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    const lines = (await response.text()).replace(/^\ufeff/, '').trim().split(/\r?\n/);
    expect(lines).toHaveLength(1 + BAD_ROWS.length);
    expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual(BAD_ROWS.map((error) => String(error.row)));
  });

  it('imports the same rows from an .xlsx with Chinese headers without storing anything twice', async () => {
    const before = await storedSnapshot();
    const path = join(dir, '门诊就诊记录.xlsx');
    await xlsx(path, ROWS);
    const uploaded = await upload(admin, path, '门诊就诊记录.xlsx');
    expect(uploaded.status).toBe(201);
    expect(uploaded.body).toMatchObject({ encoding: null, columns: HEADER, suggestedMapping: MAPPING });
    expect(uploaded.body.job.format).toBe('xlsx');
    expect(uploaded.body.sampleRows[0].slice(0, 5)).toEqual(['P001', '张三', '13800138000', '男', '1980-05-06 00:00:00']);
    const job = await runToEnd(admin, uploaded.body.job.id);
    expect(job.summary?.patients).toEqual({ created: 0, updated: 0, unchanged: 2, failed: 1 });
    expect(job.summary?.encounters).toEqual({ created: 0, updated: 0, unchanged: 2, failed: 3 });
    expect(await rowErrors(admin, job.id)).toEqual(BAD_ROWS);
    const after = await storedSnapshot();
    expect(after.counts).toEqual(before.counts);
    expect(changedTables(before, after)).toEqual([]);
  });

  it('re-imports the CSV as unchanged, and a corrected file updates what changed', async () => {
    const before = await storedSnapshot();
    const path = join(dir, 'again.csv');
    writeFileSync(path, iconv.encode(csv([HEADER, ...ROWS]), 'gb18030'));
    const again = await runToEnd(admin, (await upload(admin, path, 'again.csv')).body.job.id);
    expect(again.summary?.patients).toEqual({ created: 0, updated: 0, unchanged: 2, failed: 1 });
    expect(again.summary?.encounters).toEqual({ created: 0, updated: 0, unchanged: 2, failed: 3 });
    expect(changedTables(before, await storedSnapshot())).toEqual([]);

    // The HIS fixed 李四's phone and 张三's first charge.
    const corrected = ROWS.map((row) => [...row]);
    corrected[1][2] = '13312345678';
    corrected[0][12] = '130.00';
    const fixedPath = join(dir, 'corrected.csv');
    writeFileSync(fixedPath, iconv.encode(csv([HEADER, ...corrected]), 'gb18030'));
    const fixed = await runToEnd(admin, (await upload(admin, fixedPath, 'corrected.csv')).body.job.id);
    expect(fixed.summary?.patients).toEqual({ created: 1, updated: 0, unchanged: 2, failed: 0 });
    expect(fixed.summary?.encounters).toEqual({ created: 1, updated: 1, unchanged: 1, failed: 3 });
    expect(await rowErrors(admin, fixed.id)).toEqual(BAD_ROWS.slice(1));
    const li = await admin.get<Patient>(`/api/patients/${await patientId('P002')}`);
    expect(li.body).toMatchObject({ name: '李四', phone: '13312345678' });
    const timeline = await admin.get<PatientTimeline>(`/api/patients/${await patientId('P001')}/timeline`);
    const charges = timeline.body.entries.flatMap((entry) => (entry.kind === 'encounter' ? [entry.encounter.charge] : []));
    expect(charges).toEqual([56, 130]);
    expect(await encounterCount()).toBe(3);
  });

  it('answers 400 naming the problem for a file that is no workbook and for a mapping that does not fit the file', async () => {
    const fake = join(dir, 'fake.xlsx');
    writeFileSync(fake, 'not a zip file');
    const unreadable = await upload(admin, fake, 'fake.xlsx');
    expect(unreadable.status).toBe(400);
    expect(unreadable.body).toMatchObject({ code: 'import.file_unreadable' });

    const path = join(dir, 'mapping.csv');
    writeFileSync(path, iconv.encode(csv([HEADER, ...ROWS]), 'gb18030'));
    const uploaded = await upload(admin, path, 'mapping.csv');
    const preview = await admin.post(`/api/imports/${uploaded.body.job.id}/preview`, { mapping: { ...MAPPING, patientNumber: undefined, department: '科室名称' } });
    expect(preview.status).toBe(400);
    expect(preview.body).toMatchObject({ code: 'validation.failed', params: { fields: ['mapping.patientNumber', 'mapping.department'] } });
  });
});
