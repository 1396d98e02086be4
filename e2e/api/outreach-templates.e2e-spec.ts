import {
  calendarDayOf,
  OUTREACH_KINDS,
  OUTREACH_TEMPLATE_LIMITS,
  OUTREACH_VARIABLES_OF,
  outreachDate,
  type ApiError,
  type AuditEntry,
  type Department,
  type OutreachTemplate,
  type OutreachTemplatePreview,
  type Page,
} from '@huifang/shared';
import { ApiClient, type ApiResponse } from '../support/api-client';
import { testDatabases } from '../support/databases';
import { eventually } from '../support/eventually';
import { invite, messageReaches, QUICK_WORKER, zoneAtLocalHour } from '../support/outreach/outreach-fixtures';
import { SmtpSink, type ReceivedMail } from '../support/outreach/smtp-sink';
import { finishedVisit, staffClient } from '../support/patients-fixtures';
import { ADMIN_PASSWORD, startServer, type RunningServer } from '../support/server-process';

const PUBLIC_URL = 'https://feedback.hospital.example';
const HOSPITAL = { zh: '示例市第一人民医院', en: 'Example City Hospital' };
const OPT_OUT_SURVEYS = { zh: '回复“退订”不再接收调查。', en: 'Reply STOP to receive no more surveys.' };

/** The admins' own survey invitation, in both languages. */
const OWN_INVITATION = {
  zh: { subject: '{hospital}邀您评价{department}', body: '{givenName}您好！感谢您{date}到{department}就诊。点此评价：{link}' },
  en: { subject: 'A word from {hospital}', body: 'Hello {givenName}, how was {department} on {date}? Tell us: {link}' },
};

/*
 * Message templates (issue #16): admins read every kind in both languages, save the hospital's own
 * text (checked against the kind's variables; a survey message keeps its link), preview it through
 * the outbox's renderer and go back to the built-in text. A real survey invitation, mailed through
 * a real SMTP server, carries the saved text in the patient's language with the opt-out line.
 */
describe.each(testDatabases())('outreach message templates on %s', (database) => {
  let server: RunningServer;
  let smtp: SmtpSink;
  let admin: ApiClient;
  let desk: ApiClient;
  let quality: ApiClient;
  let zone: string;
  let department: Department;

  const put = <T>(client: ApiClient, path: string, body?: unknown): Promise<ApiResponse<T>> => client.request<T>('PUT', path, body);
  const del = <T>(client: ApiClient, path: string): Promise<ApiResponse<T>> => client.request<T>('DELETE', path);
  const list = async (): Promise<OutreachTemplate[]> => {
    const response = await admin.get<OutreachTemplate[]>('/api/outreach/templates');
    expect(response.status).toBe(200);
    return response.body;
  };
  const templateOf = async (kind: string, language: string) => (await list()).find((t) => t.kind === kind && t.language === language) as OutreachTemplate;
  const today = (language: 'zh' | 'en') => outreachDate(calendarDayOf(new Date(), zone), language);

  /** The mail a patient got for a survey invitation (email as the only channel). */
  async function invitationMail(name: string, language: 'zh' | 'en'): Promise<{ mail: ReceivedMail; url: string }> {
    const email = `tpl.${language}.${Date.now()}.${Math.random().toString(36).slice(2)}@example.cn`;
    const { patient, encounterId } = await finishedVisit(desk, { name, email, consent: { surveys: true } });
    const invitation = await invite(desk, encounterId, language);
    await messageReaches(admin, patient.id, 'sent');
    const mail = await eventually(async () => smtp.mails.find((m) => m.to.includes(email)), (m) => expect(m).toBeDefined());
    return { mail: mail as ReceivedMail, url: invitation.url };
  }

  beforeAll(async () => {
    smtp = await new SmtpSink().start();
    zone = zoneAtLocalHour(12);
    server = await startServer(database, {
      ...QUICK_WORKER,
      HUIFANG_TIMEZONE: zone,
      HUIFANG_PUBLIC_URL: PUBLIC_URL,
      HUIFANG_SURVEY_MIN_DAYS: '0',
      HUIFANG_SMTP_URL: smtp.url,
      HUIFANG_MAIL_FROM: 'Huifang <noreply@hospital.example>',
    });
    const anonymous = new ApiClient(server.baseUrl);
    admin = await anonymous.login('admin', ADMIN_PASSWORD);
    desk = await staffClient(admin, anonymous, 'tpl.desk', 'front_desk');
    quality = await staffClient(admin, anonymous, 'tpl.quality', 'quality_manager');
    expect((await put(admin, '/api/settings', { hospitalName: HOSPITAL })).status).toBe(200);
    department = (await admin.get<Department[]>('/api/departments')).body.find((d) => d.id === 1) as Department;
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    await smtp?.stop();
  });

  it('lists every kind in Chinese and English with the built-in texts and the variables each kind offers', async () => {
    const templates = await list();
    expect(templates.map((t) => `${t.kind}/${t.language}`)).toEqual(OUTREACH_KINDS.flatMap((kind) => [`${kind}/zh`, `${kind}/en`]));
    for (const template of templates) {
      expect(template).toMatchObject({ custom: false, updatedAt: null, updatedBy: null, variables: OUTREACH_VARIABLES_OF[template.kind] });
    }
    expect(templates.find((t) => t.kind === 'survey_invitation' && t.language === 'en')).toMatchObject({
      subject: '{hospital}: how was your visit?',
      body: expect.stringContaining('{link}'),
    });
    // The opt-out line is appended to every message, never part of the editable text.
    expect(templates.some((t) => t.body.includes('STOP') || t.body.includes('退订'))).toBe(false);
  });

  it.each([
    ['zh', '欧阳娜娜', '娜娜'],
    ['en', 'Anna Smith', 'Anna'],
  ] as const)('a saved template (%s) is what the next survey invitation says, filled for the patient, with the opt-out line', async (language, name, givenName) => {
    const saved = await put<OutreachTemplate>(admin, `/api/outreach/templates/survey_invitation/${language}`, OWN_INVITATION[language]);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ kind: 'survey_invitation', language, ...OWN_INVITATION[language], custom: true, updatedBy: { id: expect.any(Number), displayName: expect.any(String) } });
    expect(Date.parse(saved.body.updatedAt ?? '')).toBeGreaterThan(Date.now() - 60_000);
    expect(await templateOf('survey_invitation', language)).toEqual(saved.body);

    const { mail, url } = await invitationMail(name, language);
    const departmentName = language === 'zh' ? department.name : department.nameEn;
    const date = today(language);
    const expected = {
      zh: { subject: `${HOSPITAL.zh}邀您评价${departmentName}`, body: `${givenName}您好！感谢您${date}到${departmentName}就诊。点此评价：${url}` },
      en: { subject: `A word from ${HOSPITAL.en}`, body: `Hello ${givenName}, how was ${departmentName} on ${date}? Tell us: ${url}` },
    }[language];
    expect(url.startsWith(`${PUBLIC_URL}/feedback/`)).toBe(true);
    expect(mail.headers['subject']).toBe(expected.subject);
    expect(mail.text.trim()).toBe(`${expected.body}\n${OPT_OUT_SURVEYS[language]}`);
  });

  it('previews a text as the patient would get it, with sample values and the opt-out line, storing nothing', async () => {
    const before = await templateOf('callback_appointment', 'en');
    const preview = await admin.post<OutreachTemplatePreview>('/api/outreach/templates/preview', {
      kind: 'survey_reminder',
      language: 'zh',
      subject: '【{hospital}】提醒',
      body: '{givenName}，请评价{date}在{department}的就诊：{link}',
    });
    expect(preview.status).toBe(200);
    expect(preview.body).toEqual({
      subject: `【${HOSPITAL.zh}】提醒`,
      body: `芳，请评价${today('zh')}在${department.name}的就诊：${PUBLIC_URL}/feedback/EXAMPLE?lang=zh\n${OPT_OUT_SURVEYS.zh}`,
    });

    const call = await admin.post<OutreachTemplatePreview>('/api/outreach/templates/preview', {
      kind: 'callback_appointment',
      language: 'en',
      subject: '{hospital} will call',
      body: 'Dear {givenName}, {department} calls you on {date} at {time}.',
    });
    expect(call.status).toBe(200);
    expect(call.body).toEqual({
      subject: `${HOSPITAL.en} will call`,
      body: `Dear Emma, ${department.nameEn} calls you on ${today('en')} at 10:30.\nReply STOP to receive no more reminders.`,
    });
    expect(await templateOf('callback_appointment', 'en')).toEqual(before);
  });

  it('goes back to the built-in text on DELETE, and the next invitation uses it again', async () => {
    expect((await put(admin, '/api/outreach/templates/survey_invitation/en', OWN_INVITATION.en)).status).toBe(200);
    const reset = await del<OutreachTemplate>(admin, '/api/outreach/templates/survey_invitation/en');
    expect(reset.status).toBe(200);
    expect(reset.body).toMatchObject({ custom: false, subject: '{hospital}: how was your visit?', updatedAt: null, updatedBy: null });
    expect(await templateOf('survey_invitation', 'en')).toEqual(reset.body);
    // The other language keeps the hospital's own text.
    expect((await templateOf('survey_invitation', 'zh')).custom).toBe(true);

    const { mail, url } = await invitationMail('Ben Jones', 'en');
    expect(mail.headers['subject']).toBe(`${HOSPITAL.en}: how was your visit?`);
    expect(mail.text).toContain(`dear Ben, thank you for your visit to ${department.nameEn} on ${today('en')}`);
    expect(mail.text).toContain(url);
  });

  it('audits each save and reset with the kind and language, never the text', async () => {
    const entries = (await admin.get<Page<AuditEntry>>('/api/audit-log?pageSize=100')).body.items;
    const saves = entries.filter((e) => e.action === 'outreach.template_update');
    const resets = entries.filter((e) => e.action === 'outreach.template_reset');
    expect(saves.length).toBeGreaterThanOrEqual(3);
    expect(resets).toHaveLength(1);
    for (const entry of [...saves, ...resets]) {
      expect(entry).toMatchObject({ entityType: 'outreach_template', actor: { username: 'admin' }, patientId: null });
      expect(JSON.parse(entry.detail ?? '{}')).toEqual({ kind: 'survey_invitation', language: expect.stringMatching(/^(zh|en)$/) });
    }
    expect(JSON.parse(resets[0].detail ?? '{}')).toEqual({ kind: 'survey_invitation', language: 'en' });
    expect(JSON.stringify([...saves, ...resets])).not.toContain('Tell us');
  });

  it('refuses variables the kind does not offer, naming them, for a save and a preview', async () => {
    const text = { subject: '{hospital}', body: '{givenName}: see you on {date} {link} {nickname}' };
    for (const response of [
      await put<ApiError>(admin, '/api/outreach/templates/revisit_reminder/zh', text),
      await admin.post<ApiError>('/api/outreach/templates/preview', { kind: 'revisit_reminder', language: 'zh', ...text }),
    ]) {
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ code: 'outreach.unknown_template_variables', params: { variables: ['link', 'nickname'] } });
      expect(String(response.body.message)).toContain('{nickname}');
    }
    expect((await templateOf('revisit_reminder', 'zh')).custom).toBe(false);
  });

  it('refuses a survey invitation or reminder without {link} in its body', async () => {
    for (const kind of ['survey_invitation', 'survey_reminder']) {
      const response = await put<ApiError>(admin, `/api/outreach/templates/${kind}/en`, { subject: 'Survey {link}', body: 'Dear {givenName}, please answer.' });
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('outreach.link_required');
    }
  });

  it('refuses empty, too long, NUL-bearing and malformed texts with a 400 naming the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ subject: '   ', body: '{date}' }, 'subject'],
      [{ subject: 'x', body: '' }, 'body'],
      [{ subject: 'x'.repeat(OUTREACH_TEMPLATE_LIMITS.subject + 1), body: '{date}' }, 'subject'],
      [{ subject: 'x', body: '复'.repeat(OUTREACH_TEMPLATE_LIMITS.body + 1) }, 'body'],
      [{ subject: 'x', body: 'a\u0000{date}' }, 'body'],
      [{ subject: 'x\u0000', body: '{date}' }, 'subject'],
      [{ subject: 'line one\nline two', body: '{date}' }, 'subject'],
      [{ subject: 'x', body: 42 }, 'body'],
      [{ subject: 'x' }, 'body'],
      [{ subject: 'x', body: '{date}', language: 'en' }, 'language'],
    ];
    for (const [body, field] of cases) {
      const response = await put<ApiError>(admin, '/api/outreach/templates/revisit_reminder/en', body);
      expect({ body, status: response.status, code: response.body.code }).toEqual({ body, status: 400, code: 'validation.failed' });
      expect(String(response.body.message)).toContain(field);
    }
    expect((await templateOf('revisit_reminder', 'en')).custom).toBe(false);
  });

  it('sends a survey invitation whose filled subject outgrows the limit, clipped to it', async () => {
    // '{hospital}' (10 characters) becomes 'Example City Hospital' (21): 211 characters once filled.
    const longest = { subject: `{hospital}${'e'.repeat(OUTREACH_TEMPLATE_LIMITS.subject - 10)}`, body: '{link}' };
    expect((await put(admin, '/api/outreach/templates/survey_invitation/en', longest)).status).toBe(200);
    const { mail, url } = await invitationMail('Li Lei', 'en');
    expect(mail.headers['subject']).toBe(`${HOSPITAL.en}${'e'.repeat(OUTREACH_TEMPLATE_LIMITS.subject - HOSPITAL.en.length - 1)}…`);
    expect(mail.text.trim()).toBe(`${url}\n${OPT_OUT_SURVEYS.en}`);
    expect((await del(admin, '/api/outreach/templates/survey_invitation/en')).status).toBe(200);
  });

  it('takes texts up to the limits in characters, emoji included, on this database', async () => {
    const longest = { subject: '😀'.repeat(OUTREACH_TEMPLATE_LIMITS.subject), body: `{date}${'😀'.repeat(OUTREACH_TEMPLATE_LIMITS.body - 6)}` };
    const saved = await put<OutreachTemplate>(admin, '/api/outreach/templates/missed_revisit_nudge/en', longest);
    expect(saved.status).toBe(200);
    expect(await templateOf('missed_revisit_nudge', 'en')).toMatchObject(longest);
    expect((await del(admin, '/api/outreach/templates/missed_revisit_nudge/en')).status).toBe(200);
  });

  it('refuses an unknown kind or language with a 400 naming the parameter', async () => {
    const text = { subject: 'x', body: '{date}' };
    const cases: [ApiResponse<ApiError>, string][] = [
      [await put<ApiError>(admin, '/api/outreach/templates/newsletter/zh', text), 'kind'],
      [await put<ApiError>(admin, '/api/outreach/templates/revisit_reminder/fr', text), 'language'],
      [await del<ApiError>(admin, '/api/outreach/templates/newsletter/en'), 'kind'],
      [await admin.post<ApiError>('/api/outreach/templates/preview', { kind: 'newsletter', language: 'zh', ...text }), 'kind'],
      [await admin.post<ApiError>('/api/outreach/templates/preview', { kind: 'revisit_reminder', language: 'fr', ...text }), 'language'],
    ];
    for (const [response, field] of cases) {
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ code: 'validation.failed', params: { fields: [field] } });
    }
  });

  it('is administration only: the front desk and quality managers get 403', async () => {
    const text = { subject: 'x', body: '{date}' };
    for (const client of [desk, quality]) {
      expect((await client.get('/api/outreach/templates')).status).toBe(403);
      expect((await put(client, '/api/outreach/templates/revisit_reminder/zh', text)).status).toBe(403);
      expect((await del(client, '/api/outreach/templates/revisit_reminder/zh')).status).toBe(403);
      expect((await client.post('/api/outreach/templates/preview', { kind: 'revisit_reminder', language: 'zh', ...text })).status).toBe(403);
    }
    expect((await templateOf('revisit_reminder', 'zh')).custom).toBe(false);
  });

  it('lets the last of concurrent saves of one template win, never answering 500', async () => {
    const texts = Array.from({ length: 8 }, (_, i) => ({ subject: `提醒 ${i}`, body: `第 ${i} 版：{date} 到{department}复诊` }));
    const responses = await Promise.all(texts.map((text) => put<OutreachTemplate>(admin, '/api/outreach/templates/revisit_reminder/zh', text)));
    expect(responses.map((r) => r.status)).toEqual(texts.map(() => 200));
    const final = await templateOf('revisit_reminder', 'zh');
    expect(final.custom).toBe(true);
    expect(texts).toContainEqual({ subject: final.subject, body: final.body });
  });
});
