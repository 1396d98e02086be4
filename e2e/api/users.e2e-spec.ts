import type { ApiError, AuthUser, StaffUser } from '@huifang/shared';
import { ApiClient } from '../support/api-client';
import { testDatabases } from '../support/databases';
import { ADMIN_PASSWORD, startServer, type RunningServer } from '../support/server-process';

const PASSWORD = 'correct-horse-battery';

describe.each(testDatabases())('staff accounts on %s', (database) => {
  let server: RunningServer;
  let anonymous: ApiClient;
  let admin: ApiClient;

  beforeAll(async () => {
    server = await startServer(database);
    anonymous = new ApiClient(server.baseUrl);
    admin = await anonymous.login('admin', ADMIN_PASSWORD);
  });
  afterAll(() => server?.stop());

  it('lets an admin create, list, change the role of and deactivate staff', async () => {
    const created = await admin.post<StaffUser>('/api/users', { username: 'Li.Na', role: 'front_desk', password: PASSWORD, displayName: '李娜' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ username: 'li.na', role: 'front_desk', active: true, displayName: '李娜' });
    expect(created.body).not.toHaveProperty('passwordHash');

    const list = await admin.get<StaffUser[]>('/api/users');
    expect(list.status).toBe(200);
    expect(list.body.map((u) => u.username)).toEqual(expect.arrayContaining(['admin', 'li.na']));
    expect(JSON.stringify(list.body)).not.toMatch(/argon2|password/i);

    const promoted = await admin.patch<StaffUser>(`/api/users/${created.body.id}`, { role: 'quality_manager' });
    expect(promoted.body.role).toBe('quality_manager');
    const deactivated = await admin.patch<StaffUser>(`/api/users/${created.body.id}`, { active: false });
    expect(deactivated.body.active).toBe(false);
  });

  it('refuses a duplicate username with 409', async () => {
    await admin.post('/api/users', { username: 'wang.fang', role: 'front_desk', password: PASSWORD });
    const again = await admin.post<ApiError>('/api/users', { username: 'WANG.FANG', role: 'admin', password: PASSWORD });
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/wang\.fang/);
  });

  it('creates one account when the same username is submitted twice at once', async () => {
    const body = { username: 'twice', role: 'front_desk', password: PASSWORD };
    const [a, b] = await Promise.all([admin.post('/api/users', body), admin.post('/api/users', body)]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const list = await admin.get<StaffUser[]>('/api/users');
    expect(list.body.filter((u) => u.username === 'twice')).toHaveLength(1);
  });

  it.each([
    [{ username: 'ok.name', role: 'doctor', password: PASSWORD }, /role must be one of/],
    [{ username: 'x', role: 'front_desk', password: PASSWORD }, /username/],
    [{ username: 'bad name!', role: 'front_desk', password: PASSWORD }, /username/],
    [{ username: 'short.pw', role: 'front_desk', password: 'short' }, /password must be longer than or equal to 10/],
    [{ role: 'front_desk', password: PASSWORD }, /username/],
  ])('refuses invalid input %p with 400 naming the field', async (body, message) => {
    const response = await admin.post<ApiError>('/api/users', body);
    expect(response.status).toBe(400);
    expect((response.body.message as string[]).join(' | ')).toMatch(message);
  });

  it('answers 400 for a non-numeric id and 404 for an unknown one', async () => {
    const bad = await admin.patch<ApiError>('/api/users/abc', { active: false });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toEqual(['id must be a positive integer']);
    expect((await admin.patch('/api/users/987654', { active: false })).status).toBe(404);
  });

  it('does not let an admin lock themselves out', async () => {
    const me = (await admin.get<AuthUser>('/api/auth/me')).body;
    expect((await admin.patch(`/api/users/${me.id}`, { active: false })).status).toBe(409);
    expect((await admin.patch(`/api/users/${me.id}`, { role: 'front_desk' })).status).toBe(409);
  });

  it('forbids /api/users to front desk and quality managers (403) and to anonymous callers (401)', async () => {
    await admin.post('/api/users', { username: 'desk.one', role: 'front_desk', password: PASSWORD });
    await admin.post('/api/users', { username: 'quality.one', role: 'quality_manager', password: PASSWORD });
    const desk = await anonymous.login('desk.one', PASSWORD);
    const quality = await anonymous.login('quality.one', PASSWORD);
    expect((await desk.get('/api/users')).status).toBe(403);
    expect((await desk.post('/api/users', { username: 'sneaky', role: 'admin', password: PASSWORD })).status).toBe(403);
    expect((await quality.get('/api/users')).status).toBe(403);
    expect((await anonymous.get('/api/users')).status).toBe(401);
    const names = (await admin.get<StaffUser[]>('/api/users')).body.map((u) => u.username);
    expect(names).not.toContain('sneaky');
  });
});
