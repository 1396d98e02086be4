import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ExcelJS from 'exceljs';
import * as iconv from 'iconv-lite';
import { ERROR_CODES, IMPORT_SAMPLE_ROWS, type ImportColumnMapping } from '@huifang/shared';
import type { ImportItem } from '../import-records';
import { openTabularSource, peekTabular, suggestMapping, type TabularSourceOptions } from './index';

const DEPARTMENTS = [
  { id: 1, code: 'orthopedics', name: '骨科', nameEn: 'Orthopedics' },
  { id: 2, code: 'cardiology', name: '心内科', nameEn: 'Cardiology' },
];
const HEADER = ['门诊号', '患者姓名', '联系电话', '性别', '出生日期', '挂号流水号', '就诊科室', '接诊医生', '签到时间', '叫号时间', '离院时间', '预约复诊日期', '总费用'];
const ROWS = [
  ['P001', '张三', '138 0013 8000', '男', '1980/5/6', 'V001', '骨科', '李医生', '2024-03-01 08:05', '2024-03-01 08:30', '2024-03-01 09:00', '2024-03-15', '128.50'],
  ['P002', '李四', '12345', '女', '1990-01-02', 'V002', '心内科', '王医生', '2024-03-01 09:00', '', '', '', ''],
  ['P003', '王五', '13900139000', '女', '19900102', 'V003', '眼科', '赵医生', '2024-03-01 10:00', '', '', '', ''],
  // The engine's checks: finish before check-in, and V001 again.
  ['P004', '赵六', '', '', '', 'V004', 'Cardiology', '', '2024-03-01 11:00', '', '2024-03-01 10:00', '', ''],
  ['P005', '钱七', '', '未知', '', 'V001', 'ORTHOPEDICS', '', '2024/3/2 8:00', '', '', '', ''],
  // A patient without a visit, and one whose cell holds a line break inside quotes.
  ['P006', '孙八', '13700137000', 'F', '', '', '', '', '', '', '', '', ''],
  ['P007', '周\n九', '', '', '', '', '', '', '', '', '', '', ''],
];

function csv(rows: string[][]): string {
  const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  return rows.map((row) => row.map(quote).join(',')).join('\r\n') + '\r\n';
}

let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'tabular-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: Buffer | string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function xlsx(name: string, rows: unknown[][]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('就诊记录');
  for (const row of rows) sheet.addRow(row);
  workbook.addWorksheet('其他').addRow(['不读这一页']);
  const path = join(dir, name);
  await workbook.xlsx.writeFile(path);
  return path;
}

async function items(path: string, options: Partial<TabularSourceOptions> = {}): Promise<ImportItem[]> {
  const source = await openTabularSource(path, {
    format: 'csv',
    encoding: 'auto',
    mapping: suggestMapping(HEADER),
    departments: DEPARTMENTS,
    timeZone: 'Asia/Shanghai',
    ...options,
  });
  const read: ImportItem[] = [];
  for await (const item of source.items()) read.push(item);
  expect(source.bytesRead()).toBe(source.bytesTotal);
  return read;
}

function expectTheFixtureRead(read: ImportItem[]): void {
  expect(read.map((item) => item.row)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  expect(read[0]).toEqual({
    row: 1,
    patient: { keys: ['his:P001'], name: '张三', phone: '13800138000', gender: 'male', birthDate: '1980-05-06' },
    encounter: {
      keys: ['his-visit:V001'],
      patientKey: 'his:P001',
      department: { departmentId: 1 },
      clinician: '李医生',
      checkedInAt: new Date('2024-03-01T00:05:00Z'),
      calledAt: new Date('2024-03-01T00:30:00Z'),
      finishedAt: new Date('2024-03-01T01:00:00Z'),
      nextVisitDue: '2024-03-15',
      chargeCents: 12850,
    },
  });
  expect(read[1].errors).toEqual([{ row: 2, field: 'phone', problem: 'bad_phone', value: '12345' }]);
  expect(read[2].errors).toEqual([{ row: 3, field: 'department', problem: 'unknown_department', value: '眼科' }]);
  // Times out of order and a repeated visit number are for the engine, which sees the whole file.
  expect(read[3].encounter).toMatchObject({ department: { departmentId: 2 }, finishedAt: new Date('2024-03-01T02:00:00Z') });
  expect(read[4].encounter).toMatchObject({ keys: ['his-visit:V001'], department: { departmentId: 1 } });
  expect(read[4].patient?.gender).toBe('unknown');
  expect(read[5]).toEqual({ row: 6, patient: { keys: ['his:P006'], name: '孙八', phone: '13700137000', gender: 'female', birthDate: null } });
  expect(read[6].errors).toEqual([{ row: 7, field: 'patientName', problem: 'control_characters', value: '周?九' }]);
}

describe('CSV files', () => {
  it('detects GB18030 and reads Chinese headers, rows and bad rows with their numbers', async () => {
    const path = write('gb18030.csv', iconv.encode(csv([HEADER, ...ROWS]), 'gb18030'));
    const peek = await peekTabular(path, 'csv', 'auto');
    expect(peek).toEqual({ encoding: 'gb18030', columns: HEADER, sampleRows: ROWS });
    expect(suggestMapping(peek.columns)).toMatchObject({ patientNumber: '门诊号', visitNumber: '挂号流水号', charge: '总费用' });
    expectTheFixtureRead(await items(path));
  });

  it('reads UTF-8 with a BOM (dropped from the first header) and skips blank lines, keeping row numbers', async () => {
    const path = write('bom.csv', '\ufeff' + csv([HEADER, ROWS[0], [], ROWS[1]]).replace('\r\n\r\n', '\r\n,,,\r\n\r\n'));
    const peek = await peekTabular(path, 'csv', 'auto');
    expect(peek.encoding).toBe('utf-8');
    expect(peek.columns[0]).toBe('门诊号');
    const read = await items(path);
    expect(read.map((item) => item.row)).toEqual([1, 4]);
  });

  it('reads a file as told when the encoding is chosen', async () => {
    const path = write('chosen.csv', iconv.encode(csv([HEADER, ROWS[0]]), 'gb18030'));
    expect((await peekTabular(path, 'csv', 'gb18030')).columns).toEqual(HEADER);
    // Read as UTF-8 it is no UTF-8: told so, never turned into U+FFFD.
    await expect(peekTabular(path, 'csv', 'utf-8')).rejects.toMatchObject({ response: { code: ERROR_CODES.importNotUtf8 } });
  });

  it('takes UTF-8 whose first 64 KB end inside a character as UTF-8', async () => {
    const head = Buffer.from(`${HEADER.join(',')}\r\nP0,`, 'utf8');
    const filler = 'x'.repeat(65_536 - head.length - 1); // 张 (3 bytes) starts 1 byte before the boundary
    const bytes = Buffer.concat([head, Buffer.from(`${filler}张三\r\n`, 'utf8')]);
    expect(bytes.subarray(65_535, 65_538).toString('utf8')).toBe('张');
    const path = write('boundary.csv', bytes);
    expect((await peekTabular(path, 'csv', 'auto')).encoding).toBe('utf-8');
  });

  it('answers import.not_utf8 (choose GB18030) when a file detected as UTF-8 by its ASCII first 64 KB holds GB18030 further on', async () => {
    const header = ['patient_no', 'name'];
    const asciiRows = Array.from({ length: 7000 }, (_, i) => [`P${i}`, 'Zhang San']);
    const bytes = Buffer.concat([Buffer.from(csv([header, ...asciiRows]), 'ascii'), iconv.encode(csv([['P9999', '张三']]), 'gb18030')]);
    expect(bytes.length).toBeGreaterThan(65_536);
    const path = write('ascii-then-gb18030.csv', bytes);
    expect((await peekTabular(path, 'csv', 'auto')).encoding).toBe('utf-8');
    const mapping = { patientNumber: 'patient_no', patientName: 'name' };
    await expect(items(path, { mapping })).rejects.toMatchObject({ response: { code: ERROR_CODES.importNotUtf8 } });
    // The client runs with the detected encoding named: held to UTF-8 just the same.
    await expect(items(path, { mapping, encoding: 'utf-8' })).rejects.toMatchObject({ response: { code: ERROR_CODES.importNotUtf8 } });
    // Chosen as GB18030, it reads to the end.
    expect((await items(path, { mapping, encoding: 'gb18030' })).at(-1)?.patient?.name).toBe('张三');
  });

  it('shows at most IMPORT_SAMPLE_ROWS rows, padded to the header', async () => {
    const rows = Array.from({ length: IMPORT_SAMPLE_ROWS + 5 }, (_, i) => [`P${i}`, '张三']);
    const peek = await peekTabular(write('many.csv', csv([HEADER, ...rows])), 'csv', 'auto');
    expect(peek.sampleRows).toHaveLength(IMPORT_SAMPLE_ROWS);
    expect(peek.sampleRows[0]).toHaveLength(HEADER.length);
  });

  it('reports missing fields, bad values and over-long texts together', async () => {
    const header = ['病历号', '姓名', '性别', '出生日期', '就诊号', '科室', '医生', '挂号时间', '费用'];
    const path = write('bad.csv', csv([header, ['', 'x'.repeat(51), '?', '2024-02-30', 'V9', 'orthopedics', '医'.repeat(51), '2024-03-01 24:00', '-1'], ['P1', '张三', '', '', 'V10', '', '', '', '']]));
    const read = await items(path, { mapping: suggestMapping(header) });
    expect(read[0].errors?.map((error) => [error.field, error.problem])).toEqual([
      ['patientName', 'too_long'],
      ['clinician', 'too_long'],
      ['gender', 'bad_gender'],
      ['birthDate', 'bad_date'],
      ['checkedInAt', 'bad_time'],
      ['charge', 'bad_charge'],
      ['patientNumber', 'missing_field'],
    ]);
    expect(read[1].errors?.map((error) => [error.field, error.problem])).toEqual([
      ['department', 'missing_field'],
      ['checkedInAt', 'missing_field'],
    ]);
  });

  it('refuses a mapping that names a column the file lacks or leaves a required field out', async () => {
    const path = write('mapping.csv', csv([HEADER, ROWS[0]]));
    const mapping: ImportColumnMapping = { patientName: '患者姓名', visitNumber: '挂号流水号', department: '科室名称', checkedInAt: '签到时间' };
    await expect(items(path, { mapping })).rejects.toMatchObject({
      response: { code: ERROR_CODES.validation, params: { fields: ['mapping.patientNumber', 'mapping.department'] } },
    });
  });

  it('answers import.file_unreadable for a quote that never closes', async () => {
    const path = write('broken.csv', `${HEADER.join(',')}\r\nP1,"张三\r\n`);
    await expect(items(path)).rejects.toMatchObject({ response: { code: ERROR_CODES.importFileUnreadable } });
  });
});

describe('Excel files', () => {
  it('reads the first worksheet with Chinese headers: dates, numbers, rich text and formula results as text', async () => {
    const rows: unknown[][] = ROWS.map((row) => [...row]);
    rows[0][2] = 13800138000; // a phone typed as a number
    rows[0][4] = new Date(Date.UTC(1980, 4, 6)); // Excel dates: the wall clock in the UTC fields
    rows[0][8] = new Date(Date.UTC(2024, 2, 1, 8, 5));
    rows[0][9] = { richText: [{ text: '2024-03-01 ' }, { font: { bold: true }, text: '08:30' }] };
    rows[0][12] = { formula: '100+28.5', result: 128.5 };
    const path = await xlsx('chinese.xlsx', [HEADER, ...rows]);
    const peek = await peekTabular(path, 'xlsx', 'auto');
    expect(peek.encoding).toBeNull();
    expect(peek.columns).toEqual(HEADER);
    expect(peek.sampleRows[0].slice(0, 5)).toEqual(['P001', '张三', '13800138000', '男', '1980-05-06 00:00:00']);
    expect(peek.sampleRows[0][8]).toBe('2024-03-01 08:05:00');
    const read = await items(path, { format: 'xlsx' });
    expectTheFixtureRead(read);
  });

  it('reads a visit at exactly midnight as a time, and a date alone in a time column as the start of that day', async () => {
    const rows: unknown[][] = [[...ROWS[0]], [...ROWS[0]]];
    rows[0][8] = new Date(Date.UTC(2024, 2, 1, 0, 0, 0)); // 00:00:00 on the wall clock
    rows[0][9] = rows[0][10] = '';
    rows[1][8] = '2024-03-02';
    rows[1][5] = 'V009';
    const read = await items(await xlsx('midnight.xlsx', [HEADER, ...rows]), { format: 'xlsx' });
    expect(read[0].errors).toBeUndefined();
    expect(read[0].encounter?.checkedInAt).toEqual(new Date('2024-02-29T16:00:00Z'));
    expect(read[1].encounter?.checkedInAt).toEqual(new Date('2024-03-01T16:00:00Z'));
  });

  it('answers import.file_unreadable for a file that is no workbook', async () => {
    const path = write('fake.xlsx', 'not a zip file');
    await expect(peekTabular(path, 'xlsx', 'auto')).rejects.toMatchObject({ response: { code: ERROR_CODES.importFileUnreadable } });
  });
});
