import { ApiClient } from '../support/api-client';
import { testDatabases } from '../support/databases';
import { eventually } from '../support/eventually';
import { invite, messageOf, messageReaches, QUICK_WORKER, zoneAtLocalHour } from '../support/outreach/outreach-fixtures';
import { SmtpSink } from '../support/outreach/smtp-sink';
import { finishedVisit, staffClient } from '../support/patients-fixtures';
import { ADMIN_PASSWORD, startServer, type RunningServer } from '../support/server-process';
import { runSql } from '../support/sql';

/*
 * The email channel against a real SMTP server (smtp-server) started by the test: the invitation's
 * mail arrives with the sender, recipient, subject, idempotency header, the survey link (which
 * opens the survey) and the opt-out instruction.
 */
describe.each(testDatabases())('outreach by email on %s', (database) => {
  let server: RunningServer;
  let smtp: SmtpSink;
  let admin: ApiClient;
  let desk: ApiClient;

  beforeAll(async () => {
    smtp = await new SmtpSink().start();
    server = await startServer(database, {
      ...QUICK_WORKER,
      HUIFANG_TIMEZONE: zoneAtLocalHour(12),
      HUIFANG_SMTP_URL: smtp.url,
      HUIFANG_MAIL_FROM: 'Huifang <noreply@hospital.example>',
    });
    const anonymous = new ApiClient(server.baseUrl);
    admin = await anonymous.login('admin', ADMIN_PASSWORD);
    desk = await staffClient(admin, anonymous, 'mail.desk', 'front_desk');
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    await smtp?.stop();
  });

  it.each(['zh', 'en'] as const)('mails the survey invitation in the patient’s language (%s) with its link and the opt-out', async (language) => {
    const email = `patient.${language}.${Date.now()}@example.cn`;
    const { patient, encounterId } = await finishedVisit(desk, { email, consent: { surveys: true } });
    const invitation = await invite(desk, encounterId, language);
    const sent = await messageReaches(admin, patient.id, 'sent');
    expect(sent).toMatchObject({ channel: 'email', attempts: 1 });
    const mail = await eventually(async () => smtp.mails.find((m) => m.to.includes(email)), (m) => expect(m).toBeDefined());
    expect(mail?.from).toBe('noreply@hospital.example');
    expect(mail?.headers['from']).toBe('Huifang <noreply@hospital.example>');
    expect(mail?.headers['to']).toBe(email);
    expect(mail?.headers['x-huifang-idempotency-key']).toBe(`survey_invitation:${invitation.id}`);
    expect(mail?.headers['subject']).toBe(language === 'en' ? 'Your hospital: how was your visit?' : '【医院】就诊满意度调查');
    expect(mail?.text).toContain(invitation.url);
    expect(mail?.text).toContain(language === 'en' ? 'Reply STOP' : '回复“退订”');
    // The link in the mail opens the survey form.
    const link = /https?:\/\/\S+\/feedback\/(\S+?)(\?lang=\w+)?(\s|$)/.exec(mail?.text ?? '');
    expect(link?.[1]).toBe(invitation.token);
    expect((await fetch(`${server.baseUrl}/api/public/surveys/${link?.[1]}`)).status).toBe(200);
  });

  it('suppresses the message of a patient without an email address (no configured channel reaches them)', async () => {
    const { patient, encounterId } = await finishedVisit(desk, { consent: { surveys: true } });
    await invite(desk, encounterId);
    expect(await messageOf(admin, patient.id)).toMatchObject({ status: 'suppressed', reason: 'unreachable' });
  });

  it('erasing a patient empties the email address', async () => {
    const email = `erase.${Date.now()}@example.cn`;
    const { patient, encounterId } = await finishedVisit(desk, { email, consent: { surveys: true } });
    expect(await runSql(server.databaseUrl, `SELECT email FROM patient WHERE id = ${patient.id}`)).toEqual([{ email }]);
    expect((await admin.post(`/api/patients/${patient.id}/erase`, { reason: 'patient_request' })).status).toBe(200);
    expect(await runSql(server.databaseUrl, `SELECT email FROM patient WHERE id = ${patient.id}`)).toEqual([{ email: null }]);
    // An erased patient cannot be invited any more (consent withdrawn by the erasure).
    expect((await desk.post('/api/survey-invitations', { encounterId })).status).toBe(409);
    expect(smtp.mails.some((m) => m.to.includes(email))).toBe(false);
  });

  it('refuses an email address that is none (400 naming the field)', async () => {
    const refused = await desk.post('/api/patients', { name: '邮箱错', phone: '13912345678', email: 'not-an-address' });
    expect(refused).toMatchObject({ status: 400, body: { code: 'validation.failed' } });
    expect(JSON.stringify(refused.body)).toContain('email');
  });
});
