import type { ImportJob, Patient, PatientTimeline } from '@huifang/shared';
import { addDays, calendarDayOf } from '@huifang/shared';
import { ApiClient } from '../support/api-client';
import { createTestDatabase, testDatabases, type TestDatabase } from '../support/databases';
import { importFile, uploadImport, waitForImport } from '../support/imports-fixtures';
import { ADMIN_PASSWORD, startServerOn, type RunningServer } from '../support/server-process';
import { runSql } from '../support/sql';

/*
 * The import engine's derived state whatever the order of files and rows, after a job that failed
 * half-way, and with two imports of one file at once; the follow-up rules an imported history calls for.
 */

const TZ = 'Asia/Shanghai';
const today = calendarDayOf(new Date(), TZ);
const day = (offset: number) => addDays(today, offset);
/** 08:00 in Shanghai is midnight UTC. */
const eightAm = (offset: number) => `${day(offset)}T00:00:00.000Z`;

const HEADER = '病历号,姓名,手机号,性别,出生日期,就诊号,科室,医生,挂号时间,叫号时间,结束时间,复诊日期,费用';
const visit = (patient: string, name: string, phone: string, number: string, offset: number) =>
  `${patient},${name},${phone},女,,${number},内科,,${day(offset)} 08:00,${day(offset)} 08:10,${day(offset)} 08:30,,`;
const patientOnly = (patient: string, name: string, phone: string) => `${patient},${name},${phone},女,,,,,,,,,`;
const csv = (rows: string[]) => [HEADER, ...rows].join('\n') + '\n';

describe.each(testDatabases())('import engine on %s', (database) => {
  let db: TestDatabase;
  let server: RunningServer;
  let admin: ApiClient;

  const patientByNumber = async (number: string): Promise<number> => {
    const rows = (await runSql(server.databaseUrl, "SELECT entity_id FROM source_identifier WHERE kind = 'patient' AND source_key = $1", [
      `his:${number}`,
    ])) as { entity_id: number }[];
    if (!rows[0]) throw new Error(`no patient ${number}`);
    return Number(rows[0].entity_id);
  };
  /** The stage history, oldest first, as [to, at]. */
  const transitions = async (number: string) => {
    const timeline = await admin.get<PatientTimeline>(`/api/patients/${await patientByNumber(number)}/timeline`);
    return timeline.body.entries
      .flatMap((e) => (e.kind === 'transition' ? [[e.transition.to, new Date(e.transition.at).toISOString()]] : []))
      .reverse();
  };

  beforeAll(async () => {
    db = await createTestDatabase(database);
    server = await startServerOn(database, db);
    admin = await new ApiClient(server.baseUrl).login('admin', ADMIN_PASSWORD);
  }, 60_000);
  afterAll(() => server?.stop());

  it('dates the stages by the visits when the patient file comes before the visits file', async () => {
    expect((await importFile(admin, 'patients.csv', csv([patientOnly('S001', '甲一', '13900001001')]))).status).toBe('done');
    const visits = csv([visit('S001', '甲一', '13900001001', 'SV1', -500), visit('S001', '甲一', '13900001001', 'SV2', -400)]);
    expect((await importFile(admin, 'visits.csv', visits)).status).toBe('done');

    expect(await transitions('S001')).toEqual([
      ['first_visit', eightAm(-500)],
      ['follow_up', eightAm(-400)],
    ]);
    const patient = await admin.get<Patient>(`/api/patients/${await patientByNumber('S001')}`);
    expect(patient.body).toMatchObject({ stage: 'follow_up', lastVisitOn: day(-400) });
    expect(new Date(patient.body.stageSince).toISOString()).toBe(eightAm(-400));
  });

  it('dates the stages by the visits when the rows are not in time order, and again when an older visit comes later', async () => {
    const rows = [visit('S002', '乙二', '13900001002', 'SV3', -100), visit('S002', '乙二', '13900001002', 'SV4', -300)];
    expect((await importFile(admin, 'unsorted.csv', csv(rows))).status).toBe('done');
    expect(await transitions('S002')).toEqual([
      ['first_visit', eightAm(-300)],
      ['follow_up', eightAm(-100)],
    ]);
    expect((await importFile(admin, 'older.csv', csv([visit('S002', '乙二', '13900001002', 'SV5', -600)]))).status).toBe('done');
    expect(await transitions('S002')).toEqual([
      ['first_visit', eightAm(-600)],
      ['follow_up', eightAm(-300)],
    ]);
    const patient = await admin.get<Patient>(`/api/patients/${await patientByNumber('S002')}`);
    expect(patient.body).toMatchObject({ stage: 'follow_up', lastVisitOn: day(-100) });
  });

  it('keeps the derived state of the rows stored before a job failed', async () => {
    // 5,000 rows fill the first batch (IMPORT_BATCH_ROWS), which commits; then a quote never closed breaks the file.
    const rows = Array.from({ length: 5000 }, (_, i) => visit(`F${i % 50}`, `丙${i % 50}`, `1390000${2000 + (i % 50)}`, `FV${i}`, -1 - i));
    const job = await importFile(admin, 'broken.csv', csv(rows) + 'F1,"丙1,13900002001\n');
    expect(job.status).toBe('failed');
    // F0's visits are on days -1, -51, -101, …: the last was yesterday; more than one visit: follow_up.
    const patient = await admin.get<Patient>(`/api/patients/${await patientByNumber('F0')}`);
    expect(patient.body).toMatchObject({ lastVisitOn: day(-1), stage: 'follow_up', status: 'active' });
  }, 120_000);

  it('runs two imports of the same file at once: both done, nothing stored twice', async () => {
    const rows = Array.from({ length: 300 }, (_, i) => visit(`C${i}`, `丁${i}`, `1390000${5000 + i}`, `CV${i}`, -10 - (i % 100)));
    const file = csv(rows);
    const uploads = await Promise.all([uploadImport(admin, 'a.csv', file), uploadImport(admin, 'b.csv', file)]);
    const runs = await Promise.all(uploads.map((u) => admin.post<ImportJob>(`/api/imports/${u.body.job.id}/run`, { mapping: u.body.suggestedMapping })));
    expect(runs.map((r) => r.status)).toEqual([202, 202]);
    const jobs = await Promise.all(uploads.map((u) => waitForImport(admin, u.body.job.id)));
    expect(jobs.map((j) => j.status)).toEqual(['done', 'done']);
    const [{ n }] = (await runSql(server.databaseUrl, "SELECT COUNT(*) AS n FROM patient WHERE name LIKE '丁%'")) as { n: number }[];
    expect(Number(n)).toBe(300);
    const [{ v }] = (await runSql(server.databaseUrl, "SELECT COUNT(*) AS v FROM source_identifier WHERE source_key LIKE 'his-visit:CV%'")) as { v: number }[];
    expect(Number(v)).toBe(300);
  }, 120_000);

  it('gives the expected return still ahead its reminder, once; a past one none', async () => {
    const due = (offset: number, dueOffset: number) => visit('R001', '戊一', '13900003001', `RV${offset}`, offset).replace(/,,$/, `,${day(dueOffset)},`);
    const file = csv([due(-200, -170), due(-20, 30)]);
    expect((await importFile(admin, 'ahead.csv', file)).status).toBe('done');
    expect((await importFile(admin, 'ahead-again.csv', file)).status).toBe('done');
    const patientId = await patientByNumber('R001');
    const calls = (await runSql(server.databaseUrl, 'SELECT kind, status, expected_on, source_key FROM callback WHERE patient_id = $1', [patientId])) as {
      expected_on: string;
      source_key: string;
    }[];
    const [{ id }] = (await runSql(server.databaseUrl, "SELECT entity_id AS id FROM source_identifier WHERE source_key = 'his-visit:RV-20'")) as { id: number }[];
    expect(calls).toEqual([{ kind: 'revisit_reminder', status: 'pending', expected_on: day(30), source_key: `encounter:${Number(id)}` }]);
  });

  it('cancels the win-back call of a patient whose return the import brings in', async () => {
    expect((await importFile(admin, 'first.csv', csv([visit('W001', '己一', '13900004001', 'WV1', -80).replace(/,,$/, `,${day(-50)},`)]))).status).toBe('done');
    const patientId = await patientByNumber('W001');
    const at = new Date().toISOString().replace('T', ' ').replace('Z', '');
    await runSql(
      server.databaseUrl,
      "INSERT INTO callback (patient_id, kind, priority, status, due_at, source_key, expected_on, attempt_count, created_at, updated_at) VALUES ($1, 'missed_revisit', 'normal', 'pending', $2, $3, $4, 0, $5, $6)",
      [patientId, at, `due:${patientId}:${day(-50)}`, day(-50), at, at],
    );
    expect((await importFile(admin, 'return.csv', csv([visit('W001', '己一', '13900004001', 'WV2', -30)]))).status).toBe('done');
    expect(await runSql(server.databaseUrl, 'SELECT status, cancel_reason FROM callback WHERE patient_id = $1', [patientId])).toEqual([
      { status: 'cancelled', cancel_reason: 'patient returned' },
    ]);
  });
});
