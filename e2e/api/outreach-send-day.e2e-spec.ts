import { ApiClient } from '../support/api-client';
import { createTestDatabase, testDatabases, type TestDatabase } from '../support/databases';
import { TestGateway, WEBHOOK_SECRET } from '../support/outreach/gateway';
import { anotherVisit, invite, messageOf, messageReaches, messages, QUICK_WORKER, zoneAtLocalHour } from '../support/outreach/outreach-fixtures';
import { finishedVisit, openCallbacksOf, registerPatient, staffClient, visitExpectingReturn } from '../support/patients-fixtures';
import { ADMIN_PASSWORD, startServerOn, type RunningServer } from '../support/server-process';
import { runSql } from '../support/sql';

const CONSENTING = { consent: { surveys: true, followUpCalls: true } };

/*
 * Messages written for later (the survey reminder, due 48 hours after its invitation by default)
 * count towards the daily cap on the day they go out; the missed-revisit job sends a nudge with each
 * win-back call it opens (it runs at start-up: the server is started again once the expectation has
 * passed). A real local SMS gateway; the hospital's clock reads midday.
 */
describe.each(testDatabases())('messages for later on %s', (database) => {
  const zone = zoneAtLocalHour(12);
  const env = () => ({ ...QUICK_WORKER, HUIFANG_TIMEZONE: zone, HUIFANG_SURVEY_MIN_DAYS: '0', HUIFANG_SMS_WEBHOOK_URL: gateway.url, HUIFANG_WEBHOOK_SECRET: WEBHOOK_SECRET });
  let gateway: TestGateway;
  let db: TestDatabase;
  let server: RunningServer;
  let admin: ApiClient;
  let desk: ApiClient;

  beforeAll(async () => {
    gateway = await new TestGateway().start();
    db = await createTestDatabase(database);
    server = await startServerOn(database, db, env());
    const anonymous = new ApiClient(server.baseUrl);
    admin = await anonymous.login('admin', ADMIN_PASSWORD);
    desk = await staffClient(admin, anonymous, 'later.desk', 'front_desk');
  }, 120_000);
  afterAll(async () => {
    await server?.stopKeepingDatabase();
    await db?.drop();
    await gateway?.stop();
  });

  const hospitalDay = (days: number) => new Date(Date.now() + days * 86_400_000).toLocaleDateString('en-CA', { timeZone: zone });



  it('counts a reminder on the day it goes out: two invitations today both go, a third message on the reminders’ day is capped', async () => {
    const { patient, encounterId } = await finishedVisit(desk, CONSENTING);
    await invite(desk, encounterId);
    await invite(desk, await anotherVisit(desk, patient.id));
    const today = (await messages(admin, '&kind=survey_invitation')).filter((m) => m.patientId === patient.id);
    expect(today.map((m) => m.status === 'suppressed' ? m.reason : 'sendable')).toEqual(['sendable', 'sendable']);
    const reminders = (await messages(admin, '&kind=survey_reminder')).filter((m) => m.patientId === patient.id);
    expect(reminders.map((m) => [m.status, new Date(m.nextAttemptAt).toLocaleDateString('en-CA', { timeZone: zone })])).toEqual([
      ['queued', hospitalDay(2)],
      ['queued', hospitalDay(2)],
    ]);

    // A revisit reminder due the same day as both survey reminders (three days before a return in five)
    // is capped there, and the desk calls instead.
    const revisit = await visitExpectingReturn(desk, patient.id, hospitalDay(5));
    expect(await messageOf(admin, patient.id, 'revisit_reminder')).toMatchObject({ status: 'suppressed', reason: 'daily_cap' });
    expect((await openCallbacksOf(desk, patient.id)).map((c) => [c.kind, c.encounterId])).toEqual([['revisit_reminder', revisit]]);
  });

  it('erasing a patient suppresses their messages still to send and empties every text', async () => {
    const { patient, encounterId } = await finishedVisit(desk, { ...CONSENTING, name: '抹除提醒' });
    await invite(desk, encounterId);
    await messageReaches(admin, patient.id, 'sent');
    expect(await messageOf(admin, patient.id, 'survey_reminder')).toMatchObject({ status: 'queued' });
    expect((await admin.post(`/api/patients/${patient.id}/erase`, { reason: 'patient_request' })).status).toBe(200);
    expect(await messageOf(admin, patient.id, 'survey_reminder')).toMatchObject({ status: 'suppressed', reason: 'erased' });
    expect(await runSql(server.databaseUrl, "SELECT COUNT(*) AS n FROM outreach_message WHERE patient_id = $1 AND (body <> '' OR subject <> '')", [patient.id])).toEqual([
      { n: database === 'postgres' ? '0' : 0 },
    ]);
  });

  it('sends a nudge with each win-back call the missed-revisit job opens, once, to patients who consented', async () => {
    const nudged = await registerPatient(desk, { ...CONSENTING, name: '李未归' });
    const notAsked = await registerPatient(desk, { name: '张未问' });
    const missedOn = hospitalDay(-10);
    const encounters = [await visitExpectingReturn(desk, nudged.id, hospitalDay(30)), await visitExpectingReturn(desk, notAsked.id, hospitalDay(30))];
    // The expectation passed ten days ago with no return (history the API cannot write).
    for (const [patientId, encounterId] of [[nudged.id, encounters[0]], [notAsked.id, encounters[1]]]) {
      await runSql(server.databaseUrl, 'UPDATE encounter SET next_visit_due = $1 WHERE id = $2', [missedOn, encounterId]);
      await runSql(server.databaseUrl, 'UPDATE patient SET next_visit_due = $1, last_visit_on = $2 WHERE id = $3', [missedOn, hospitalDay(-40), patientId]);
    }
    await server.stopKeepingDatabase();
    server = await startServerOn(database, db, env());
    // A second start runs the job again: nothing more.
    await (await startServerOn(database, db, env())).stopKeepingDatabase();
    // Tokens outlive the process (the token secret is kept in the database).
    admin = new ApiClient(server.baseUrl, admin.token);
    desk = new ApiClient(server.baseUrl, desk.token);

    const sent = await messageReaches(admin, nudged.id, 'sent', 15_000, 'missed_revisit_nudge');
    expect(sent).toMatchObject({ purpose: 'follow_up', departmentId: 1 });
    const [request] = gateway.requestsFor(`missed_revisit_nudge:${encounters[0]}`);
    const [year, month, day] = missedOn.split('-').map(Number);
    expect(request.body.text).toContain(`您原定${year}年${month}月${day}日到内科复诊`);
    expect(gateway.requestsFor(`missed_revisit_nudge:${encounters[0]}`)).toHaveLength(1);
    expect((await openCallbacksOf(desk, nudged.id)).map((c) => [c.kind, c.expectedOn])).toContainEqual(['missed_revisit', missedOn]);

    // Never asked for consent: called, and the message suppressed with the rule.
    expect(await messageOf(admin, notAsked.id, 'missed_revisit_nudge')).toMatchObject({ status: 'suppressed', reason: 'no_consent' });
    expect((await openCallbacksOf(desk, notAsked.id)).map((c) => [c.kind, c.expectedOn])).toContainEqual(['missed_revisit', missedOn]);
  }, 120_000);
});
