import { request } from 'node:http';
import * as argon2 from 'argon2';
import { ERROR_CODES, type ApiError, type LoginResponse } from '@huifang/shared';
import { ApiClient } from '../support/api-client';
import { createTestDatabase, testDatabases, type DatabaseKind, type TestDatabase } from '../support/databases';
import { ADMIN_PASSWORD, startServerOn, type RunningServer } from '../support/server-process';
import { runSql } from '../support/sql';

const PASSWORD = 'correct-horse-battery';
/** Spraying limit for these servers: small, so the test needs few (argon2-priced) attempts. */
const SOURCE_LIMIT = 12;

interface LoginAnswer {
  status: number;
  body: ApiError | LoginResponse;
  retryAfter: number | undefined;
}

/**
 * A login from a chosen source address: Linux routes all of 127.0.0.0/8 to the loopback device,
 * so binding the client socket to 127.0.0.2 makes the server see a second client.
 */
function loginFrom(server: RunningServer, source: string, username: string, password: string, forwardedFor?: string): Promise<LoginAnswer> {
  const url = new URL('/api/auth/login', server.baseUrl);
  const payload = JSON.stringify({ username, password });
  const headers = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), ...(forwardedFor && { 'x-forwarded-for': forwardedFor }) };
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', localAddress: source, headers },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          const header = res.headers['retry-after'];
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as ApiError, retryAfter: header === undefined ? undefined : Number(header) });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** Ends every current lock, as if its time had passed (the counts stay). */
async function expireLocks(server: RunningServer): Promise<void> {
  await runSql(server.databaseUrl, 'UPDATE login_failure SET locked_until = $1 WHERE locked_until IS NOT NULL', [
    server.database === 'postgres' ? new Date(Date.now() - 1000) : new Date(Date.now() - 1000).toISOString().replace('T', ' ').replace('Z', ''),
  ]);
}

describe.each(testDatabases())('login throttling and lock-out on %s', (database: DatabaseKind) => {
  let db: TestDatabase;
  let server: RunningServer;
  let admin: ApiClient;
  // Loopback is a trusted proxy, so a test can send from IPv6 addresses through X-Forwarded-For.
  const env = { HUIFANG_LOGIN_SOURCE_MAX_FAILURES: String(SOURCE_LIMIT), HUIFANG_TRUST_PROXY: '127.0.0.0/8' };

  beforeAll(async () => {
    db = await createTestDatabase(database);
    server = await startServerOn(database, db, env);
    admin = await new ApiClient(server.baseUrl).login('admin', ADMIN_PASSWORD);
    await cheapenHash('admin', ADMIN_PASSWORD);
  });
  afterAll(() => server?.stop());

  /**
   * The throttle's tests make hundreds of attempts; at production cost (~250 ms of argon2 each here)
   * that is minutes. Known users' hashes are therefore made again at argon2id's lowest cost: the
   * server verifies them exactly as any hash (the parameters travel inside it), in about 1 ms.
   * Unknown usernames still meet the decoy hash at production cost.
   */
  async function cheapenHash(username: string, password: string): Promise<void> {
    const hash = await argon2.hash(password, { type: argon2.argon2id, memoryCost: 1024, timeCost: 1, parallelism: 1 });
    await runSql(server.databaseUrl, 'UPDATE staff_user SET password_hash = $1 WHERE username = $2', [hash, username]);
  }

  async function createUser(username: string): Promise<void> {
    expect((await admin.post('/api/users', { username, role: 'front_desk', password: PASSWORD })).status).toBe(201);
    await cheapenHash(username, PASSWORD);
  }

  async function failFiveTimes(source: string, username: string): Promise<number[]> {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await loginFrom(server, source, username, `wrong-guess-${i}`)).status);
    return statuses;
  }

  it('locks a username for one source only: a colleague at another address still logs in', async () => {
    await createUser('locked.here');
    expect(await failFiveTimes('127.0.0.3', 'locked.here')).toEqual([401, 401, 401, 401, 401]);

    const locked = await loginFrom(server, '127.0.0.3', 'locked.here', PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests', code: ERROR_CODES.loginLocked });
    expect((locked.body as ApiError).message).toMatch(/try again in 1 minute/);
    expect((locked.body as ApiError).requestId).toEqual(expect.any(String));
    expect(locked.retryAfter).toBeGreaterThan(50);
    expect(locked.retryAfter).toBeLessThanOrEqual(60);

    expect((await loginFrom(server, '127.0.0.4', 'locked.here', PASSWORD)).status).toBe(200);
  });

  it('answers an unknown username exactly like a known one, lock included', async () => {
    await createUser('known.user');
    const known = await failFiveTimes('127.0.0.5', 'known.user');
    const unknown = await failFiveTimes('127.0.0.5', 'no.such.user');
    expect(unknown).toEqual(known);
    const [a, b] = [await loginFrom(server, '127.0.0.5', 'known.user', PASSWORD), await loginFrom(server, '127.0.0.5', 'no.such.user', PASSWORD)];
    expect([a.status, b.status]).toEqual([429, 429]);
    expect({ ...b.body, requestId: undefined }).toEqual({ ...a.body, requestId: undefined });
  });

  it('doubles the lock with each further failure', async () => {
    await createUser('slow.guesser');
    await failFiveTimes('127.0.0.6', 'slow.guesser');
    const waits: number[] = [];
    for (let round = 0; round < 3; round++) {
      waits.push((await loginFrom(server, '127.0.0.6', 'slow.guesser', PASSWORD)).retryAfter ?? 0);
      await expireLocks(server);
      // One more wrong password once the lock has passed: locked again, for twice as long.
      expect((await loginFrom(server, '127.0.0.6', 'slow.guesser', `wrong-again-${round}`)).status).toBe(401);
    }
    waits.push((await loginFrom(server, '127.0.0.6', 'slow.guesser', PASSWORD)).retryAfter ?? 0);
    expect(waits.map((seconds) => Math.round(seconds / 60))).toEqual([1, 2, 4, 8]);
  });

  it('lets at most five of many concurrent wrong passwords reach the password check, refusing the rest', async () => {
    await createUser('rushed.guesser');
    const guesses = Array.from({ length: 12 }, (_, i) => loginFrom(server, '127.0.0.7', 'rushed.guesser', `parallel-guess-${i}`));
    const answers = await Promise.all(guesses);
    // Checking the lock before the password and setting it after let every concurrent guess through.
    expect(answers.filter((answer) => answer.status === 401)).toHaveLength(5);
    const refused = answers.filter((answer) => answer.status === 429);
    expect(refused).toHaveLength(7);
    for (const answer of refused) expect(answer.body).toMatchObject({ code: ERROR_CODES.loginLocked });
    // The refused guesses were given back: the lock is the one after five failures, one minute.
    const locked = await loginFrom(server, '127.0.0.7', 'rushed.guesser', PASSWORD);
    expect(locked.status).toBe(429);
    expect(Math.round((locked.retryAfter ?? 0) / 60)).toBe(1);
  });

  it('counts an IPv6 client by its /64: rotating addresses in it does not escape the lock', async () => {
    await createUser('ipv6.target');
    const inNetwork = (i: number) => `2001:db8:7:${i === 0 ? '0' : '0000'}::${(i * 7919).toString(16)}`;
    for (let i = 0; i < 5; i++) expect((await loginFrom(server, '127.0.0.13', 'ipv6.target', `v6-guess-${i}`, inNetwork(i))).status).toBe(401);
    const locked = await loginFrom(server, '127.0.0.13', 'ipv6.target', PASSWORD, '2001:db8:7:0:ffff:1:2:3');
    expect(locked.status).toBe(429);
    expect(locked.body).toMatchObject({ code: ERROR_CODES.loginLocked });
    // The next /64 is someone else.
    expect((await loginFrom(server, '127.0.0.13', 'ipv6.target', PASSWORD, '2001:db8:7:1::1')).status).toBe(200);
  });

  it('throttles one source spraying many usernames, before checking any more passwords', async () => {
    const answers: LoginAnswer[] = [];
    for (let i = 0; i < SOURCE_LIMIT + 2; i++) answers.push(await loginFrom(server, '127.0.0.8', `sprayed.user.${i}`, 'Password123'));
    expect(answers.slice(0, SOURCE_LIMIT).map((a) => a.status)).toEqual(Array(SOURCE_LIMIT).fill(401));
    for (const answer of answers.slice(SOURCE_LIMIT)) {
      expect(answer.status).toBe(429);
      expect(answer.body).toMatchObject({ code: ERROR_CODES.rateLimited });
      expect(answer.retryAfter).toBeGreaterThan(0);
      expect(answer.retryAfter).toBeLessThanOrEqual(15 * 60);
    }
    // Even the right password waits at that source; another source is not affected.
    expect((await loginFrom(server, '127.0.0.8', 'admin', ADMIN_PASSWORD)).status).toBe(429);
    expect((await loginFrom(server, '127.0.0.9', 'admin', ADMIN_PASSWORD)).status).toBe(200);
  });

  it('does not count successful logins against their source', async () => {
    for (let i = 0; i < SOURCE_LIMIT + 3; i++) expect((await loginFrom(server, '127.0.0.10', 'admin', ADMIN_PASSWORD)).status).toBe(200);
  });

  it('forgets a username\'s failures from a source after a successful login there', async () => {
    await createUser('forgiven.user');
    for (let i = 0; i < 4; i++) expect((await loginFrom(server, '127.0.0.11', 'forgiven.user', `typo-${i}`)).status).toBe(401);
    expect((await loginFrom(server, '127.0.0.11', 'forgiven.user', PASSWORD)).status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await loginFrom(server, '127.0.0.11', 'forgiven.user', `typo-again-${i}`)).status).toBe(401);
    expect((await loginFrom(server, '127.0.0.11', 'forgiven.user', PASSWORD)).status).toBe(200);
  });

  it('keeps locks in the database: a restarted server (or a second instance) still refuses', async () => {
    await createUser('still.locked');
    await failFiveTimes('127.0.0.12', 'still.locked');
    await server.stopKeepingDatabase();
    server = await startServerOn(database, db, env);
    const locked = await loginFrom(server, '127.0.0.12', 'still.locked', PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.body).toMatchObject({ code: ERROR_CODES.loginLocked });
    // No username, address or password is stored in the clear.
    const rows = JSON.stringify(await runSql(server.databaseUrl, 'SELECT * FROM login_failure'));
    expect(rows).not.toMatch(/still\.locked|127\.0\.0|wrong-guess/);
  });
});
