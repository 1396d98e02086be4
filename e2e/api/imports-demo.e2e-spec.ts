import { DEMO_PASSWORD, type ImportJob, type ImportRowError, type Page, type SavedImportMapping } from '@huifang/shared';
import { ApiClient } from '../support/api-client';
import { testDatabases } from '../support/databases';
import { startDemoServer, type RunningServer } from '../support/server-process';
import { runSql } from '../support/sql';

/** The demo data set includes one finished historical import, so a new user sees what one looks like (#11). */
describe.each(testDatabases())('the demo import on %s', (database) => {
  let server: RunningServer;
  let admin: ApiClient;

  beforeAll(async () => {
    server = await startDemoServer(database);
    admin = await new ApiClient(server.baseUrl).login('admin', DEMO_PASSWORD);
  });
  afterAll(() => server?.stop());

  it('is one done CSV import by admin, its summary counting the visits linked to it', async () => {
    const history = (await admin.get<Page<ImportJob>>('/api/imports')).body;
    expect(history.total).toBe(1);
    const [job] = history.items;
    expect(job).toMatchObject({ status: 'done', format: 'csv', mappingName: '门诊月报', startedBy: { username: 'admin' } });
    // Run when the hospital adopted Huifang, months ago.
    expect(Date.parse(job.createdAt)).toBeLessThan(Date.parse(job.finishedAt ?? ''));
    expect(Date.now() - Date.parse(job.finishedAt ?? '')).toBeGreaterThan(90 * 86_400_000);
    expect(job.bytesDone).toBe(job.bytesTotal);

    const [linked] = (await runSql(
      server.databaseUrl,
      'SELECT COUNT(*) AS encounters, COUNT(DISTINCT patient_id) AS patients FROM encounter WHERE import_job_id = $1',
      [job.id],
    )) as { encounters: string | number; patients: string | number }[];
    expect(Number(linked.encounters)).toBeGreaterThan(100);
    expect(job.summary?.encounters.created).toBe(Number(linked.encounters));
    expect(job.summary?.patients.created).toBe(Number(linked.patients));
    expect(job.rowsDone).toBe(Number(linked.encounters) + 4);

    // History only: the visits since the hospital "adopted" Huifang were recorded at the desk.
    const [newest] = (await runSql(server.databaseUrl, 'SELECT MAX(checked_in_at) AS at FROM encounter WHERE import_job_id = $1', [job.id])) as {
      at: string | Date;
    }[];
    expect(new Date(newest.at).getTime()).toBeLessThan(Date.parse(job.finishedAt ?? ''));
    const [recent] = (await runSql(server.databaseUrl, 'SELECT COUNT(*) AS n FROM encounter WHERE import_job_id IS NULL')) as { n: string | number }[];
    expect(Number(recent.n)).toBeGreaterThan(0);
  });

  it('has a few refused rows, in the error list and the report', async () => {
    const [job] = (await admin.get<Page<ImportJob>>('/api/imports')).body.items;
    const errors = (await admin.get<Page<ImportRowError>>(`/api/imports/${job.id}/errors`)).body;
    expect(errors.total).toBe(job.summary?.errorCount);
    expect(errors.items.map((e) => e.problem)).toEqual(['bad_phone', 'unknown_department', 'times_out_of_order', 'duplicate_visit_number']);
    const report = await fetch(`${server.baseUrl}/api/imports/${job.id}/errors.csv?lang=en`, { headers: { Authorization: `Bearer ${admin.token}` } });
    expect(report.status).toBe(200);
    expect((await report.text()).trim().split(/\r?\n/)).toHaveLength(1 + 4);
  });

  it('leaves the mapping it ran with saved for the next file', async () => {
    const mappings = (await admin.get<SavedImportMapping[]>('/api/import-mappings')).body;
    expect(mappings.map((m) => m.name)).toEqual(['门诊月报']);
    expect(mappings[0].mapping).toMatchObject({ patientNumber: '病历号', checkedInAt: '挂号时间' });
  });
});
