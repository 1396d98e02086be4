import type { AuditEntry, OutreachMessage, Page, Patient } from '@huifang/shared';
import { ApiClient } from '../support/api-client';
import { testDatabases } from '../support/databases';
import { postReceipt, signedReceipt, TestGateway, WEBHOOK_SECRET } from '../support/outreach/gateway';
import { anotherVisit, invite, messageOf, messageReaches, messages, QUICK_WORKER, zoneAtLocalHour } from '../support/outreach/outreach-fixtures';
import { finishedVisit, staffClient } from '../support/patients-fixtures';
import { ADMIN_PASSWORD, startServer, type RunningServer } from '../support/server-process';

const CONSENTING = { consent: { surveys: true, followUpCalls: true } };

/*
 * Survey invitations go out by SMS through a real local gateway (node:http) that checks the HMAC:
 * the outbox row commits with the invitation, the worker delivers it with its idempotency key,
 * retries a gateway that fails with back-off and finally fails with the reason; receipts are
 * signed; an opt-out withdraws the consent. The server's zone is chosen so that it is midday there.
 */
describe.each(testDatabases())('outreach by SMS webhook on %s', (database) => {
  let server: RunningServer;
  let gateway: TestGateway;
  let admin: ApiClient;
  let desk: ApiClient;

  beforeAll(async () => {
    gateway = await new TestGateway().start();
    server = await startServer(database, {
      ...QUICK_WORKER,
      HUIFANG_TIMEZONE: zoneAtLocalHour(12),
      HUIFANG_SURVEY_MIN_DAYS: '0',
      HUIFANG_SMS_WEBHOOK_URL: gateway.url,
      HUIFANG_WEBHOOK_SECRET: WEBHOOK_SECRET,
    });
    const anonymous = new ApiClient(server.baseUrl);
    admin = await anonymous.login('admin', ADMIN_PASSWORD);
    desk = await staffClient(admin, anonymous, 'outreach.desk', 'front_desk');
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    await gateway?.stop();
  });
  beforeEach(() => {
    gateway.mode = 'ok';
  });

  it('sends the invitation, signed and with its idempotency key, and a signed receipt marks it delivered', async () => {
    const { patient, encounterId } = await finishedVisit(desk, CONSENTING);
    const invitation = await invite(desk, encounterId, 'en');
    const sent = await messageReaches(admin, patient.id, 'sent');
    expect(sent).toMatchObject({ kind: 'survey_invitation', channel: 'sms', purpose: 'surveys', attempts: 1, reason: null });
    expect(sent.sentAt).not.toBeNull();
    // The admin list carries no text and no address.
    expect(JSON.stringify(sent)).not.toContain(patient.phone);
    expect(Object.keys(sent)).not.toContain('body');

    const [request] = gateway.requestsFor(`survey_invitation:${invitation.id}`);
    expect(request).toMatchObject({ signatureValid: true, idempotencyHeader: `survey_invitation:${invitation.id}` });
    expect(request.body).toMatchObject({ channel: 'sms', kind: 'survey_invitation', to: patient.phone, language: 'en' });
    expect(request.body.text).toContain(invitation.url);
    expect(request.body.text).toContain('Reply STOP');
    // The link in the message opens the survey.
    expect((await fetch(`${server.baseUrl}/api/public/surveys/${invitation.token}`)).status).toBe(200);

    const receipt = await postReceipt(server.baseUrl, 'sms', signedReceipt({ idempotencyKey: `survey_invitation:${invitation.id}`, status: 'delivered' }));
    expect(receipt).toMatchObject({ status: 200, body: { messageId: sent.id, status: 'delivered', optedOut: false } });
    expect(await messageOf(admin, patient.id)).toMatchObject({ status: 'delivered', deliveredAt: expect.any(String) });
  });

  it('suppresses the message of a patient whose consent to surveys was never recorded, and sends nothing', async () => {
    const { patient, encounterId } = await finishedVisit(desk);
    const invitation = await invite(desk, encounterId);
    expect(await messageOf(admin, patient.id)).toMatchObject({ status: 'suppressed', reason: 'no_consent', attempts: 0 });
    // Give the worker time to (wrongly) pick it up.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(gateway.requestsFor(`survey_invitation:${invitation.id}`)).toEqual([]);
  });

  it('caps messages at two per patient per hospital day: the third is suppressed with the rule', async () => {
    const { patient, encounterId } = await finishedVisit(desk, CONSENTING);
    await invite(desk, encounterId);
    await invite(desk, await anotherVisit(desk, patient.id));
    const third = await invite(desk, await anotherVisit(desk, patient.id));
    const mine = (await messages(admin, '&kind=survey_invitation')).filter((m) => m.patientId === patient.id);
    expect(mine.map((m) => m.status === 'suppressed' ? m.reason : 'sendable').sort()).toEqual(['daily_cap', 'sendable', 'sendable']);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(gateway.requestsFor(`survey_invitation:${third.id}`)).toEqual([]);
  });

  it.each([
    ['error500', 'gateway answered 500'],
    ['garbage', 'gateway answered garbage (no JSON object)'],
  ] as const)('retries a gateway that answers %s with back-off, then fails with the reason', async (mode, reason) => {
    gateway.mode = mode;
    const { patient, encounterId } = await finishedVisit(desk, CONSENTING);
    const invitation = await invite(desk, encounterId);
    const failed = await messageReaches(admin, patient.id, 'failed');
    expect(failed).toMatchObject({ attempts: 3, reason });
    const tries = gateway.requestsFor(`survey_invitation:${invitation.id}`);
    expect(tries).toHaveLength(3);
    // Every try carries the same key; the waits double (300 ms, then 600 ms; polling adds a little).
    expect(new Set(tries.map((t) => t.body.idempotencyKey)).size).toBe(1);
    const waits = [tries[1].at - tries[0].at, tries[2].at - tries[1].at];
    expect(waits[0]).toBeGreaterThanOrEqual(290);
    expect(waits[1]).toBeGreaterThanOrEqual(590);
  });

  it('retries a gateway that does not answer in time, then fails with the timeout', async () => {
    gateway.mode = 'hold';
    const { patient, encounterId } = await finishedVisit(desk, CONSENTING);
    const invitation = await invite(desk, encounterId);
    const failed = await messageReaches(admin, patient.id, 'failed', 20_000);
    expect(failed).toMatchObject({ attempts: 3, reason: 'gateway timed out after 1000 ms' });
    expect(gateway.requestsFor(`survey_invitation:${invitation.id}`)).toHaveLength(3);
  });

  it('fails at once when the gateway refuses (4xx); an admin may send it again (audited), only when failed', async () => {
    gateway.mode = 'refuse400';
    const { patient, encounterId } = await finishedVisit(desk, CONSENTING);
    const invitation = await invite(desk, encounterId);
    const failed = await messageReaches(admin, patient.id, 'failed');
    expect(failed).toMatchObject({ attempts: 1, reason: 'gateway refused the message (400)' });

    expect((await desk.post(`/api/outreach/messages/${failed.id}/retry`)).status).toBe(403);
    gateway.mode = 'ok';
    const retried = await admin.post<OutreachMessage>(`/api/outreach/messages/${failed.id}/retry`);
    expect(retried).toMatchObject({ status: 200, body: { id: failed.id, status: 'queued', attempts: 0, reason: null } });
    await messageReaches(admin, patient.id, 'sent');
    const tries = gateway.requestsFor(`survey_invitation:${invitation.id}`);
    expect(tries).toHaveLength(2);
    expect(tries[1].body.text).toContain(invitation.url);

    expect(await admin.post(`/api/outreach/messages/${failed.id}/retry`)).toMatchObject({ status: 409, body: { code: 'outreach.not_failed' } });
    expect(await admin.post('/api/outreach/messages/999999/retry')).toMatchObject({ status: 404, body: { code: 'outreach.message_not_found', params: { messageId: 999999 } } });
    const audit = await admin.get<Page<AuditEntry>>(`/api/audit-log?action=outreach.retry&patientId=${patient.id}`);
    expect(audit.body.items).toEqual([expect.objectContaining({ entityType: 'outreach_message', entityId: failed.id, actor: expect.objectContaining({ username: 'admin' }) })]);
  });

  it('answers a receipt with a bad or stale signature 401 and records it without the body', async () => {
    const body = { idempotencyKey: 'survey_invitation:1', status: 'delivered', reason: '13900001111 secret' };
    expect(await postReceipt(server.baseUrl, 'sms', signedReceipt(body, 'not-the-secret-not-the-secret-xx'))).toMatchObject({ status: 401, body: { code: 'outreach.signature_invalid' } });
    const stale = String(Math.floor(Date.now() / 1000) - 3600);
    expect((await postReceipt(server.baseUrl, 'sms', signedReceipt(body, WEBHOOK_SECRET, stale))).status).toBe(401);
    const unsigned = await fetch(`${server.baseUrl}/api/outreach/receipts/sms`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(unsigned.status).toBe(401);
    const audit = await admin.get<Page<AuditEntry>>('/api/audit-log?action=outreach.receipt_rejected');
    expect(audit.body.items.length).toBeGreaterThanOrEqual(3);
    expect(audit.body.items[0]).toMatchObject({ actor: null, entityType: 'outreach_receipt', detail: JSON.stringify({ channel: 'sms' }) });
    expect(JSON.stringify(audit.body.items)).not.toContain('13900001111');
    // Signed but naming nothing: 404; signed with a bad field: 400.
    expect(await postReceipt(server.baseUrl, 'sms', signedReceipt({ idempotencyKey: 'survey_invitation:0', status: 'delivered' }))).toMatchObject({ status: 404, body: { code: 'outreach.receipt_unknown' } });
    expect((await postReceipt(server.baseUrl, 'sms', signedReceipt({ idempotencyKey: 'x', status: 'read' }))).status).toBe(400);
    expect((await postReceipt(server.baseUrl, 'fax', signedReceipt({ idempotencyKey: 'x' }))).status).toBe(400);
  });

  it('an opt-out reply withdraws the consent to surveys (audited): the next invitation is refused', async () => {
    const { patient, encounterId } = await finishedVisit(desk, CONSENTING);
    const invitation = await invite(desk, encounterId);
    await messageReaches(admin, patient.id, 'sent');
    const reply = await postReceipt(server.baseUrl, 'sms', signedReceipt({ idempotencyKey: `survey_invitation:${invitation.id}`, reply: ' 退订 ' }));
    expect(reply).toMatchObject({ status: 200, body: { optedOut: true } });

    const record = await desk.get<Patient>(`/api/patients/${patient.id}`);
    expect(record.body.consent.surveys).toMatchObject({ granted: false });
    expect(record.body.consent.followUpCalls).toMatchObject({ granted: true });
    const audit = await admin.get<Page<AuditEntry>>(`/api/audit-log?action=outreach.opt_out&patientId=${patient.id}`);
    expect(audit.body.items).toEqual([expect.objectContaining({ actor: null, entityType: 'patient', entityId: patient.id })]);
    expect(JSON.parse(audit.body.items[0].detail ?? '{}')).toMatchObject({ channel: 'sms', purpose: 'surveys' });
    const again = await desk.post('/api/survey-invitations', { encounterId: await anotherVisit(desk, patient.id) });
    expect(again).toMatchObject({ status: 409, body: { code: 'survey.declined' } });
  });

  it('lists the outbox for admins only, filtered by status, channel, kind and day', async () => {
    const all = await messages(admin);
    expect(all.length).toBeGreaterThan(3);
    const failed = await messages(admin, '&status=failed');
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.every((m) => m.status === 'failed')).toBe(true);
    expect(await messages(admin, '&channel=email')).toEqual([]);
    // Every invitation that went out queued its reminder (due in 48 hours) beside it.
    const invitations = await messages(admin, '&kind=survey_invitation');
    const reminders = await messages(admin, '&kind=survey_reminder');
    expect(invitations.length + reminders.length).toBe(all.length);
    expect(reminders.length).toBeGreaterThan(0);
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    expect(await messages(admin, `&from=${tomorrow}`)).toEqual([]);
    expect((await desk.get('/api/outreach/messages')).status).toBe(403);
    expect(await admin.get('/api/outreach/messages?status=lost')).toMatchObject({ status: 400 });
    expect(await admin.get('/api/outreach/messages?from=2026-02-30')).toMatchObject({ status: 400 });
  });
});
