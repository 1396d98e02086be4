import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiError, ImportJob, ImportPreview, ImportRowError, ImportUpload, Page, Patient, PatientTimeline, SavedImportMapping } from '@huifang/shared';
import { addDays, calendarDayOf } from '@huifang/shared';
import { ApiClient } from '../support/api-client';
import { createTestDatabase, testDatabases, type TestDatabase } from '../support/databases';
import { importFile, uploadImport, waitForImport } from '../support/imports-fixtures';
import { ADMIN_PASSWORD, REPO_ROOT, startServerOn, type RunningServer } from '../support/server-process';
import { runSql } from '../support/sql';
import { changedTables, openSnapshotReader } from '../support/table-checksum';

/*
 * The jobs API over real HTTP: a HIS visit table uploaded, previewed, run in the background and
 * polled; bad rows reported with their row numbers while good rows are stored; a second import of
 * the same file changes nothing; a corrected file updates; derived state follows from the history.
 */

const TZ = 'Asia/Shanghai';

/** `npm run import -- <args>` as the nightly job runs it (the built dist/server/import.js), beside the running server. */
async function runImportCli(args: string[], databaseUrl: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [join(REPO_ROOT, 'dist', 'server', 'import.js'), ...args], {
    cwd: REPO_ROOT,
    env: { PATH: process.env['PATH'] ?? '', DATABASE_URL: databaseUrl, HUIFANG_ADMIN_PASSWORD: 'unused-admin-password' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => (stdout += chunk));
  child.stderr?.on('data', (chunk) => (stderr += chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  const [code] = (await once(child, 'exit')) as [number | null];
  clearTimeout(timer);
  return { code, stdout, stderr };
}
/** How many audit entries of `action` name import job `jobId`. */
async function importAudits(databaseUrl: string, jobId: number, action: string): Promise<number> {
  const rows = (await runSql(databaseUrl, "SELECT count(*) AS n FROM audit_entry WHERE entity_type = 'import_job' AND entity_id = $1 AND action = $2", [jobId, action])) as { n: number | string }[];
  return Number(rows[0].n);
}
const today = calendarDayOf(new Date(), TZ);
const day = (offset: number) => addDays(today, offset);

const HEADER = '病历号,姓名,手机号,性别,出生日期,就诊号,科室,医生,挂号时间,叫号时间,结束时间,复诊日期,费用';

/** Rows numbered from 1 (the header is row 0), as the errors name them. */
function visitTable(overrides: { v003Clinician?: string } = {}): string {
  const rows = [
    // 1-2: one patient, two visits; the second comes after the expected return (returned).
    `P001,张三,13900000001,男,1980-01-02,V001,骨科,王医生,${day(-400)} 08:00,${day(-400)} 08:20,${day(-400)} 08:50,${day(-370)},120.50`,
    `P001,张三,13900000001,男,1980-01-02,V002,骨科,王医生,${day(-300)} 09:00,${day(-300)} 09:30,,,`,
    // 3: no mobile phone; an expected return long past with no visit since: lapsed.
    `P002,李四,,女,,V003,内科,${overrides.v003Clinician ?? '刘医生'},${day(-200)} 08:00,${day(-200)} 08:10,${day(-200)} 08:30,${day(-170)},`,
    // 4: finished before it started.
    `P003,王五,13900000003,男,,V004,内科,,${day(-100)} 10:00,${day(-100)} 10:05,${day(-100)} 09:00,,`,
    // 5: a bad phone (the reader refuses the row; counted as a failed patient).
    `P004,赵六,123,男,,V005,内科,,${day(-100)} 10:00,,,,`,
    // 6: the visit number of row 2 again.
    `P001,张三,13900000001,男,1980-01-02,V002,骨科,王医生,${day(-299)} 09:00,,,,`,
    // 7: a department the hospital does not have.
    `P005,钱七,13900000005,女,,V006,神经科,,${day(-50)} 10:00,,,,`,
    // 8: a patient without a visit.
    `P006,孙八,13900000006,女,1990-05-06,,,,,,,,`,
    // 9: expected return 10 days ago, within the grace period: at risk.
    `P007,周九,13900000007,男,,V007,内科,,${day(-60)} 08:00,${day(-60)} 08:45,${day(-60)} 09:00,${day(-10)},`,
    // 10: the lapsed patient's namesake, also without a phone: a different person.
    `P008,李四,,女,,,,,,,,,`,
  ];
  return [HEADER, ...rows].join('\n') + '\n';
}

describe.each(testDatabases())('imports on %s', (database) => {
  let db: TestDatabase;
  let server: RunningServer;
  let admin: ApiClient;
  let desk: ApiClient;
  let firstJob: ImportJob;

  const patientByNumber = async (number: string): Promise<number> => {
    const rows = (await runSql(server.databaseUrl, "SELECT entity_id FROM source_identifier WHERE kind = 'patient' AND source_key = $1", [
      `his:${number}`,
    ])) as { entity_id: number }[];
    if (!rows[0]) throw new Error(`no patient ${number}`);
    return Number(rows[0].entity_id);
  };

  beforeAll(async () => {
    db = await createTestDatabase(database);
    server = await startServerOn(database, db);
    const anonymous = new ApiClient(server.baseUrl);
    admin = await anonymous.login('admin', ADMIN_PASSWORD);
    await admin.post('/api/users', { username: 'desk', role: 'front_desk', password: 'correct-horse-battery' });
    desk = await anonymous.login('desk', 'correct-horse-battery');
  }, 60_000);
  afterAll(() => server?.stop());

  it('answers an upload with the columns, the first rows and a suggested mapping; only admins may upload', async () => {
    expect((await uploadImport(desk, 'visits.csv', visitTable())).status).toBe(403);
    const upload = await uploadImport(admin, 'visits.csv', visitTable());
    expect(upload.status).toBe(201);
    expect(upload.body.job).toMatchObject({ status: 'uploaded', format: 'csv', fileName: 'visits.csv', startedBy: { username: 'admin' } });
    expect(upload.body.job).not.toHaveProperty('filePath');
    expect(upload.body.encoding).toBe('utf-8');
    expect(upload.body.columns).toEqual(HEADER.split(','));
    expect(upload.body.sampleRows).toHaveLength(10);
    expect(upload.body.suggestedMapping).toMatchObject({ patientNumber: '病历号', visitNumber: '就诊号', checkedInAt: '挂号时间', charge: '费用' });
  });

  it('refuses an unknown format, a request without a file, and a mapping without a required field', async () => {
    const unknown = await uploadImport(admin, 'visits.pdf', 'x');
    expect(unknown.status).toBe(400);
    expect((unknown.body as unknown as ApiError).code).toBe('import.unknown_format');
    const noFile = await admin.post<ApiError>('/api/imports', { file: 'x' });
    expect(noFile.status).toBe(400);
    expect(noFile.body.code).toBe('import.file_missing');

    const upload = await uploadImport(admin, 'visits.csv', visitTable());
    const { patientName: _left, ...mapping } = upload.body.suggestedMapping;
    const incomplete = await admin.post<ApiError>(`/api/imports/${upload.body.job.id}/preview`, { mapping });
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.params).toEqual({ fields: ['mapping.patientName'] });
    expect((await admin.post<ApiError>('/api/imports/999999/run', { mapping })).status).toBe(404);
  });

  it('reads an upload again in another encoding (peek) and removes an abandoned upload (DELETE), only while uploaded', async () => {
    const upload = await uploadImport(admin, 'visits.csv', visitTable());
    const id = upload.body.job.id;
    const peek = await admin.post<ImportUpload>(`/api/imports/${id}/peek`, { encoding: 'gb18030' });
    expect(peek.status).toBe(200);
    expect(peek.body.encoding).toBe('gb18030');
    expect(peek.body.columns).not.toEqual(upload.body.columns); // UTF-8 Chinese read as GB18030
    const back = await admin.post<ImportUpload>(`/api/imports/${id}/peek`, { encoding: 'auto' });
    expect(back.body).toMatchObject({ encoding: 'utf-8', columns: upload.body.columns, suggestedMapping: upload.body.suggestedMapping });
    expect((await admin.post<ApiError>(`/api/imports/${id}/peek`, { encoding: 'latin1' })).status).toBe(400);

    expect((await admin.request('DELETE', `/api/imports/${id}`)).status).toBe(204);
    expect((await admin.get(`/api/imports/${id}`)).status).toBe(404);
    expect(await importAudits(server.databaseUrl, id, 'import.delete')).toBe(1);
    expect((await admin.request('DELETE', `/api/imports/${id}`)).status).toBe(404);
    expect((await desk.request('DELETE', `/api/imports/${id}`)).status).toBe(403);
  });

  it('previews the rows with the run\'s own checks (duplicates too), writing nothing', async () => {
    const reader = await openSnapshotReader(server.databaseUrl);
    try {
      const upload = await uploadImport(admin, 'visits.csv', visitTable());
      const before = await reader.snapshot();
      const preview = await admin.post<ImportPreview>(`/api/imports/${upload.body.job.id}/preview`, { mapping: upload.body.suggestedMapping });
      expect(preview.status).toBe(200);
      expect(preview.body.rowsChecked).toBe(10);
      expect(preview.body.errors.map((e) => [e.row, e.problem])).toEqual([
        [4, 'times_out_of_order'],
        [5, 'bad_phone'],
        [6, 'duplicate_visit_number'],
        [7, 'unknown_department'],
      ]);
      expect(preview.body.summary.patients).toEqual({ created: 5, updated: 0, unchanged: 0, failed: 1 });
      expect(preview.body.summary.encounters).toEqual({ created: 4, updated: 0, unchanged: 0, failed: 3 });
      expect(changedTables(before, await reader.snapshot())).toEqual([]);
      // The read itself is audited: the preview shows names and phones.
      expect(await importAudits(server.databaseUrl, upload.body.job.id, 'import.preview')).toBe(1);
    } finally {
      await reader.close();
    }
  });

  it('runs in the background: good rows stored, bad rows reported with their row numbers, the job kept', async () => {
    const upload = await uploadImport(admin, 'visits.csv', visitTable());
    const run = await admin.post<ImportJob>(`/api/imports/${upload.body.job.id}/run`, { mapping: upload.body.suggestedMapping, saveMappingAs: '月度导出' });
    expect(run.status).toBe(202);
    expect(['running', 'done']).toContain(run.body.status);
    firstJob = await waitForImport(admin, upload.body.job.id);
    expect(firstJob).toMatchObject({ status: 'done', mappingName: '月度导出', rowsDone: 10 });
    expect(firstJob.bytesDone).toBe(firstJob.bytesTotal);
    expect(firstJob.summary).toMatchObject({
      patients: { created: 5, updated: 0, unchanged: 0, failed: 1 },
      encounters: { created: 4, updated: 0, unchanged: 0, failed: 3 },
      errorCount: 4,
    });

    const again = await admin.post<ApiError>(`/api/imports/${upload.body.job.id}/run`, { mapping: upload.body.suggestedMapping });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('import.not_runnable');

    const errors = await admin.get<Page<ImportRowError>>(`/api/imports/${firstJob.id}/errors?page=1&pageSize=10`);
    expect(errors.body.total).toBe(4);
    expect(errors.body.items[0]).toEqual({ row: 4, field: 'finishedAt', problem: 'times_out_of_order', value: expect.any(String) });
    const csv = await admin.request<string>('GET', `/api/imports/${firstJob.id}/errors.csv?lang=en`);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(csv.body.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('Row,Field,Problem,Value');
    expect(csv.body).toContain('6,visitNumber,Duplicate visit number,his-visit:V002');
    // Both reads of the refused rows (their values are patient data) are audited.
    expect(await importAudits(server.databaseUrl, firstJob.id, 'import.errors_read')).toBe(2);

    const history = await admin.get<Page<ImportJob>>('/api/imports?page=1&pageSize=50');
    expect(history.body.items.find((j) => j.id === firstJob.id)).toMatchObject({ status: 'done', fileName: 'visits.csv' });
    const mappings = await admin.get<SavedImportMapping[]>('/api/import-mappings');
    expect(mappings.body.map((m) => m.name)).toEqual(['月度导出']);
  });

  it('derives status, stages, last visit and return fates from the imported history', async () => {
    const returned = await admin.get<Patient>(`/api/patients/${await patientByNumber('P001')}`);
    expect(returned.body).toMatchObject({ stage: 'follow_up', status: 'active', lastVisitOn: day(-300) });
    const lapsed = await admin.get<Patient>(`/api/patients/${await patientByNumber('P002')}`);
    expect(lapsed.body).toMatchObject({ stage: 'first_visit', status: 'lapsed', nextVisitDue: day(-170) });
    const atRisk = await admin.get<Patient>(`/api/patients/${await patientByNumber('P007')}`);
    expect(atRisk.body).toMatchObject({ status: 'at_risk', nextVisitDue: day(-10) });
    // Two people named 李四 without a mobile number are both stored.
    expect(await patientByNumber('P008')).not.toBe(await patientByNumber('P002'));

    const timeline = await admin.get<PatientTimeline>(`/api/patients/${await patientByNumber('P001')}/timeline`);
    const transitions = timeline.body.entries.filter((e) => e.kind === 'transition');
    expect(transitions.map((e) => e.kind === 'transition' && [e.transition.from, e.transition.to])).toEqual([
      ['first_visit', 'follow_up'],
      [null, 'first_visit'],
    ]);
    const visits = timeline.body.entries.filter((e) => e.kind === 'encounter');
    expect(visits.map((e) => e.kind === 'encounter' && [e.encounter.status, e.encounter.charge, e.encounter.importJobId])).toEqual([
      ['finished', null, firstJob.id],
      ['finished', 120.5, firstJob.id],
    ]);
    // The visit without a finish time is history, finished when it was last seen (called in).
    const second = visits[0].kind === 'encounter' ? visits[0].encounter : null;
    expect(second?.finishedAt).toBe(second?.calledAt);

    // The expectation of V001 was met by V002 (on or after its due day).
    const fates = (await runSql(server.databaseUrl, 'SELECT next_visit_due, returned_on FROM encounter WHERE next_visit_due IS NOT NULL ORDER BY checked_in_at')) as {
      returned_on: string | null;
    }[];
    expect(fates.map((f) => f.returned_on)).toEqual([day(-300), null, null]);
  });

  it('counts the imported called-in visits in the wait-time indicator', async () => {
    const from = day(-420);
    const wait = await admin.get<{ points: { n: number; mean: number | null }[] }>(`/api/indicators/wait-time?from=${from}&to=${today}&groupBy=department`);
    expect(wait.status).toBe(200);
    expect(wait.body.points.reduce((n, p) => n + p.n, 0)).toBe(4);
  });

  it('changes nothing when the same file is imported again', async () => {
    const reader = await openSnapshotReader(server.databaseUrl);
    try {
      const before = await reader.snapshot();
      const job = await importFile(admin, 'visits.csv', visitTable());
      expect(job.summary).toMatchObject({
        patients: { created: 0, updated: 0, unchanged: 5, failed: 1 },
        encounters: { created: 0, updated: 0, unchanged: 4, failed: 3 },
      });
      expect(changedTables(before, await reader.snapshot()).filter((t) => !t.startsWith('import_'))).toEqual([]);
    } finally {
      await reader.close();
    }
  });

  it('updates what a corrected file changed, and nothing else', async () => {
    const job = await importFile(admin, 'visits-corrected.csv', visitTable({ v003Clinician: '陈医生' }));
    expect(job.summary).toMatchObject({
      patients: { created: 0, updated: 0, unchanged: 5, failed: 1 },
      encounters: { created: 0, updated: 1, unchanged: 3, failed: 3 },
    });
    const rows = (await runSql(server.databaseUrl, "SELECT clinician, import_job_id FROM encounter WHERE clinician = '陈医生'")) as { import_job_id: number }[];
    expect(rows.map((r) => Number(r.import_job_id))).toEqual([job.id]);
  });

  it('deletes a saved mapping (audited), 404 for an unknown one', async () => {
    expect((await admin.request('DELETE', `/api/import-mappings/${encodeURIComponent('月度导出')}`)).status).toBe(204);
    const missing = await admin.request<ApiError>('DELETE', `/api/import-mappings/${encodeURIComponent('月度导出')}`);
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('import.mapping_not_found');
  });

  it('imports from the command line: a job with no user in the history, exit 1 when a row failed, 2 on a usage error', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'huifang-cli-'));
    try {
      const good = `${HEADER}\nC001,吴十,13900000011,男,,CV001,内科,,${day(-30)} 08:00,${day(-30)} 08:05,${day(-30)} 08:20,,\n`;
      writeFileSync(join(folder, 'good.csv'), good);
      const ok = await runImportCli([join(folder, 'good.csv')], server.databaseUrl);
      expect(ok.stderr).not.toMatch(/error/i);
      expect(ok.code).toBe(0);
      expect(ok.stdout).toContain('encounters: 1 created, 0 updated, 0 unchanged, 0 failed');

      writeFileSync(join(folder, 'bad.csv'), `${good}C002,郑十一,13900000012,男,,CV002,内科,,${day(-30)} 08:00,,${day(-31)} 08:00,,\n`);
      const bad = await runImportCli([folder], server.databaseUrl);
      expect(bad.code).toBe(1);
      expect(bad.stdout).toContain('bad.csv: done');
      expect(bad.stdout).toContain('encounters: 0 created, 0 updated, 1 unchanged, 1 failed');

      const history = await admin.get<Page<ImportJob>>('/api/imports?page=1&pageSize=5');
      expect(history.body.items[0]).toMatchObject({ fileName: 'good.csv', startedBy: null, status: 'done' });
      expect(history.body.items[1]).toMatchObject({ fileName: 'bad.csv', startedBy: null, status: 'done' });

      expect((await runImportCli([join(folder, 'nothing-here.csv')], server.databaseUrl)).code).toBe(2);
      expect((await runImportCli([folder, '--format', 'pdf'], server.databaseUrl)).code).toBe(2);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }, 120_000);

  it('never deletes a file outside its upload folder; the CLI fails a job whose mapping does not fit, naming the columns', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'huifang-cli-'));
    try {
      // The HIS's own export, registered as the CLI does (its own path) and left `uploaded`: running it must not delete it.
      const hisExport = join(folder, 'export.csv');
      writeFileSync(hisExport, `${HEADER}\nC101,吴十一,13900000021,男,,,,,,,,,\n`);
      await runSql(
        server.databaseUrl,
        `INSERT INTO import_job (format, file_name, file_path, status, bytes_done, bytes_total, rows_done) VALUES ('csv', 'export.csv', $1, 'uploaded', 0, 10, 0)`,
        [hisExport],
      );
      const [{ id }] = (await runSql(server.databaseUrl, 'SELECT max(id) AS id FROM import_job')) as { id: number }[];
      expect((await admin.post(`/api/imports/${id}/run`, { mapping: { patientNumber: '病历号', patientName: '姓名' } })).status).toBe(202);
      expect((await waitForImport(admin, Number(id))).status).toBe('done');
      expect(existsSync(hisExport)).toBe(true);

      // A file without the name column: exit 1, a message naming what is missing, the job failed (not runnable later).
      writeFileSync(join(folder, 'no-name.csv'), '病历号,手机号\nC102,13900000022\n');
      const unfit = await runImportCli([join(folder, 'no-name.csv')], server.databaseUrl);
      expect(unfit.code).toBe(1);
      expect(unfit.stderr).toContain('patientName is not mapped to any column');
      expect(unfit.stderr).not.toContain('Bad Request');
      const history = await admin.get<Page<ImportJob>>('/api/imports?page=1&pageSize=1');
      expect(history.body.items[0]).toMatchObject({ fileName: 'no-name.csv', status: 'failed' });
      expect((await admin.post(`/api/imports/${history.body.items[0].id}/run`, { mapping: {} })).status).toBe(409);
      expect(existsSync(join(folder, 'no-name.csv'))).toBe(true);

      // An unknown saved mapping is a usage error before any job is recorded.
      expect((await runImportCli([join(folder, 'no-name.csv'), '--mapping', '没有这个'], server.databaseUrl)).code).toBe(2);
      expect((await admin.get<Page<ImportJob>>('/api/imports?page=1&pageSize=1')).body.items[0].id).toBe(history.body.items[0].id);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }, 120_000);

  it('fires no follow-up rules for history; the missed-revisit job passes over patients without a phone', async () => {
    // Imported visits with an expected return set no reminders (the desk's finish would); only the
    // periodic missed-revisit job (run at start-up, also by the CLI above) may have added calls.
    expect(await runSql(server.databaseUrl, "SELECT kind FROM callback WHERE kind <> 'missed_revisit'")).toEqual([]);
    const noPhone = `${HEADER}\nP009,冯十二,,女,,V009,内科,,${day(-40)} 08:00,,${day(-40)} 08:30,${day(-10)},\n`;
    expect((await importFile(admin, 'no-phone.csv', noPhone)).summary?.encounters.created).toBe(1);

    // The job runs at start-up: restart on the same database.
    await server.stopKeepingDatabase();
    server = await startServerOn(database, db);
    admin = await new ApiClient(server.baseUrl).login('admin', ADMIN_PASSWORD);
    const calls = (await runSql(server.databaseUrl, "SELECT patient_id FROM callback WHERE kind = 'missed_revisit'")) as { patient_id: number }[];
    // P007's return (10 days ago, with a phone) was missed; P009's too, but there is no number to call.
    expect(calls.map((c) => Number(c.patient_id))).toEqual([await patientByNumber('P007')]);
  }, 120_000);
});
