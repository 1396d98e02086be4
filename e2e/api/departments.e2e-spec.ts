import type { ApiError, AuditEntry, Department, Encounter, Page } from '@huifang/shared';
import { ApiClient } from '../support/api-client';
import { testDatabases } from '../support/databases';
import { registerPatient } from '../support/patients-fixtures';
import { ADMIN_PASSWORD, startServer, type RunningServer } from '../support/server-process';

describe.each(testDatabases())('departments on %s', (database) => {
  let server: RunningServer;
  let admin: ApiClient;
  let desk: ApiClient;

  beforeAll(async () => {
    server = await startServer(database);
    const anonymous = new ApiClient(server.baseUrl);
    admin = await anonymous.login('admin', ADMIN_PASSWORD);
    await admin.post('/api/users', { username: 'desk', role: 'front_desk', password: 'correct-horse-battery' });
    desk = await anonymous.login('desk', 'correct-horse-battery');
  });
  afterAll(() => server?.stop());

  it('starts with the eight default departments, readable by any staff member', async () => {
    const response = await desk.get<Department[]>('/api/departments');
    expect(response.status).toBe(200);
    expect(response.body.map((d) => d.name)).toEqual(['内科', '外科', '儿科', '妇产科', '骨科', '眼科', '口腔科', '康复科']);
    expect(response.body.every((d) => d.active && d.nameEn.length > 0)).toBe(true);
  });

  it('lets only an admin add a department, and refuses duplicates', async () => {
    const body = { code: 'dermatology', name: '皮肤科', nameEn: 'Dermatology' };
    expect((await desk.post('/api/departments', body)).status).toBe(403);
    const created = await admin.post<Department>('/api/departments', body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject(body);
    const duplicate = await admin.post<ApiError>('/api/departments', { ...body, code: 'derm2' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.code).toBe('department.name_taken');
  });

  it('refuses a bad code with 400 naming the field', async () => {
    const response = await admin.post<ApiError>('/api/departments', { code: 'Has Spaces', name: '新科', nameEn: 'New' });
    expect(response.status).toBe(400);
    expect((response.body.message as string[])[0]).toMatch(/^code /);
  });

  it('lets only an admin rename a department; the code stays, a taken name is refused, the change is audited', async () => {
    const created = await admin.post<Department>('/api/departments', { code: 'ent', name: '耳鼻喉', nameEn: 'ENT' });
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect((await desk.patch(`/api/departments/${id}`, { name: '耳鼻喉科' })).status).toBe(403);

    const renamed = await admin.patch<Department>(`/api/departments/${id}`, { name: '耳鼻喉科', nameEn: 'Otolaryngology' });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toEqual({ id, code: 'ent', name: '耳鼻喉科', nameEn: 'Otolaryngology', active: true });

    const taken = await admin.patch<ApiError>(`/api/departments/${id}`, { name: '内科' });
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe('department.name_taken');
    const blank = await admin.patch<ApiError>(`/api/departments/${id}`, { name: '' });
    expect(blank.status).toBe(400);
    expect((blank.body.message as string[])[0]).toMatch(/^name /);
    expect((await admin.patch<ApiError>('/api/departments/999999', { name: '无此科' })).status).toBe(404);

    const log = await admin.get<Page<AuditEntry>>('/api/audit-log?action=department.update');
    expect(log.body.items.some((entry) => entry.entityType === 'department' && entry.entityId === id)).toBe(true);
  });

  it('deactivates a department: it keeps its encounters, takes no new check-in (typed code), and can be reactivated', async () => {
    const created = await admin.post<Department>('/api/departments', { code: 'sleep', name: '睡眠科', nameEn: 'Sleep clinic' });
    const id = created.body.id;
    const patient = await registerPatient(desk);
    const before = await desk.post<Encounter>('/api/encounters', { patientId: patient.id, departmentId: id });
    expect(before.status).toBe(201);

    const deactivated = await admin.patch<Department>(`/api/departments/${id}`, { active: false });
    expect(deactivated.status).toBe(200);
    expect(deactivated.body.active).toBe(false);
    const listed = (await desk.get<Department[]>('/api/departments')).body.find((d) => d.id === id);
    expect(listed).toMatchObject({ name: '睡眠科', active: false });

    const other = await registerPatient(desk);
    const refused = await desk.post<ApiError>('/api/encounters', { patientId: other.id, departmentId: id });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('department.inactive');

    // Its history stays: the visit begun before can still be finished and is listed.
    expect((await desk.post(`/api/encounters/${before.body.id}/call`, {})).status).toBe(200);
    expect((await desk.post(`/api/encounters/${before.body.id}/finish`, {})).status).toBe(200);
    const history = await desk.get<Page<Encounter>>(`/api/encounters?departmentId=${id}`);
    expect(history.body.items.map((e) => e.id)).toEqual([before.body.id]);

    expect((await admin.patch(`/api/departments/${id}`, { active: true })).status).toBe(200);
    expect((await desk.post('/api/encounters', { patientId: other.id, departmentId: id })).status).toBe(201);
  });

  it('refuses a name of blanks with 400 naming the field, on create and on rename', async () => {
    const created = await admin.post<ApiError>('/api/departments', { code: 'blank_name', name: '   ', nameEn: 'Blank' });
    expect(created.status).toBe(400);
    expect((created.body.message as string[])[0]).toMatch(/^name /);
    const createdEn = await admin.post<ApiError>('/api/departments', { code: 'blank_en', name: '空白科', nameEn: ' \t ' });
    expect(createdEn.status).toBe(400);
    expect((createdEn.body.message as string[])[0]).toMatch(/^nameEn /);
    for (const field of ['name', 'nameEn']) {
      const renamed = await admin.patch<ApiError>('/api/departments/1', { [field]: '   ' });
      expect(renamed.status).toBe(400);
      expect((renamed.body.message as string[])[0]).toMatch(new RegExp(`^${field} `));
    }
    expect((await admin.get<Department[]>('/api/departments')).body.find((d) => d.id === 1)).toMatchObject({ name: '内科', nameEn: expect.stringMatching(/\S/) });
  });

  it('says in the audit entry what an update changed', async () => {
    const created = await admin.post<Department>('/api/departments', { code: 'pain', name: '疼痛科', nameEn: 'Pain' });
    const id = created.body.id;
    expect((await admin.patch(`/api/departments/${id}`, { name: '疼痛门诊', active: false })).status).toBe(200);
    const log = await admin.get<Page<AuditEntry>>('/api/audit-log?action=department.update&pageSize=100');
    const entry = log.body.items.find((e) => e.entityId === id);
    expect(entry?.detail).toBe('name: 疼痛科 → 疼痛门诊; active: true → false');
  });

  it('refuses a non-boolean active, or no change at all, with 400 naming the fields', async () => {
    const response = await admin.patch<ApiError>('/api/departments/1', { active: 'no' });
    expect(response.status).toBe(400);
    expect((response.body.message as string[])[0]).toMatch(/^active /);
    const empty = await admin.patch<ApiError>('/api/departments/1', {});
    expect(empty.status).toBe(400);
    expect((empty.body.message as string[])[0]).toMatch(/name, nameEn or active/);
  });
});
