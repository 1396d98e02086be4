import { addDays, calendarDayOf, type OutreachChannelStatus, type OutreachIndicator } from '@huifang/shared';
import { ApiClient } from '../support/api-client';
import { testDatabases } from '../support/databases';
import { invite, messageReaches, QUICK_WORKER } from '../support/outreach/outreach-fixtures';
import { zoneAtLocalHour } from '../support/time-zones';
import { finishedVisit, registerPatient, staffClient } from '../support/patients-fixtures';
import { ADMIN_PASSWORD, startServer, type RunningServer } from '../support/server-process';
import { runSql } from '../support/sql';

/*
 * GET /api/indicators/outreach (delivery and response rates per channel) and GET /api/outreach/channels
 * (each channel now) against an outbox arranged by hand, on SQLite and PostgreSQL. No channel is
 * configured, so the server sends by `log`; the other rows are turned into SMS and WeChat messages
 * with SQL. Department 1 unless said; "now" is T, the base of the sent/delivered times B = T − 3 h.
 *
 *  row  kind               channel  status      sent_at  delivered_at  invitation answered  other
 *  I1   survey_invitation  sms      delivered   B        B + 5 min     yes
 *  I2   survey_invitation  sms      sent        B        —             no
 *  I3   survey_invitation  sms      failed      B        —             no                   reported by the gateway
 *  I4   survey_invitation  log      sent        (worker) —             yes
 *  R1   revisit_reminder   sms      failed      —        —                                  never handed over; last try due T − 2 h
 *  R2   revisit_reminder   sms      suppressed  —        —
 *  R3   revisit_reminder   sms      queued      —        —                                  after a failed try (reason), due T + 1 day
 *  R4   survey_reminder    sms      delivered   B        B + 5 min     (I1's reminder: not a second invitation)
 *  R5   revisit_reminder   sms      delivered   B        B + 10 min                         department 2
 *  R6   revisit_reminder   sms      delivered   B        B + 20 min                         created and due 40 days ago
 *  R7   revisit_reminder   sms      failed      —        —                                  last try due T − 30 h
 *  W1   revisit_reminder   wechat   sent        B        —
 *
 * Rates, department 1, the last 7 days:
 *  sms: created (not suppressed) I1 I2 I3 R1 R3 R4 = 6 (R7 created today too: 7); queued R3 = 1; sent I1 I2 I3 R4 = 4;
 *       delivered I1 R4 = 2; failed I3 R1 R7 = 3, of them after sending I3 = 1; suppressed R2 = 1;
 *       delivery 2 / 4 = 50 %; invitations sent I1 I2 I3 = 3, answered I1 = 1 → 33.3 %.
 *  log: created 1, sent 1, delivery null (no receipts on log), response 1 / 1 = 100 %.
 *  wechat: sent 1, no receipt → delivery null (n 1); no invitation → response null (n 0).
 * All departments: sms also R5: created 8, sent 5, delivered 3 → 60 %.
 *
 * Channels now: log configured, its last success the worker's send of I4; sms listed, not configured,
 * because of R3 (queued 1, retrying 1) and failures in the last 24 h (I3, due at its creation, and
 * R1; not R7); its last success R5's B + 10 min (R6 is outside the 30 days); wechat not listed.
 */
describe.each(testDatabases())('outreach rates and channel status on %s', (database) => {
  const HOUR = 3_600_000;
  // Midday there: no quiet hours holding the invitations.
  const TIME_ZONE = zoneAtLocalHour(12);
  let server: RunningServer;
  let admin: ApiClient;
  let quality: ApiClient;
  let desk: ApiClient;
  const now = Date.now();
  const base = now - 3 * HOUR;
  const sqlTime = (instant: number) => (database === 'sqlite' ? new Date(instant).toISOString().replace('T', ' ').replace('Z', '') : new Date(instant).toISOString());
  const sql = (text: string, params: unknown[] = []) => runSql(server.databaseUrl, text, params);
  const today = calendarDayOf(new Date(now), TIME_ZONE);
  const week = `from=${addDays(today, -6)}&to=${today}`;

  async function answeredInvitationMessage(answered: boolean): Promise<{ invitationId: number; messageId: number }> {
    const { patient, encounterId } = await finishedVisit(desk, { consent: { surveys: true } });
    const invitation = await invite(desk, encounterId);
    const message = await messageReaches(admin, patient.id, 'sent');
    if (answered) await sql('UPDATE survey_invitation SET used_at = $1 WHERE id = $2', [sqlTime(now - HOUR), invitation.id]);
    return { invitationId: invitation.id, messageId: message.id };
  }

  let other = 0;
  async function insert(row: { kind: string; channel: string; status: string; patientId: number; departmentId?: number; sourceId?: number; sentAt?: number; deliveredAt?: number; nextAttemptAt?: number; createdAt?: number; reason?: string }): Promise<void> {
    other += 1;
    await sql(
      `INSERT INTO outreach_message (kind, patient_id, department_id, source_id, channel, purpose, idempotency_key, language, status, reason, next_attempt_at, sent_at, delivered_at, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'zh', $8, $9, $10, $11, $12, $13)`,
      [
        row.kind,
        row.patientId,
        row.departmentId ?? 1,
        row.sourceId ?? null,
        row.channel,
        row.kind.startsWith('survey') ? 'surveys' : 'follow_up',
        `test:${other}`,
        row.status,
        row.reason ?? null,
        sqlTime(row.nextAttemptAt ?? row.createdAt ?? now - HOUR),
        row.sentAt === undefined ? null : sqlTime(row.sentAt),
        row.deliveredAt === undefined ? null : sqlTime(row.deliveredAt),
        sqlTime(row.createdAt ?? now - HOUR),
      ],
    );
  }

  beforeAll(async () => {
    // No automatic survey reminders: the outbox is built by hand below (R4 is the one reminder), each
    // row's figures worked out in the table above.
    server = await startServer(database, { ...QUICK_WORKER, HUIFANG_TIMEZONE: TIME_ZONE, HUIFANG_SURVEY_REMINDER_HOURS: '0' });
    const anonymous = new ApiClient(server.baseUrl);
    admin = await anonymous.login('admin', ADMIN_PASSWORD);
    desk = await staffClient(admin, anonymous, 'rates.desk', 'front_desk');
    quality = await staffClient(admin, anonymous, 'rates.quality', 'quality_manager');

    const i1 = await answeredInvitationMessage(true);
    const i2 = await answeredInvitationMessage(false);
    const i3 = await answeredInvitationMessage(false);
    await answeredInvitationMessage(true); // I4 stays on log
    const asSms = (messageId: number, status: string, deliveredAt: number | null, reason: string | null) =>
      sql('UPDATE outreach_message SET channel = $1, status = $2, sent_at = $3, delivered_at = $4, reason = $5 WHERE id = $6', [
        'sms',
        status,
        sqlTime(base),
        deliveredAt === null ? null : sqlTime(deliveredAt),
        reason,
        messageId,
      ]);
    await asSms(i1.messageId, 'delivered', base + 5 * 60_000, null);
    await asSms(i2.messageId, 'sent', null, null);
    await asSms(i3.messageId, 'failed', null, 'gateway reported: unknown number');

    const patientId = (await registerPatient(desk)).id;
    await insert({ kind: 'revisit_reminder', channel: 'sms', status: 'failed', patientId, reason: 'HTTP 500', nextAttemptAt: now - 2 * HOUR }); // R1
    await insert({ kind: 'revisit_reminder', channel: 'sms', status: 'suppressed', patientId, reason: 'no_consent' }); // R2
    await insert({ kind: 'revisit_reminder', channel: 'sms', status: 'queued', patientId, reason: 'timeout', nextAttemptAt: now + 24 * HOUR }); // R3
    await insert({ kind: 'survey_reminder', channel: 'sms', status: 'delivered', patientId, sourceId: i1.invitationId, sentAt: base, deliveredAt: base + 5 * 60_000 }); // R4
    await insert({ kind: 'revisit_reminder', channel: 'sms', status: 'delivered', patientId, departmentId: 2, sentAt: base, deliveredAt: base + 10 * 60_000 }); // R5
    await insert({ kind: 'revisit_reminder', channel: 'sms', status: 'delivered', patientId, createdAt: now - 40 * 24 * HOUR, sentAt: base, deliveredAt: base + 20 * 60_000 }); // R6
    await insert({ kind: 'revisit_reminder', channel: 'sms', status: 'failed', patientId, reason: 'HTTP 500', nextAttemptAt: now - 30 * HOUR, createdAt: now - 2 * HOUR }); // R7
    await insert({ kind: 'revisit_reminder', channel: 'wechat', status: 'sent', patientId, sentAt: base }); // W1
  }, 180_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('gives each channel’s counts, delivery rate and survey response rate for a department', async () => {
    const response = await quality.get<OutreachIndicator>(`/api/indicators/outreach?${week}&departmentId=1`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ from: addDays(today, -6), to: today, departmentId: 1 });
    expect(response.body.channels).toEqual([
      {
        channel: 'sms',
        created: 7,
        queued: 1,
        sent: 4,
        delivered: 2,
        failed: 3,
        failedAfterSending: 1,
        suppressed: 1,
        surveyInvitationsSent: 3,
        surveyInvitationsAnswered: 1,
        delivery: { rate: 50, count: 2, n: 4 },
        response: { rate: 33.3, count: 1, n: 3 },
      },
      expect.objectContaining({ channel: 'wechat', created: 1, sent: 1, delivery: { rate: null, count: 0, n: 1 }, response: { rate: null, count: 0, n: 0 } }),
      expect.objectContaining({ channel: 'log', created: 1, sent: 1, delivered: 0, delivery: { rate: null, count: 0, n: 1 }, response: { rate: 100, count: 1, n: 1 } }),
    ]);
  });

  it('counts every department without one, and nothing outside the period', async () => {
    const all = await admin.get<OutreachIndicator>(`/api/indicators/outreach?${week}`);
    expect(all.status).toBe(200);
    expect(all.body.channels.find((c) => c.channel === 'sms')).toMatchObject({ created: 8, sent: 5, delivered: 3, delivery: { rate: 60, count: 3, n: 5 } });
    // R6 alone, 40 days ago.
    const old = await admin.get<OutreachIndicator>(`/api/indicators/outreach?from=${addDays(today, -45)}&to=${addDays(today, -35)}`);
    expect(old.body.channels).toEqual([expect.objectContaining({ channel: 'sms', created: 1, sent: 1, delivered: 1, delivery: { rate: 100, count: 1, n: 1 } })]);
    expect((await admin.get<OutreachIndicator>(`/api/indicators/outreach?from=${addDays(today, -20)}&to=${addDays(today, -10)}`)).body.channels).toEqual([]);
  });

  it('validates the query as the other indicators do', async () => {
    expect(await quality.get(`/api/indicators/outreach?from=${today}&to=${addDays(today, -1)}`)).toMatchObject({ status: 400, body: { code: 'validation.period_reversed' } });
    expect(await quality.get('/api/indicators/outreach?from=2026-02-30')).toMatchObject({ status: 400, body: { code: 'validation.failed' } });
    expect(await quality.get('/api/indicators/outreach?departmentId=0')).toMatchObject({ status: 400, body: { code: 'validation.failed' } });
    expect(await quality.get('/api/indicators/outreach?groupBy=month')).toMatchObject({ status: 400, body: { code: 'validation.failed' } });
    expect((await desk.get('/api/indicators/outreach')).status).toBe(403);
  });

  it('shows each channel now: configured, last success, failures in the last day, queued', async () => {
    // Two queued sms messages never tried: one held by the quiet hours until the morning (counted),
    // one a reminder due in two days (no backlog: not counted).
    const patientId = (await registerPatient(desk, { name: '排队患者' })).id;
    await insert({ kind: 'survey_invitation', channel: 'sms', status: 'queued', patientId, nextAttemptAt: now + 10 * HOUR });
    await insert({ kind: 'survey_reminder', channel: 'sms', status: 'queued', patientId, nextAttemptAt: now + 48 * HOUR });
    const response = await admin.get<OutreachChannelStatus[]>('/api/outreach/channels');
    expect(response.status).toBe(200);
    const [sms, log, ...rest] = response.body;
    expect(rest).toEqual([]);
    expect(sms).toEqual({ channel: 'sms', configured: false, lastSuccessAt: new Date(base + 10 * 60_000).toISOString(), failedLast24h: 2, queued: 2, retrying: 1 });
    expect(log).toMatchObject({ channel: 'log', configured: true, failedLast24h: 0, queued: 0, retrying: 0 });
    expect(Date.parse(log.lastSuccessAt ?? '')).toBeGreaterThan(now - 10 * 60_000);
    expect((await quality.get('/api/outreach/channels')).status).toBe(403);
  });
});
