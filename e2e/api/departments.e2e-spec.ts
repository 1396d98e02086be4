import type { ApiError, Department } from '@huifang/shared';
import { ApiClient } from '../support/api-client';
import { testDatabases } from '../support/databases';
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
});
