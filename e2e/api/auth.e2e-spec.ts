import type { ApiError, AuthUser, LoginResponse, StaffUser } from '@huifang/shared';
import { ApiClient } from '../support/api-client';
import { testDatabases } from '../support/databases';
import { eventually } from '../support/eventually';
import { ADMIN_PASSWORD, startServer, type RunningServer } from '../support/server-process';

describe.each(testDatabases())('staff login on %s', (database) => {
  let server: RunningServer;
  let anonymous: ApiClient;
  let admin: ApiClient;

  beforeAll(async () => {
    server = await startServer(database);
    anonymous = new ApiClient(server.baseUrl);
    admin = await anonymous.login('admin', ADMIN_PASSWORD);
  });
  afterAll(() => server?.stop());

  async function createUser(username: string, role: string, password = 'correct-horse-battery'): Promise<StaffUser> {
    const response = await admin.post<StaffUser>('/api/users', { username, role, password, displayName: username });
    expect(response.status).toBe(201);
    return response.body;
  }

  it('logs in with the right pair and returns a signed token and the user', async () => {
    const response = await anonymous.post<LoginResponse>('/api/auth/login', { username: 'admin', password: ADMIN_PASSWORD });
    expect(response.status).toBe(200);
    expect(response.body.accessToken.split('.')).toHaveLength(3);
    expect(response.body.expiresIn).toBeGreaterThan(0);
    expect(response.body.user).toEqual({ id: expect.any(Number), username: 'admin', displayName: expect.any(String), role: 'admin' });

    const me = await anonymous.withToken(response.body.accessToken).get<AuthUser>('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.username).toBe('admin');
  });

  it('answers 401 for a wrong password and for an unknown user, with the same message', async () => {
    const wrong = await anonymous.post<ApiError>('/api/auth/login', { username: 'admin', password: 'not-the-password' });
    const unknown = await anonymous.post<ApiError>('/api/auth/login', { username: 'nobody', password: 'whatever-it-is' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.message).toBe(unknown.body.message);
  });

  it('answers 400 naming the fields for an empty body', async () => {
    const response = await anonymous.post<ApiError>('/api/auth/login', {});
    expect(response.status).toBe(400);
    const messages = (response.body.message as string[]).join(' | ');
    expect(messages).toMatch(/username/);
    expect(messages).toMatch(/password/);
  });

  it('locks a username after repeated failures, even for the right password, and not other usernames', async () => {
    await createUser('locked.out', 'front_desk');
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      statuses.push((await anonymous.post('/api/auth/login', { username: 'locked.out', password: `guess-${i}-wrong` })).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    const locked = await anonymous.post<ApiError>('/api/auth/login', { username: 'locked.out', password: 'correct-horse-battery' });
    expect(locked.status).toBe(429);
    expect(locked.body.message).toMatch(/try again in \d+ minute/);
    // The lock is per username: admin still logs in.
    expect((await anonymous.post('/api/auth/login', { username: 'admin', password: ADMIN_PASSWORD })).status).toBe(200);
  });

  it('refuses routes without a token, with a forged token, and with a garbage header', async () => {
    expect((await anonymous.get('/api/auth/me')).status).toBe(401);
    expect((await anonymous.withToken('not.a.token').get('/api/auth/me')).status).toBe(401);
    const [header, , signature] = (
      await anonymous.post<LoginResponse>('/api/auth/login', { username: 'admin', password: ADMIN_PASSWORD })
    ).body.accessToken.split('.');
    const forgedPayload = Buffer.from(JSON.stringify({ sub: 1, role: 'admin', iat: 1, exp: 4102444800 })).toString('base64url');
    expect((await anonymous.withToken(`${header}.${forgedPayload}.${signature}`).get('/api/auth/me')).status).toBe(401);
  });

  it('stops honouring the token of a deactivated user, and old tokens after a password reset', async () => {
    const deactivated = await createUser('leaving.soon', 'front_desk');
    const leaving = await anonymous.login('leaving.soon', 'correct-horse-battery');
    expect((await leaving.get('/api/auth/me')).status).toBe(200);
    expect((await admin.patch(`/api/users/${deactivated.id}`, { active: false })).status).toBe(200);
    expect((await leaving.get('/api/auth/me')).status).toBe(401);
    expect((await anonymous.post('/api/auth/login', { username: 'leaving.soon', password: 'correct-horse-battery' })).status).toBe(401);

    const reset = await createUser('forgetful', 'quality_manager');
    const before = await anonymous.login('forgetful', 'correct-horse-battery');
    expect((await admin.patch(`/api/users/${reset.id}`, { password: 'a-brand-new-password' })).status).toBe(200);
    expect((await before.get('/api/auth/me')).status).toBe(401);
    expect((await anonymous.post('/api/auth/login', { username: 'forgetful', password: 'a-brand-new-password' })).status).toBe(200);
  });

  it('keeps passwords, tokens and request bodies out of the logs', async () => {
    const response = await anonymous.post<LoginResponse>('/api/auth/login', { username: 'admin', password: ADMIN_PASSWORD });
    await anonymous.withToken(response.body.accessToken).get('/api/users?q=13812345678');
    // Request lines are written after the response: wait for both (a loaded machine may take a while).
    const requestLine = (path: string) => `"url":"${path}`;
    const logs = await eventually(
      async () => server.output(),
      (output) => {
        expect(output).toContain(requestLine('/api/auth/login'));
        expect(output).toContain(requestLine('/api/users'));
      },
    );
    expect(logs).not.toContain(ADMIN_PASSWORD);
    expect(logs).not.toContain(response.body.accessToken);
    expect(logs).not.toContain('13812345678');
    // Production logs are one JSON object per line.
    const requestLines = logs.split('\n').filter((line) => line.includes('"url":"/api/'));
    expect(requestLines.length).toBeGreaterThan(0);
    for (const line of requestLines) expect(() => JSON.parse(line)).not.toThrow();
  });
});
