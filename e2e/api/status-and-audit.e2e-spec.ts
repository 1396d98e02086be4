import type { AuditEntry, Page, Patient, PatientSummary } from '@huifang/shared';
import { ApiClient } from '../support/api-client';
import { testDatabases } from '../support/databases';
import { registerPatient, staffClient } from '../support/patients-fixtures';
import { ADMIN_PASSWORD, startServer, type RunningServer } from '../support/server-process';
import { runSql } from '../support/sql';

/** A calendar day `days` from today in the hospital's default time zone. */
const dayFromToday = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' });

describe.each(testDatabases())('derived relationship status and the audit log on %s', (database) => {
  let server: RunningServer;
  let admin: ApiClient;
  let desk: ApiClient;

  beforeAll(async () => {
    server = await startServer(database);
    const anonymous = new ApiClient(server.baseUrl);
    admin = await anonymous.login('admin', ADMIN_PASSWORD);
    desk = await staffClient(admin, anonymous, 'desk', 'front_desk');
  });
  afterAll(() => server?.stop());

  /** Past expectations cannot be made through the API (dates must lie ahead), so they are arranged in SQL. */
  async function withHistory(name: string, nextVisitDue: string | null, lastVisitOn: string | null): Promise<Patient> {
    const patient = await registerPatient(desk, { name });
    await runSql(server.databaseUrl, 'UPDATE patient SET next_visit_due = $1, last_visit_on = $2 WHERE id = $3', [
      nextVisitDue,
      lastVisitOn,
      patient.id,
    ]);
    return patient;
  }

  it('derives active, at_risk and lapsed from the expected return date and the 30-day grace period', async () => {
    const cases = {
      never: await withHistory('状态-无预约', null, null),
      future: await withHistory('状态-未到期', dayFromToday(10), dayFromToday(-20)),
      overdue: await withHistory('状态-逾期', dayFromToday(-5), dayFromToday(-60)),
      graceEnds: await withHistory('状态-宽限末日', dayFromToday(-30), dayFromToday(-90)),
      lapsed: await withHistory('状态-流失', dayFromToday(-31), dayFromToday(-90)),
      returned: await withHistory('状态-已复诊', dayFromToday(-40), dayFromToday(-40)),
    };
    const statusOf = async (p: Patient) => (await desk.get<Patient>(`/api/patients/${p.id}`)).body.status;
    expect(await statusOf(cases.never)).toBe('active');
    expect(await statusOf(cases.future)).toBe('active');
    expect(await statusOf(cases.overdue)).toBe('at_risk');
    expect(await statusOf(cases.graceEnds)).toBe('at_risk');
    expect(await statusOf(cases.lapsed)).toBe('lapsed');
    expect(await statusOf(cases.returned)).toBe('active');

    const filtered = async (status: string) =>
      (await desk.get<Page<PatientSummary>>(`/api/patients?status=${status}&q=${encodeURIComponent('状态-')}`)).body.items
        .map((p) => p.name)
        .sort();
    expect(await filtered('lapsed')).toEqual(['状态-流失']);
    expect(await filtered('at_risk')).toEqual(['状态-宽限末日', '状态-逾期']);
    expect(await filtered('active')).toEqual(['状态-已复诊', '状态-无预约', '状态-未到期']);
  });

  it('logs every read of a patient and every change with actor and address, for admins only', async () => {
    const patient = await registerPatient(desk, { name: '审计患者' });
    await desk.get(`/api/patients/${patient.id}`);
    await desk.get(`/api/patients/${patient.id}/timeline`);
    await desk.post(`/api/patients/${patient.id}/transitions`, { to: 'treatment' });
    await desk.post('/api/encounters', { patientId: patient.id, departmentId: 1 });

    const log = await admin.get<Page<AuditEntry>>(`/api/audit-log?patientId=${patient.id}`);
    expect(log.status).toBe(200);
    expect(log.body.items.map((e) => e.action)).toEqual([
      'encounter.check_in',
      'patient.transition',
      'patient.timeline.read',
      'patient.read',
      'patient.create',
    ]);
    for (const entry of log.body.items) {
      expect(entry.actor?.username).toBe('desk');
      expect(entry.ip).toMatch(/127\.0\.0\.1/);
    }
    const deskId = log.body.items[0].actor?.id;
    const byActor = await admin.get<Page<AuditEntry>>(`/api/audit-log?actorId=${deskId}&pageSize=100`);
    expect(byActor.body.items.every((e) => e.actor?.username === 'desk')).toBe(true);

    expect((await desk.get('/api/audit-log')).status).toBe(403);
    expect((await desk.get(`/api/audit-log?patientId=${patient.id}`)).status).toBe(403);
  });
});
