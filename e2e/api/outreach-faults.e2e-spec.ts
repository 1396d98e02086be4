import { ApiClient } from '../support/api-client';
import { createTestDatabase, testDatabases, type TestDatabase } from '../support/databases';
import { eventually } from '../support/eventually';
import { TestGateway, WEBHOOK_SECRET } from '../support/outreach/gateway';
import { invite, messageOf, messageReaches, messages, QUICK_WORKER, zoneAtLocalHour } from '../support/outreach/outreach-fixtures';
import { finishedVisit, staffClient } from '../support/patients-fixtures';
import { ADMIN_PASSWORD, startServerOn, type RunningServer } from '../support/server-process';

const CONSENTING = { consent: { surveys: true } };
/** Each test starts its own servers (two or three) on a loaded 2-core machine. */
const TEST_TIMEOUT = 300_000;

/*
 * Quiet hours, a server killed mid-delivery, and two instances on one database. The hospital's
 * zone is chosen so that its clock reads 23:00 (quiet) or noon: the server's own clock is real.
 */
describe.each(testDatabases())('outreach faults on %s', (database) => {
  let gateway: TestGateway;
  const dbs: TestDatabase[] = [];
  const servers: RunningServer[] = [];
  const env = () => ({ ...QUICK_WORKER, HUIFANG_SMS_WEBHOOK_URL: gateway.url, HUIFANG_WEBHOOK_SECRET: WEBHOOK_SECRET });

  beforeAll(async () => {
    gateway = await new TestGateway().start();
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stopKeepingDatabase()));
    await Promise.all(dbs.map((db) => db.drop()));
    await gateway.stop();
  });
  beforeEach(() => {
    gateway.mode = 'ok';
  });

  async function freshDatabase(): Promise<TestDatabase> {
    const db = await createTestDatabase(database);
    dbs.push(db);
    return db;
  }
  async function start(db: TestDatabase, extra: Record<string, string>): Promise<RunningServer> {
    const server = await startServerOn(database, db, { ...env(), ...extra });
    servers.push(server);
    return server;
  }
  async function clients(server: RunningServer, username: string): Promise<{ admin: ApiClient; desk: ApiClient }> {
    const anonymous = new ApiClient(server.baseUrl);
    const admin = await anonymous.login('admin', ADMIN_PASSWORD);
    return { admin, desk: await staffClient(admin, anonymous, username, 'front_desk') };
  }

  it('holds a message written in the quiet hours until 08:00 in the hospital’s zone (not suppressed)', async () => {
    const zone = zoneAtLocalHour(23);
    const server = await start(await freshDatabase(), { HUIFANG_TIMEZONE: zone });
    const { admin, desk } = await clients(server, 'quiet.desk');
    const { patient, encounterId } = await finishedVisit(desk, CONSENTING);
    const invitation = await invite(desk, encounterId);
    const held = await messageOf(admin, patient.id);
    expect(held).toMatchObject({ status: 'queued', reason: null, attempts: 0 });
    const due = new Date(held.nextAttemptAt);
    const local = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(due);
    expect(local).toBe('08:00');
    expect(due.getTime() - Date.now()).toBeGreaterThan(8 * 3_600_000);
    expect(due.getTime() - Date.now()).toBeLessThan(10 * 3_600_000);
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(gateway.requestsFor(`survey_invitation:${invitation.id}`)).toEqual([]);
    expect((await messageOf(admin, patient.id)).status).toBe('queued');
  }, TEST_TIMEOUT);

  it('delivers a message whose server was killed (kill -9) while the gateway held it: the retry carries the same key', async () => {
    const db = await freshDatabase();
    const first = await start(db, { HUIFANG_TIMEZONE: zoneAtLocalHour(12) });
    const { desk } = await clients(first, 'kill.desk');
    gateway.mode = 'hold';
    const { patient, encounterId } = await finishedVisit(desk, CONSENTING);
    const invitation = await invite(desk, encounterId);
    const key = `survey_invitation:${invitation.id}`;
    await eventually(async () => gateway.requestsFor(key), (tries) => expect(tries.length).toBeGreaterThan(0));
    await first.kill();
    const killedAt = Date.now();

    gateway.mode = 'ok';
    const second = await start(db, { HUIFANG_TIMEZONE: zoneAtLocalHour(12) });
    const admin = await new ApiClient(second.baseUrl).login('admin', ADMIN_PASSWORD);
    // Claimed for 3 s by the dead server; then claimed again and sent.
    const sent = await messageReaches(admin, patient.id, 'sent', 20_000);
    // Every try reached the gateway (one or more held by the dead server, its timeout may have struck
    // before the kill), the last by the new server; all carry the same key and the same message.
    const tries = gateway.requestsFor(key);
    expect(tries.length).toBeGreaterThanOrEqual(2);
    expect(sent.attempts).toBe(tries.length);
    expect(tries[tries.length - 1].at).toBeGreaterThan(killedAt);
    expect(new Set(tries.map((t) => t.idempotencyHeader))).toEqual(new Set([key]));
    for (const t of tries) expect(t.body).toEqual(tries[0].body);
  }, TEST_TIMEOUT);

  it('two server instances on one database send every message exactly once', async () => {
    const db = await freshDatabase();
    // A gateway timeout (a try that did reach the gateway) and an expired claim (a dead server) are the
    // two legitimate causes of a second send; both are ruled out here so that only a double claim could cause one.
    const zone = { HUIFANG_TIMEZONE: zoneAtLocalHour(12), HUIFANG_WEBHOOK_TIMEOUT_MS: '30000', HUIFANG_OUTREACH_CLAIM_MS: '60000' };
    const a = await start(db, zone);
    const b = await start(db, zone);
    const { admin, desk: deskA } = await clients(a, 'twin.desk');
    const deskB = new ApiClient(b.baseUrl, deskA.token);
    const before = gateway.requests.length;
    const invited = await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        const desk = i % 2 === 0 ? deskA : deskB;
        const { encounterId } = await finishedVisit(desk, CONSENTING);
        return invite(desk, encounterId);
      }),
    );
    await eventually(() => messages(admin, '&status=sent'), (sent) => expect(sent.length).toBe(20), 30_000);
    // Both workers kept polling meanwhile; nothing is left and nothing went twice.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const requests = gateway.requests.slice(before);
    const twice = requests.filter((r, i) => requests.findIndex((o) => o.body.idempotencyKey === r.body.idempotencyKey) !== i).map((r) => r.body.idempotencyKey);
    expect(twice).toEqual([]);
    expect(requests).toHaveLength(20);
    expect(new Set(requests.map((r) => r.body.idempotencyKey))).toEqual(new Set(invited.map((i) => `survey_invitation:${i.id}`)));
    expect((await messages(admin, '&kind=survey_invitation')).every((m) => m.attempts === 1)).toBe(true);
  }, TEST_TIMEOUT);
});
