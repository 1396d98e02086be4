import type { ApiError, AuditEntry, AuthUser, Page, PatientSummary } from '@huifang/shared';
import { ApiClient, type ApiResponse } from '../support/api-client';
import { createTestDatabase, testDatabases } from '../support/databases';
import { registerPatient, staffClient } from '../support/patients-fixtures';
import { ADMIN_PASSWORD, startServerOn, type RunningServer } from '../support/server-process';

const SEARCH_LIMIT = 50;

/** Phones that share no 4-digit tail with any id of this small test database. */
let serial = 0;
function phoneEnding(last4: string): string {
  serial += 1;
  return `159${String((process.pid + serial * 37) % 10000).padStart(4, '0')}${last4}`;
}

describe.each(testDatabases())('phone search that cannot unmask on %s', (database) => {
  let server: RunningServer;
  let second: RunningServer;
  let anonymous: ApiClient;
  let admin: ApiClient;
  let desk: ApiClient;
  let quality: ApiClient;

  beforeAll(async () => {
    const db = await createTestDatabase(database);
    const env = { HUIFANG_SEARCH_RATE_LIMIT: String(SEARCH_LIMIT) };
    server = await startServerOn(database, db, env);
    anonymous = new ApiClient(server.baseUrl);
    admin = await anonymous.login('admin', ADMIN_PASSWORD);
    desk = await staffClient(admin, anonymous, 'desk', 'front_desk');
    quality = await staffClient(admin, anonymous, 'quality', 'quality_manager');
    second = await startServerOn(database, { url: db.url, drop: async () => undefined }, env);
  });
  afterAll(async () => {
    await second?.stopKeepingDatabase();
    await server?.stop();
  });

  const search = (client: ApiClient, q: string) => client.get<Page<PatientSummary>>(`/api/patients?q=${encodeURIComponent(q)}&pageSize=100`);
  const ids = (response: ApiResponse<Page<PatientSummary>>) => (response.status === 200 ? response.body.items.map((p) => p.id) : []);
  const me = async (client: ApiClient) => (await client.get<AuthUser>('/api/auth/me')).body;

  it('defeats the unmasking attack: substring searches around the masked digits recover nothing', async () => {
    const victim = await registerPatient(desk, { name: '被查患者', phone: phoneEnding('1947') });
    const attacker = await staffClient(admin, anonymous, 'curious', 'front_desk');
    // What the attacker sees in the list: 159****1947.
    const listed = (await search(attacker, '被查患者')).body.items.find((p) => p.id === victim.id);
    expect(listed?.phoneMasked).toBe(`159****1947`);

    // Grow the known tail one digit at a time, then the known head: a hit is the victim in the results.
    let tail = '1947';
    let head = '159';
    let searches = 0;
    const refused: number[] = [];
    const tryFragment = async (fragment: string) => {
      searches += 1;
      const response = await search(attacker, fragment);
      if (response.status !== 200) refused.push(response.status);
      return ids(response).includes(victim.id);
    };
    for (let position = 0; position < 4 && head.length + tail.length < 11; position++) {
      let grown = false;
      for (let digit = 0; digit <= 9 && !grown; digit++) {
        if (await tryFragment(`${digit}${tail}`)) {
          tail = `${digit}${tail}`;
          grown = true;
        }
      }
      for (let digit = 0; digit <= 9 && !grown; digit++) {
        if (await tryFragment(`${head}${digit}`)) {
          head = `${head}${digit}`;
          grown = true;
        }
      }
      if (!grown) break;
    }

    const recovered = `${head}${tail}`;
    expect(recovered).not.toBe(victim.phone);
    expect(recovered).toBe('1591947'); // not one masked digit learnt
    expect(searches).toBeLessThan(SEARCH_LIMIT);
    expect(new Set(refused)).toEqual(new Set([400]));
  });

  it('lets the front desk find a patient by the last 4 digits or the whole number, and refuses other digit runs naming q', async () => {
    const patient = await registerPatient(desk, { name: '尾号患者', phone: phoneEnding('8642') });
    expect(ids(await search(desk, '8642'))).toContain(patient.id);
    expect(ids(await search(desk, patient.phone))).toEqual([patient.id]);
    const spaced = `${patient.phone.slice(0, 3)} ${patient.phone.slice(3, 7)}-${patient.phone.slice(7)}`;
    expect(ids(await search(desk, spaced))).toEqual([patient.id]);
    const byLast4 = await search(desk, '8642');
    expect(JSON.stringify(byLast4.body)).not.toContain(patient.phone);

    for (const fragment of ['864', patient.phone.slice(2, 9), patient.phone.slice(1), `${patient.phone}0`]) {
      const response = await desk.get<ApiError>(`/api/patients?q=${fragment}`);
      expect(response.status).toBe(400);
      expect(response.body.message).toEqual([expect.stringMatching(/^q /)]);
    }
    expect(ids(await search(desk, '尾号'))).toContain(patient.id);
  });

  it('lets quality managers search digits as a patient id only, never as a phone', async () => {
    const patient = await registerPatient(desk, { name: '质控查询', phone: phoneEnding('7531') });
    expect(ids(await search(quality, String(patient.id)))).toEqual([patient.id]);
    expect(ids(await search(quality, '7531'))).not.toContain(patient.id);
    expect(ids(await search(quality, patient.phone))).toEqual([]);
    expect((await search(quality, patient.phone.slice(3))).status).toBe(200);
    expect(ids(await search(quality, '质控查询'))).toEqual([patient.id]);
  });

  it('audits every search with who searched, the masked query and the number of results', async () => {
    const patient = await registerPatient(desk, { name: '审计查询', phone: phoneEnding('2468') });
    const auditor = await staffClient(admin, anonymous, 'searcher', 'front_desk');
    await search(auditor, patient.phone);
    await search(auditor, '2468');
    await search(auditor, '审计查询');
    const { id } = await me(auditor);
    const log = await admin.get<Page<AuditEntry>>(`/api/audit-log?actorId=${id}`);
    const searches = log.body.items.filter((entry) => entry.action === 'patient.search').reverse();
    expect(searches).toHaveLength(3);
    const details = searches.map((entry) => JSON.parse(entry.detail ?? '{}'));
    expect(details[0]).toMatchObject({ q: `${patient.phone.slice(0, 3)}****${patient.phone.slice(7)}`, results: 1 });
    expect(details[1]).toMatchObject({ q: '2468' });
    expect(details[1].results).toBeGreaterThanOrEqual(1);
    expect(details[2]).toMatchObject({ q: '审***', results: 1 });
    expect(JSON.stringify(log.body)).not.toContain(patient.phone);
  });

  it('holds the search limit against searches sent all at once, through both instances', async () => {
    const rushed = await staffClient(admin, anonymous, 'rushed', 'front_desk');
    const onSecond = new ApiClient(second.baseUrl, rushed.token);
    // Guessing a masked phone's middle digits in parallel: counted after the search, all of them passed.
    const guesses = Array.from({ length: 3 * SEARCH_LIMIT }, (_, i) => search(i % 2 ? onSecond : rushed, `159${String(i).padStart(4, '0')}1947`));
    const statuses = (await Promise.all(guesses)).map((response) => response.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(SEARCH_LIMIT);
    expect(statuses.filter((status) => status === 429)).toHaveLength(2 * SEARCH_LIMIT);
  });

  it('rate-limits searches per user across instances: 429 with Retry-After and the API error shape', async () => {
    const busy = await staffClient(admin, anonymous, 'busy', 'front_desk');
    const other = await staffClient(admin, anonymous, 'calm', 'front_desk');
    for (let i = 0; i < SEARCH_LIMIT - 1; i++) expect((await search(busy, '张')).status).toBe(200);
    // The last allowed search and the refusal go to the second instance: the count lives in the database.
    const onSecond = new ApiClient(second.baseUrl, busy.token);
    expect((await search(onSecond, '张')).status).toBe(200);
    const refused = await onSecond.get<ApiError>('/api/patients?q=%E5%BC%A0');
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests', code: 'rate_limited' });
    expect(refused.body.requestId).toEqual(expect.any(String));
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect((await search(busy, '张')).status).toBe(429);
    expect((await search(other, '张')).status).toBe(200);
  });
});
