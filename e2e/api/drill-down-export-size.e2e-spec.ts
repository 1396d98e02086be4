import { DRILL_DOWN_EXPORT_MAX_ROWS, ERROR_CODES, type ApiError, type AuditEntry, type Page } from '@huifang/shared';
import { ApiClient } from '../support/api-client';
import { testDatabases } from '../support/databases';
import { registerPatient, staffClient } from '../support/patients-fixtures';
import { ADMIN_PASSWORD, startServer, type RunningServer } from '../support/server-process';
import { runSql } from '../support/sql';

/*
 * A drill-down export of thousands of patients writes one audit entry per patient: that must not
 * pass the databases' limits on bound parameters (it answered 500), and an export past the cap is
 * refused with a typed 400 instead of building a file no spreadsheet opens. On both databases.
 */
const DAY = 86_400_000;
const ZONE = 'Asia/Shanghai';
const dayOf = (instant: number) => new Date(instant).toLocaleDateString('en-CA', { timeZone: ZONE });
const YESTERDAY = Date.now() - DAY;
const PERIOD = `from=${dayOf(YESTERDAY - 6 * DAY)}&to=${dayOf(YESTERDAY)}`;

/** Copies the template patient and their visit `count` times (names Bulk<n>), straight in SQL: fast. */
async function clonePatients(databaseUrl: string, templatePatientId: number, first: number, count: number): Promise<void> {
  const sequence = `WITH RECURSIVE seq(n) AS (SELECT ${first} UNION ALL SELECT n + 1 FROM seq WHERE n < ${first + count - 1})`;
  await runSql(
    databaseUrl,
    `${sequence}
     INSERT INTO patient (name, phone, gender, stage, stage_since, last_visit_on, last_department_id, latest_survey_detractor)
     SELECT 'Bulk' || seq.n, p.phone, p.gender, p.stage, p.stage_since, p.last_visit_on, p.last_department_id, p.latest_survey_detractor
       FROM seq, patient p WHERE p.id = $1`,
    [templatePatientId],
  );
  await runSql(
    databaseUrl,
    `INSERT INTO encounter (patient_id, department_id, checked_in_at, checked_in_on, called_at, wait_seconds, superseded)
     SELECT p.id, e.department_id, e.checked_in_at, e.checked_in_on, e.called_at, e.wait_seconds, e.superseded
       FROM patient p, encounter e
      WHERE e.patient_id = $1 AND p.name LIKE 'Bulk%' AND NOT EXISTS (SELECT 1 FROM encounter x WHERE x.patient_id = p.id)`,
    [templatePatientId],
  );
}

describe.each(testDatabases())('drill-down CSV export of thousands of patients on %s', (database) => {
  let server: RunningServer;
  let admin: ApiClient;
  let quality: ApiClient;
  let templateId: number;

  beforeAll(async () => {
    server = await startServer(database);
    const anonymous = new ApiClient(server.baseUrl);
    admin = await anonymous.login('admin', ADMIN_PASSWORD);
    const desk = await staffClient(admin, anonymous, 'desk', 'front_desk');
    quality = await staffClient(admin, anonymous, 'quality', 'quality_manager');
    const patient = await registerPatient(desk, { name: 'Template' });
    templateId = patient.id;
    const checkIn = await desk.post<{ id: number }>('/api/encounters', { patientId: patient.id, departmentId: 1, checkedInAt: new Date(YESTERDAY).toISOString() });
    expect(checkIn.status).toBe(201);
    expect((await desk.post(`/api/encounters/${checkIn.body.id}/call`, { at: new Date(YESTERDAY + 20 * 60_000).toISOString() })).status).toBe(200);
  }, 60_000);
  afterAll(() => server?.stop());

  // The cap itself: 10 000 entries of 8 columns pass both databases' limits for one statement.
  it('exports as many patients as the cap allows and audits each of them', async () => {
    await clonePatients(server.databaseUrl, templateId, 1, DRILL_DOWN_EXPORT_MAX_ROWS - 1);
    const response = await quality.get<string>(`/api/indicators/wait-time/patients.csv?${PERIOD}&lang=en`);
    expect(response.status).toBe(200);
    const lines = String(response.body).split('\r\n').filter((line) => line !== '');
    expect(lines).toHaveLength(1 + DRILL_DOWN_EXPORT_MAX_ROWS);

    const [count] = (await runSql(server.databaseUrl, "SELECT COUNT(DISTINCT patient_id) AS n FROM audit_entry WHERE action = 'indicators.export'")) as { n: unknown }[];
    expect(Number(count?.n)).toBe(DRILL_DOWN_EXPORT_MAX_ROWS);
    const trail = (await admin.get<Page<AuditEntry>>(`/api/audit-log?patientId=${templateId}&action=indicators.export`)).body.items;
    expect(trail).toHaveLength(1);
  }, 120_000);

  it('refuses an export past the cap with a typed 400, and audits nothing for it', async () => {
    await clonePatients(server.databaseUrl, templateId, DRILL_DOWN_EXPORT_MAX_ROWS, 1);
    const before = (await runSql(server.databaseUrl, 'SELECT COUNT(*) AS n FROM audit_entry')) as { n: unknown }[];
    const response = await quality.get<ApiError>(`/api/indicators/wait-time/patients.csv?${PERIOD}&lang=zh`);
    expect(response.status).toBe(400);
    expect(response.body.code).toBe(ERROR_CODES.indicatorExportTooLarge);
    expect(response.body.params).toEqual({ max: DRILL_DOWN_EXPORT_MAX_ROWS });
    const after = (await runSql(server.databaseUrl, 'SELECT COUNT(*) AS n FROM audit_entry')) as { n: unknown }[];
    expect(Number(after[0]?.n)).toBe(Number(before[0]?.n));
  }, 120_000);
});
