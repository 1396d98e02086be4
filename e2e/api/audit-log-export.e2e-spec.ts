import type { ApiError, AuditEntry, Page } from '@huifang/shared';
import { ApiClient } from '../support/api-client';
import { testDatabases } from '../support/databases';
import { registerPatient, staffClient } from '../support/patients-fixtures';
import { ADMIN_PASSWORD, startServer, type RunningServer } from '../support/server-process';

/** Today in the hospital's default time zone. */
const today = () => new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' });

describe.each(testDatabases())('audit log filters and CSV export on %s', (database) => {
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

  it('filters by action, combined with patient and days', async () => {
    const patient = await registerPatient(desk, { name: '审计筛选' });
    await desk.get(`/api/patients/${patient.id}`);
    await desk.get(`/api/patients/${patient.id}`);
    await desk.get(`/api/patients/${patient.id}/timeline`);

    const reads = await admin.get<Page<AuditEntry>>(`/api/audit-log?patientId=${patient.id}&action=patient.read&from=${today()}&to=${today()}`);
    expect(reads.status).toBe(200);
    expect(reads.body.total).toBe(2);
    expect(reads.body.items.every((e) => e.action === 'patient.read' && e.patientId === patient.id)).toBe(true);
    const yesterday = new Date(Date.now() - 86_400_000).toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' });
    const none = await admin.get<Page<AuditEntry>>(`/api/audit-log?patientId=${patient.id}&to=${yesterday}`);
    expect(none.body.total).toBe(0);

    const unknown = await admin.get<ApiError>('/api/audit-log?action=patient.steal');
    expect(unknown.status).toBe(400);
    expect((unknown.body.message as string[])[0]).toMatch(/^action /);
  });

  it('exports the filtered log as CSV for admins only, and audits the export', async () => {
    const patient = await registerPatient(desk, { name: '审计导出' });
    await desk.get(`/api/patients/${patient.id}`);

    expect((await desk.get(`/api/audit-log.csv?patientId=${patient.id}`)).status).toBe(403);
    const csv = await admin.get<string>(`/api/audit-log.csv?patientId=${patient.id}`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toMatch(/attachment; filename="audit-log_/);
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    // In Chinese unless asked otherwise: headers, actions and records in words, not codes.
    expect(lines[0]).toBe('时间,员工编号,员工,操作,对象,对象编号,患者编号,IP 地址,详情');
    expect(lines.slice(1).map((line) => line.split(',')[3])).toEqual(['查看患者', '登记患者']);
    expect(lines.slice(1).map((line) => line.split(',')[4])).toEqual(['患者', '患者']);
    expect(lines.slice(1).every((line) => line.split(',')[2] === 'desk' && line.split(',')[6] === String(patient.id))).toBe(true);

    const english = await admin.get<string>(`/api/audit-log.csv?patientId=${patient.id}&action=patient.read&lang=en`);
    const englishLines = english.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(englishLines[0]).toBe('Time,Staff ID,Staff,Action,Record,Record ID,Patient ID,IP address,Detail');
    expect(englishLines.slice(1).map((line) => line.split(',')[3])).toEqual(['Viewed patient']);
    const french = await admin.get<ApiError>(`/api/audit-log.csv?lang=fr`);
    expect(french.status).toBe(400);
    expect((french.body.message as string[])[0]).toMatch(/^lang /);
    // No personal data in the trail: the patient's name is not in the file.
    expect(csv.body).not.toContain('审计导出');

    const exports = await admin.get<Page<AuditEntry>>(`/api/audit-log?action=audit.export&patientId=${patient.id}`);
    expect(exports.body.items).toHaveLength(2);
    expect(exports.body.items[0].actor?.username).toBe('admin');
    expect(JSON.parse(exports.body.items[1].detail ?? '{}')).toMatchObject({ patientId: patient.id, rows: 2 });

    const bad = await admin.get<ApiError>('/api/audit-log.csv?from=2026-02-30');
    expect(bad.status).toBe(400);
    expect((bad.body.message as string[])[0]).toMatch(/^from /);
  });
});
