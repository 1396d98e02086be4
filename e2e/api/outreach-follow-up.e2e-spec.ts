import type { AuditEntry, CallbackItem, Page, PatientTimeline } from '@huifang/shared';
import { ApiClient } from '../support/api-client';
import { testDatabases } from '../support/databases';
import { eventually } from '../support/eventually';
import { TestGateway, WEBHOOK_SECRET } from '../support/outreach/gateway';
import { anotherVisit, invite, messageOf, messageReaches, messages, QUICK_WORKER, zoneAtLocalHour } from '../support/outreach/outreach-fixtures';
import { SmtpSink } from '../support/outreach/smtp-sink';
import { finishedVisit, openCallbacksOf, registerPatient, staffClient, visitExpectingReturn } from '../support/patients-fixtures';
import { ADMIN_PASSWORD, startServer, type RunningServer } from '../support/server-process';
import { runSql } from '../support/sql';

const CONSENTING = { consent: { surveys: true, followUpCalls: true } };
/** 0.002 hours: a survey reminder 7.2 s after its invitation. */
const REMINDER_MS = 7_200;
const ANSWERS = [
  { questionId: 'csat', value: 5 },
  { questionId: 'nps', value: 10 },
  { questionId: 'wait_time', value: 4 },
  { questionId: 'doctor_communication', value: 5 },
];

/*
 * The messages that follow an event (issue #16): a survey's one reminder, a revisit reminder by
 * message instead of a call, a rescheduled call announced to the patient, and a call for the desk
 * when a message fails for good; through a real local SMS gateway. The hospital's zone is chosen so
 * that it is midday there (no quiet hours).
 */
describe.each(testDatabases())('messages that follow events on %s', (database) => {
  const zone = zoneAtLocalHour(12);
  let server: RunningServer;
  let gateway: TestGateway;
  let admin: ApiClient;
  let desk: ApiClient;

  beforeAll(async () => {
    gateway = await new TestGateway().start();
    server = await startServer(database, {
      ...QUICK_WORKER,
      HUIFANG_TIMEZONE: zone,
      HUIFANG_SURVEY_MIN_DAYS: '0',
      HUIFANG_SURVEY_REMINDER_HOURS: String(REMINDER_MS / 3_600_000),
      HUIFANG_SMS_WEBHOOK_URL: gateway.url,
      HUIFANG_WEBHOOK_SECRET: WEBHOOK_SECRET,
    });
    const anonymous = new ApiClient(server.baseUrl);
    admin = await anonymous.login('admin', ADMIN_PASSWORD);
    desk = await staffClient(admin, anonymous, 'follow.desk', 'front_desk');
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    await gateway?.stop();
  });
  beforeEach(() => {
    gateway.mode = 'ok';
  });

  /** The hospital's calendar day `days` from today. */
  const hospitalDay = (days: number) => new Date(Date.now() + days * 86_400_000).toLocaleDateString('en-CA', { timeZone: zone });



  it('reminds once, with the same link, of a survey not answered after the delay; the timeline lists both messages', async () => {
    const { patient, encounterId } = await finishedVisit(desk, CONSENTING);
    const invitation = await invite(desk, encounterId, 'en');
    const queued = await messageOf(admin, patient.id, 'survey_reminder');
    expect(queued).toMatchObject({ status: 'queued', purpose: 'surveys', departmentId: 1, attempts: 0 });
    const sentInvitation = await messageReaches(admin, patient.id, 'sent');
    expect(new Date(queued.nextAttemptAt).getTime() - new Date(sentInvitation.createdAt).getTime()).toBe(REMINDER_MS);

    await messageReaches(admin, patient.id, 'sent', 20_000, 'survey_reminder');
    const [first] = gateway.requestsFor(`survey_invitation:${invitation.id}`);
    const reminders = gateway.requestsFor(`survey_reminder:${invitation.id}`);
    expect(reminders).toHaveLength(1);
    expect(reminders[0].body).toMatchObject({ kind: 'survey_reminder', to: patient.phone, language: 'en' });
    expect(reminders[0].body.text).toContain('we have not heard how your visit');
    expect(reminders[0].body.text).toContain(invitation.url);
    expect(reminders[0].at - first.at).toBeGreaterThanOrEqual(REMINDER_MS - 1_000);

    const timeline = await desk.get<PatientTimeline>(`/api/patients/${patient.id}/timeline`);
    const messages = timeline.body.entries.flatMap((e) => (e.kind === 'message' ? [e.message] : []));
    expect(messages.map((m) => [m.kind, m.status]).sort()).toEqual([
      ['survey_invitation', 'sent'],
      ['survey_reminder', 'sent'],
    ]);
    const entry = timeline.body.entries.find((e) => e.kind === 'message');
    expect(entry?.at).toBe(entry?.kind === 'message' ? entry.message.createdAt : undefined);
    // No text, no address on the timeline.
    expect(JSON.stringify(messages)).not.toContain(invitation.token);
    expect(JSON.stringify(messages)).not.toContain(patient.phone);
  }, 60_000);

  it('does not remind of a survey answered meanwhile, nor of a link that expired', async () => {
    const answered = await finishedVisit(desk, CONSENTING);
    const answeredInvitation = await invite(desk, answered.encounterId);
    const submitted = await new ApiClient(server.baseUrl).post(`/api/public/surveys/${answeredInvitation.token}`, { answers: ANSWERS });
    expect(submitted.status).toBe(201);

    const expired = await finishedVisit(desk, CONSENTING);
    const expiredInvitation = await invite(desk, expired.encounterId);
    await runSql(server.databaseUrl, 'UPDATE survey_invitation SET expires_at = created_at WHERE id = $1', [expiredInvitation.id]);

    expect(await messageReaches(admin, answered.patient.id, 'suppressed', 20_000, 'survey_reminder')).toMatchObject({ reason: 'answered', attempts: 1 });
    expect(await messageReaches(admin, expired.patient.id, 'suppressed', 20_000, 'survey_reminder')).toMatchObject({ reason: 'expired' });
    expect(gateway.requestsFor(`survey_reminder:${answeredInvitation.id}`)).toEqual([]);
    expect(gateway.requestsFor(`survey_reminder:${expiredInvitation.id}`)).toEqual([]);
  }, 60_000);

  it('reminds of an expected return by message a consenting patient the SMS gateway reaches, and by call a patient never asked', async () => {
    const consenting = await registerPatient(desk, { ...CONSENTING, name: '王小芳' });
    const soon = hospitalDay(2);
    const encounterId = await visitExpectingReturn(desk, consenting.id, soon);
    const sent = await messageReaches(admin, consenting.id, 'sent', 15_000, 'revisit_reminder');
    expect(sent).toMatchObject({ purpose: 'follow_up', departmentId: 1, channel: 'sms' });
    const [request] = gateway.requestsFor(`revisit_reminder:${encounterId}`);
    const [year, month, day] = soon.split('-').map(Number);
    expect(request.body).toMatchObject({ kind: 'revisit_reminder', to: consenting.phone, language: 'zh' });
    expect(request.body.text).toContain(`${year}年${month}月${day}日`);
    expect(request.body.text).toContain('内科');
    expect(request.body.text).toContain('回复“退订”不再接收提醒');
    expect(await openCallbacksOf(desk, consenting.id)).toEqual([]);

    // Due three days before the return, at the call hour (09:00 in the hospital's zone).
    const later = await registerPatient(desk, CONSENTING);
    await visitExpectingReturn(desk, later.id, hospitalDay(20));
    const planned = await messageOf(admin, later.id, 'revisit_reminder');
    expect(planned.status).toBe('queued');
    const due = new Date(planned.nextAttemptAt);
    expect(due.toLocaleDateString('en-CA', { timeZone: zone })).toBe(hospitalDay(17));
    expect(new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(due)).toBe('09:00');

    // Consent to follow-up contact never recorded: the desk calls, as before; no message.
    const neverAsked = await registerPatient(desk, { consent: { surveys: true } });
    await visitExpectingReturn(desk, neverAsked.id, soon);
    expect((await openCallbacksOf(desk, neverAsked.id)).map((c) => [c.kind, c.expectedOn])).toEqual([['revisit_reminder', soon]]);
    const theirs = await runSql(server.databaseUrl, 'SELECT COUNT(*) AS n FROM outreach_message WHERE patient_id = $1', [neverAsked.id]);
    expect(Number((theirs[0] as { n: number }).n)).toBe(0);
  }, 60_000);

  it('tells the patient a rescheduled call’s new day and time in their language when the desk asks', async () => {
    // A patient of Internal Medicine: a manual call is about the patient's last department.
    const { patient } = await finishedVisit(desk, { ...CONSENTING, name: 'Anna Smith' });
    expect((await desk.patch(`/api/patients/${patient.id}`, { preferredLanguage: 'en' })).status).toBe(200);
    const created = await desk.post<CallbackItem>('/api/callbacks', { patientId: patient.id, dueAt: new Date(Date.now() + 3_600_000).toISOString(), kind: 'manual' });
    const id = created.body.id;
    const dueAt = new Date(Math.ceil((Date.now() + 26 * 3_600_000) / 60_000) * 60_000);

    expect(await desk.post(`/api/callbacks/${id}/reschedule`, { dueAt: dueAt.toISOString(), reason: '患者要求', notifyPatient: 'yes' })).toMatchObject({
      status: 400,
      body: { code: 'validation.failed', params: { fields: ['notifyPatient'] } },
    });
    expect((await desk.post(`/api/callbacks/${id}/reschedule`, { dueAt: dueAt.toISOString(), reason: '患者要求', notifyPatient: true })).status).toBe(200);
    const sent = await messageReaches(admin, patient.id, 'sent', 15_000, 'callback_appointment');
    expect(sent).toMatchObject({ purpose: 'follow_up', departmentId: 1 });
    const [request] = gateway.requestsFor(`callback_appointment:${id}:1`);
    const time = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(dueAt);
    const date = new Intl.DateTimeFormat('en-GB', { timeZone: zone, day: 'numeric', month: 'long', year: 'numeric' }).format(dueAt);
    expect(request.body).toMatchObject({ kind: 'callback_appointment', language: 'en' });
    expect(request.body.text).toContain(`dear Anna, Internal Medicine will call you on ${date} at ${time}.`);
    const audit = await admin.get<Page<AuditEntry>>(`/api/audit-log?action=callback.reschedule&patientId=${patient.id}`);
    expect(JSON.parse(audit.body.items[0].detail ?? '{}')).toEqual({ messageId: sent.id });

    // Each announced reschedule is its own message; one not announced sends none.
    const later = new Date(dueAt.getTime() + 3_600_000).toISOString();
    expect((await desk.post(`/api/callbacks/${id}/reschedule`, { dueAt: later, reason: '再改', notifyPatient: true })).status).toBe(200);
    expect((await desk.post(`/api/callbacks/${id}/reschedule`, { dueAt: later, reason: '不通知' })).status).toBe(200);
    const keys = (await runSql(server.databaseUrl, "SELECT idempotency_key FROM outreach_message WHERE kind = 'callback_appointment' AND source_id = $1 ORDER BY id", [id])) as {
      idempotency_key: string;
    }[];
    expect(keys.map((k) => k.idempotency_key)).toEqual([`callback_appointment:${id}:1`, `callback_appointment:${id}:2`]);
  }, 60_000);

  it('opens a call for the desk when a survey message fails for good (once), and the reminder call when a revisit reminder does', async () => {
    gateway.mode = 'refuse400';
    const { patient, encounterId } = await finishedVisit(desk, CONSENTING);
    const first = await invite(desk, encounterId);
    await messageReaches(admin, patient.id, 'failed');
    const [call] = await openCallbacksOf(desk, patient.id);
    expect(call).toMatchObject({ kind: 'manual', reason: 'survey message could not be delivered', encounterId, status: 'pending', departmentId: 1 });
    expect(new Date(call.dueAt).getTime()).toBeLessThanOrEqual(Date.now());
    // The invitation never reached the patient: no reminder of it.
    expect(await messageReaches(admin, patient.id, 'suppressed', 20_000, 'survey_reminder')).toMatchObject({ reason: 'no_invitation' });
    expect(gateway.requestsFor(`survey_reminder:${first.id}`)).toEqual([]);

    // A second failure while that call is open adds none.
    const second = await invite(desk, await anotherVisit(desk, patient.id));
    await eventually(async () => (await runSql(server.databaseUrl, 'SELECT status FROM outreach_message WHERE idempotency_key = $1', [`survey_invitation:${second.id}`]))[0], (row) =>
      expect(row).toEqual({ status: 'failed' }),
    );
    expect((await openCallbacksOf(desk, patient.id)).map((c) => c.id)).toEqual([call.id]);

    const remindee = await registerPatient(desk, CONSENTING);
    const soon = hospitalDay(2);
    const revisit = await visitExpectingReturn(desk, remindee.id, soon);
    expect(await messageReaches(admin, remindee.id, 'failed', 15_000, 'revisit_reminder')).toMatchObject({ reason: 'gateway refused the message (400)' });
    const calls = await openCallbacksOf(desk, remindee.id);
    expect(calls.map((c) => [c.kind, c.expectedOn, c.encounterId])).toEqual([['revisit_reminder', soon, revisit]]);
  }, 60_000);
});

/*
 * Messages written in the quiet hours wait for 08:00 in the hospital's zone (its clock reads 23:00
 * here); a test makes one due at once by moving its `next_attempt_at`, as the morning would, and sees
 * what delivery then decides. Email only (a local SMTP server): the address can be taken away while
 * the patient keeps a number to call.
 */
describe.each(testDatabases())('messages held overnight on %s', (database) => {
  const zone = zoneAtLocalHour(23);
  let server: RunningServer;
  let smtp: SmtpSink;
  let admin: ApiClient;
  let desk: ApiClient;

  beforeAll(async () => {
    smtp = await new SmtpSink().start();
    server = await startServer(database, {
      ...QUICK_WORKER,
      HUIFANG_TIMEZONE: zone,
      HUIFANG_SURVEY_MIN_DAYS: '0',
      HUIFANG_SURVEY_REMINDER_HOURS: String(REMINDER_MS / 3_600_000),
      HUIFANG_SMTP_URL: smtp.url,
      HUIFANG_MAIL_FROM: 'Huifang <noreply@hospital.example>',
    });
    const anonymous = new ApiClient(server.baseUrl);
    admin = await anonymous.login('admin', ADMIN_PASSWORD);
    desk = await staffClient(admin, anonymous, 'night.desk', 'front_desk');
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    await smtp?.stop();
  });

  let mailbox = 0;
  const withEmail = (consent: { surveys?: boolean; followUpCalls?: boolean }) => ({ consent, email: `night.${process.pid}.${++mailbox}@example.cn` });
  const localTime = (at: Date | string) => new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(at));
  const sqlTime = (at: Date) => (database === 'sqlite' ? at.toISOString().replace('T', ' ').replace('Z', '') : at.toISOString());
  const mailsFor = (key: string) => smtp.mails.filter((m) => m.headers['x-huifang-idempotency-key'] === key);
  /** What the morning does: the message is due now. */
  const dueNow = (messageId: number) => runSql(server.databaseUrl, 'UPDATE outreach_message SET next_attempt_at = $1 WHERE id = $2', [sqlTime(new Date(Date.now() - 1_000)), messageId]);
  const messageById = async (id: number) => (await messages(admin)).find((m) => m.id === id);

  it('announces only the latest time of a call rescheduled twice overnight, and nothing for a call closed before morning', async () => {
    const { patient } = await finishedVisit(desk, withEmail({ surveys: true, followUpCalls: true }));
    const created = await desk.post<CallbackItem>('/api/callbacks', { patientId: patient.id, dueAt: new Date(Date.now() + 3_600_000).toISOString(), kind: 'manual' });
    const first = new Date(Math.ceil((Date.now() + 26 * 3_600_000) / 60_000) * 60_000);
    const second = new Date(first.getTime() + 90 * 60_000);
    for (const dueAt of [first, second]) {
      expect((await desk.post(`/api/callbacks/${created.body.id}/reschedule`, { dueAt: dueAt.toISOString(), reason: '患者要求', notifyPatient: true })).status).toBe(200);
    }
    const held = (await messages(admin, '&kind=callback_appointment')).filter((m) => m.patientId === patient.id).sort((a, b) => a.id - b.id);
    // The second reschedule withdraws the first announcement at once.
    expect(held.map((m) => [m.status, m.reason, localTime(m.nextAttemptAt)])).toEqual([
      ['suppressed', 'superseded', '08:00'],
      ['queued', null, '08:00'],
    ]);
    await Promise.all(held.map((m) => dueNow(m.id)));
    await eventually(() => Promise.all(held.map((m) => messageById(m.id))), (rows) =>
      expect(rows.map((m) => [m?.status, m?.reason])).toEqual([
        ['suppressed', 'superseded'],
        ['sent', null],
      ]),
    );
    expect(mailsFor(`callback_appointment:${created.body.id}:1`)).toEqual([]);
    const [mail] = mailsFor(`callback_appointment:${created.body.id}:2`);
    expect(mail.text).toContain(localTime(second));
    expect(mail.text).not.toContain(localTime(first));

    // Announced, then moved again without a new announcement: the old time is withdrawn, nothing said.
    const moved = await desk.post<CallbackItem>('/api/callbacks', { patientId: patient.id, dueAt: new Date(Date.now() + 3_600_000).toISOString(), kind: 'manual' });
    expect((await desk.post(`/api/callbacks/${moved.body.id}/reschedule`, { dueAt: first.toISOString(), reason: '患者要求', notifyPatient: true })).status).toBe(200);
    expect((await desk.post(`/api/callbacks/${moved.body.id}/reschedule`, { dueAt: second.toISOString(), reason: '医生改期' })).status).toBe(200);
    const withdrawn = (await messages(admin, '&kind=callback_appointment')).filter((m) => m.patientId === patient.id && m.id > held[1].id);
    expect(withdrawn.map((m) => [m.status, m.reason])).toEqual([['suppressed', 'superseded']]);

    // Announced, then cancelled before the morning.
    const other = await desk.post<CallbackItem>('/api/callbacks', { patientId: patient.id, dueAt: new Date(Date.now() + 3_600_000).toISOString(), kind: 'manual' });
    expect((await desk.post(`/api/callbacks/${other.body.id}/reschedule`, { dueAt: second.toISOString(), reason: '患者要求', notifyPatient: true })).status).toBe(200);
    expect((await desk.post(`/api/callbacks/${other.body.id}/cancel`, { reason: '患者已来电' })).status).toBe(200);
    const announced = (await messages(admin, '&kind=callback_appointment')).filter((m) => m.patientId === patient.id && m.id > withdrawn[0].id);
    expect(announced.map((m) => m.status)).toEqual(['queued']);
    await dueNow(announced[0].id);
    await eventually(() => messageById(announced[0].id), (m) => expect([m?.status, m?.reason]).toEqual(['suppressed', 'call_closed']));
    expect(mailsFor(`callback_appointment:${other.body.id}:1`)).toEqual([]);
  }, 60_000);

  it('counts a survey reminder from the morning its invitation goes out, and keeps it waiting (not suppressed) while the invitation is still queued', async () => {
    const { patient, encounterId } = await finishedVisit(desk, withEmail({ surveys: true }));
    const invitation = await invite(desk, encounterId);
    const held = await messageOf(admin, patient.id);
    const reminder = await messageOf(admin, patient.id, 'survey_reminder');
    expect(localTime(held.nextAttemptAt)).toBe('08:00');
    expect(new Date(reminder.nextAttemptAt).getTime() - new Date(held.nextAttemptAt).getTime()).toBe(REMINDER_MS);

    // Due while the invitation still waits for the morning: pushed back (to 08:00, out of the quiet hours), no try counted.
    await dueNow(reminder.id);
    const waiting = await eventually(() => messageById(reminder.id), (m) => expect(new Date(m?.nextAttemptAt ?? 0).getTime()).toBeGreaterThan(Date.now()));
    expect(waiting).toMatchObject({ status: 'queued', reason: null, attempts: 0 });
    expect(localTime(waiting?.nextAttemptAt ?? '')).toBe('08:00');
    expect(mailsFor(`survey_reminder:${invitation.id}`)).toEqual([]);

    // Once the invitation went out, the reminder goes when due, with the same link.
    await dueNow(held.id);
    await messageReaches(admin, patient.id, 'sent');
    await dueNow(reminder.id);
    expect(await messageReaches(admin, patient.id, 'sent', 15_000, 'survey_reminder')).toMatchObject({ attempts: 1 });
    expect(mailsFor(`survey_reminder:${invitation.id}`)[0].text).toContain(invitation.url);
  }, 60_000);

  it('opens the reminder call when a revisit reminder finds no address at delivery and the patient has a number', async () => {
    const patient = await registerPatient(desk, withEmail({ surveys: true, followUpCalls: true }));
    const expectedOn = new Date(Date.now() + 20 * 86_400_000).toLocaleDateString('en-CA', { timeZone: zone });
    const checkIn = await desk.post<{ id: number }>('/api/encounters', { patientId: patient.id, departmentId: 1, checkedInAt: new Date(Date.now() - 30 * 60_000).toISOString() });
    await desk.post(`/api/encounters/${checkIn.body.id}/call`, { at: new Date(Date.now() - 10 * 60_000).toISOString() });
    expect((await desk.post(`/api/encounters/${checkIn.body.id}/finish`, { nextVisitDue: expectedOn })).status).toBe(200);
    const planned = await messageOf(admin, patient.id, 'revisit_reminder');
    expect(planned).toMatchObject({ status: 'queued', channel: 'email' });
    const calls = async () => {
      const views = await Promise.all(['overdue', 'today', 'upcoming'].map((view) => desk.get<Page<CallbackItem>>(`/api/callbacks?view=${view}&pageSize=100`)));
      return views.flatMap((v) => v.body.items).filter((c) => c.patientId === patient.id);
    };
    expect(await calls()).toEqual([]);

    // The address is gone by the day it is due (no route removes one: the state as the database holds it).
    await runSql(server.databaseUrl, 'UPDATE patient SET email = NULL WHERE id = $1', [patient.id]);
    await dueNow(planned.id);
    expect(await messageReaches(admin, patient.id, 'suppressed', 15_000, 'revisit_reminder')).toMatchObject({ reason: 'unreachable' });
    // The desk's queue is cached for a moment (2 s).
    await eventually(calls, (open) => expect(open.map((c) => [c.kind, c.expectedOn, c.encounterId, c.status])).toEqual([['revisit_reminder', expectedOn, checkIn.body.id, 'pending']]));
  }, 60_000);
});
