import { sign } from 'jsonwebtoken';
import type { LoginResponse, StaffUser } from '@huifang/shared';
import { ApiClient } from '../support/api-client';
import { createTestDatabase, testDatabases } from '../support/databases';
import { ADMIN_PASSWORD, startServerOn, type RunningServer } from '../support/server-process';

const SECRET = 'e2e-token-secret-known-to-the-test-only';
const PASSWORD = 'correct-horse-battery';

/** The claims of a token the server issued (not verified: the test only re-signs them). */
function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;
}

describe.each(testDatabases())('access tokens on %s', (database) => {
  let server: RunningServer;
  /** A second instance on the same database. */
  let second: RunningServer;
  let anonymous: ApiClient;
  let admin: ApiClient;

  beforeAll(async () => {
    const db = await createTestDatabase(database);
    server = await startServerOn(database, db, { HUIFANG_TOKEN_SECRET: SECRET });
    second = await startServerOn(database, { url: db.url, drop: async () => undefined }, { HUIFANG_TOKEN_SECRET: SECRET });
    anonymous = new ApiClient(server.baseUrl);
    admin = await anonymous.login('admin', ADMIN_PASSWORD);
  });
  afterAll(async () => {
    await second?.stopKeepingDatabase();
    await server?.stop();
  });

  async function createUser(username: string): Promise<StaffUser> {
    const response = await admin.post<StaffUser>('/api/users', { username, role: 'front_desk', password: PASSWORD });
    expect(response.status).toBe(201);
    return response.body;
  }

  async function tokenFor(username: string, password = PASSWORD): Promise<string> {
    const response = await anonymous.post<LoginResponse>('/api/auth/login', { username, password });
    expect(response.status).toBe(200);
    return response.body.accessToken;
  }

  const statusWith = async (authorization: string) =>
    (await fetch(`${server.baseUrl}/api/auth/me`, { headers: { authorization } })).status;

  it('refuses every token issued before a password reset, even in the same second', async () => {
    const user = await createUser('reset.same.second');
    const stillValid: number[] = [];
    // Issue and revoke back to back: with whole-second comparison most of these stayed valid.
    for (let round = 0; round < 4; round++) {
      const password = `round-${round}-password`;
      const token = await tokenFor(user.username, round === 0 ? PASSWORD : `round-${round - 1}-password`);
      expect((await admin.patch(`/api/users/${user.id}`, { password })).status).toBe(200);
      if ((await anonymous.withToken(token).get('/api/auth/me')).status !== 401) stillValid.push(round);
    }
    expect(stillValid).toEqual([]);
  });

  it('does not bring old tokens back when a deactivated user is reactivated', async () => {
    const user = await createUser('comes.back');
    const token = await tokenFor(user.username);
    expect((await admin.patch(`/api/users/${user.id}`, { active: false })).status).toBe(200);
    expect((await anonymous.withToken(token).get('/api/auth/me')).status).toBe(401);
    expect((await admin.patch(`/api/users/${user.id}`, { active: true })).status).toBe(200);
    expect((await anonymous.withToken(token).get('/api/auth/me')).status).toBe(401);
    // A fresh login works again.
    expect((await anonymous.withToken(await tokenFor(user.username)).get('/api/auth/me')).status).toBe(200);
  });

  it('revokes at once on every instance: a deactivation or password reset through one refuses the token on the other', async () => {
    const onSecond = (token: string) => new ApiClient(second.baseUrl, token).get('/api/auth/me');
    const deactivated = await createUser('gone.everywhere');
    const reset = await createUser('reset.everywhere');
    const tokens = [await tokenFor(deactivated.username), await tokenFor(reset.username)];
    // The second instance has just seen both users (a per-process user cache would now hold them).
    for (const token of tokens) expect((await onSecond(token)).status).toBe(200);
    expect((await admin.patch(`/api/users/${deactivated.id}`, { active: false })).status).toBe(200);
    expect((await admin.patch(`/api/users/${reset.id}`, { password: 'a-new-password-here' })).status).toBe(200);
    for (const token of tokens) expect((await onSecond(token)).status).toBe(401);
  });

  it('accepts exactly "Bearer <token>" and refuses trailing junk or a second token', async () => {
    const token = await tokenFor('admin', ADMIN_PASSWORD);
    expect(await statusWith(`Bearer ${token}`)).toBe(200);
    expect(await statusWith(`Bearer ${token} junk`)).toBe(401);
    expect(await statusWith(`Bearer ${token} ${token}`)).toBe(401);
    expect(await statusWith(`Basic ${token}`)).toBe(401);
    expect(await statusWith(`Bearer`)).toBe(401);
  });

  it('refuses a correctly signed token without an expiry', async () => {
    const claims = claimsOf(await tokenFor('admin', ADMIN_PASSWORD));
    const { exp: _exp, ...withoutExp } = claims;
    // Control: the same claims re-signed with the secret are accepted while they carry exp.
    expect(await statusWith(`Bearer ${sign(claims, SECRET, { algorithm: 'HS256' })}`)).toBe(200);
    expect(await statusWith(`Bearer ${sign(withoutExp, SECRET, { algorithm: 'HS256' })}`)).toBe(401);
  });

  it('refuses an expired token and one signed with another algorithm or secret', async () => {
    const claims = claimsOf(await tokenFor('admin', ADMIN_PASSWORD));
    const past = Math.floor(Date.now() / 1000) - 60;
    expect(await statusWith(`Bearer ${sign({ ...claims, iat: past - 60, exp: past }, SECRET, { algorithm: 'HS256' })}`)).toBe(401);
    expect(await statusWith(`Bearer ${sign(claims, SECRET, { algorithm: 'HS512' })}`)).toBe(401);
    expect(await statusWith(`Bearer ${sign(claims, 'another-secret', { algorithm: 'HS256' })}`)).toBe(401);
    expect(await statusWith(`Bearer ${sign(claims, '', { algorithm: 'none' })}`)).toBe(401);
  });
});
