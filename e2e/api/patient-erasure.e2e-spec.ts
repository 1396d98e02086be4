import type {
  ApiError,
  AuditEntry,
  CallbackItem,
  ClaimedCallback,
  Page,
  Patient,
  PatientErasure,
  PatientExport,
  PatientSummary,
  SurveyInvitation,
} from '@huifang/shared';
import { readFileSync } from 'node:fs';
import { ApiClient } from '../support/api-client';
import { testDatabases } from '../support/databases';
import { registerPatient, staffClient, uniquePhone } from '../support/patients-fixtures';
import { ADMIN_PASSWORD, startServer, type RunningServer } from '../support/server-process';
import { runSql } from '../support/sql';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' });
const DETRACTOR_ANSWERS = [
  { questionId: 'csat', value: 2 },
  { questionId: 'nps', value: 3 },
  { questionId: 'wait_time', value: 2 },
  { questionId: 'doctor_communication', value: 4 },
];

describe.each(testDatabases())('patient export and erasure on %s', (database) => {
  let server: RunningServer;
  let anonymous: ApiClient;
  let admin: ApiClient;
  let desk: ApiClient;

  beforeAll(async () => {
    server = await startServer(database, { HUIFANG_SURVEY_MIN_DAYS: '0', HUIFANG_PUBLIC_RATE_LIMIT: '10000' });
    anonymous = new ApiClient(server.baseUrl);
    admin = await anonymous.login('admin', ADMIN_PASSWORD);
    desk = await staffClient(admin, anonymous, 'desk', 'front_desk');
  });
  afterAll(() => server?.stop());

  /** A visit checked in 50 minutes ago, called 10 minutes ago and finished now. */
  async function visit(patientId: number, nextVisitDue?: string): Promise<number> {
    const checkIn = await desk.post<{ id: number }>('/api/encounters', {
      patientId,
      departmentId: 1,
      checkedInAt: new Date(Date.now() - 50 * 60_000).toISOString(),
    });
    expect(checkIn.status).toBe(201);
    await desk.post(`/api/encounters/${checkIn.body.id}/call`, { at: new Date(Date.now() - 10 * 60_000).toISOString() });
    await desk.post(`/api/encounters/${checkIn.body.id}/finish`, nextVisitDue ? { nextVisitDue } : {});
    return checkIn.body.id;
  }

  async function invite(encounterId: number): Promise<SurveyInvitation> {
    const response = await desk.post<SurveyInvitation>('/api/survey-invitations', { encounterId });
    expect(response.status).toBe(201);
    return response.body;
  }

  /** A patient with everything a record can hold, each piece of free text naming them. */
  let histories = 0;
  async function fullHistory() {
    // Each history's texts are its own, so what one test leaves stored cannot satisfy another's search.
    const tag = `${process.pid % 1000}-${++histories}`;
    const secrets = {
      name: `抹除${tag}王小明`,
      phone: uniquePhone(),
      note: `王小明对青霉素过敏，女儿陪同 ${tag}`,
      transitionReason: `王小明要求转入治疗 ${tag}`,
      comment: `王小明：医生态度差 ${tag}`,
      attemptNote: `已向王小明致歉 ${tag}`,
      callbackNote: `王小明下午方便接电话 ${tag}`,
      cancelReason: `王小明已搬到杭州女儿家 ${tag}`,
    };
    const patient = await registerPatient(desk, { name: secrets.name, phone: secrets.phone, birthDate: '1961-07-08', note: secrets.note });
    expect((await desk.post(`/api/patients/${patient.id}/transitions`, { to: 'treatment', reason: secrets.transitionReason })).status).toBe(201);

    // A detractor answer opens a service-recovery call, which is made and completed.
    const answered = await invite(await visit(patient.id));
    expect((await anonymous.post(`/api/public/surveys/${answered.token}`, { answers: DETRACTOR_ANSWERS, comment: secrets.comment, language: 'zh' })).status).toBe(201);
    const views = await Promise.all(['overdue', 'today', 'upcoming'].map((view) => desk.get<Page<CallbackItem>>(`/api/callbacks?view=${view}&pageSize=100`)));
    const recovery = views.flatMap((v) => v.body.items).find((c) => c.patientId === patient.id && c.kind === 'service_recovery');
    expect(recovery).toBeDefined();
    expect((await desk.post<ClaimedCallback>(`/api/callbacks/${recovery?.id}/claim`)).status).toBe(200);
    expect((await desk.post(`/api/callbacks/${recovery?.id}/attempts`, { outcome: 'reached', note: secrets.attemptNote })).status).toBe(200);

    // Still open: a survey link not yet answered, a reminder before the expected return and a planned call.
    const open = await invite(await visit(patient.id, day(40)));
    const planned = await desk.post<CallbackItem>('/api/callbacks', {
      patientId: patient.id,
      dueAt: new Date(Date.now() + 10 * 86_400_000).toISOString(),
      kind: 'manual',
      note: secrets.callbackNote,
    });
    expect(planned.status).toBe(201);
    // A call dropped earlier, its reason written by staff.
    const dropped = await desk.post<CallbackItem>('/api/callbacks', { patientId: patient.id, dueAt: new Date(Date.now() + 86_400_000).toISOString(), kind: 'manual' });
    expect((await desk.post(`/api/callbacks/${dropped.body.id}/cancel`, { reason: secrets.cancelReason })).status).toBe(200);
    return { patient, secrets, openToken: open.token };
  }

  it('exports everything stored about one patient, and audits the export', async () => {
    const { patient, secrets } = await fullHistory();
    const response = await admin.get<PatientExport>(`/api/patients/${patient.id}/export`);
    expect(response.status).toBe(200);
    const data = response.body;
    expect(data.patient).toMatchObject({ id: patient.id, name: secrets.name, phone: secrets.phone, note: secrets.note, birthDate: '1961-07-08' });
    expect(data.transitions.map((t) => t['toStage'])).toEqual(['first_visit', 'treatment']);
    expect(data.transitions[1]['reason']).toBe(secrets.transitionReason);
    expect(data.encounters).toHaveLength(2);
    expect(data.encounters[0]['waitSeconds']).toBeGreaterThan(0);
    expect(data.surveyInvitations).toHaveLength(2);
    expect(JSON.stringify(data.surveyInvitations)).not.toMatch(/tokenHash/);
    expect(data.surveyResponses).toHaveLength(1);
    expect(data.surveyResponses[0].response).toMatchObject({ nps: 3, comment: secrets.comment });
    expect(data.surveyResponses[0].answers.map((a) => a['questionId']).sort()).toEqual(['csat', 'doctor_communication', 'nps', 'wait_time']);
    const kinds = data.callbacks.map((c) => c.callback['kind']).sort();
    expect(kinds).toEqual(['manual', 'manual', 'revisit_reminder', 'service_recovery']);
    expect(JSON.stringify(data.callbacks)).toContain(secrets.cancelReason);
    const recovery = data.callbacks.find((c) => c.callback['kind'] === 'service_recovery');
    expect(recovery?.attempts).toEqual([expect.objectContaining({ outcome: 'reached', note: secrets.attemptNote })]);
    expect(data.auditEntries.map((e) => e.action)).toEqual(expect.arrayContaining(['patient.create', 'patient.transition', 'callback.attempt']));

    const trail = await admin.get<Page<AuditEntry>>(`/api/audit-log?patientId=${patient.id}&pageSize=100`);
    expect(trail.body.items[0]).toMatchObject({ action: 'patient.export', patientId: patient.id });
  });

  it('erases the personal data, keeps every indicator and the audit trail, and is idempotent', async () => {
    const { patient, secrets, openToken } = await fullHistory();
    const summaryPath = `/api/indicators/summary?from=${day(-30)}&to=${day(0)}`;
    const before = await admin.get(summaryPath);
    expect(before.status).toBe(200);

    const languages = async () => [
      ...(await runSql(server.databaseUrl, 'SELECT preferred_language AS language FROM patient WHERE id = $1', [patient.id])),
      ...(await runSql(server.databaseUrl, 'SELECT language FROM survey_invitation WHERE patient_id = $1 ORDER BY id', [patient.id])),
    ].map((row) => (row as { language: string | null }).language);
    // They answered in Chinese: their record and their later link remember it.
    expect(await languages()).toEqual(['zh', null, 'zh']);

    const erased = await admin.post<PatientErasure>(`/api/patients/${patient.id}/erase`, { reason: 'patient_request' });
    expect(erased.status).toBe(200);
    expect(erased.body).toMatchObject({ patientId: patient.id, alreadyErased: false, cancelledCallbacks: 2, revokedInvitations: 1 });
    expect(await languages()).toEqual([null, null, null]);

    // Indicators count the same visits, waits, scores and completed calls.
    expect((await admin.get(summaryPath)).body).toEqual(before.body);

    // Nothing that could identify the person is left anywhere in what is stored about them.
    const data = (await admin.get<PatientExport>(`/api/patients/${patient.id}/export`)).body;
    expect(data.patient).toMatchObject({ name: `已删除 #${patient.id}`, phone: '', birthDate: null, note: null, gender: 'unknown' });
    expect(data.patient.consent.followUpCalls.granted).toBe(false);
    expect(data.patient.consent.surveys.granted).toBe(false);
    const stored = JSON.stringify(data);
    for (const secret of Object.values(secrets)) expect(stored).not.toContain(secret);
    expect(stored).not.toContain('1961-07-08');
    expect(data.encounters).toHaveLength(2);
    expect(data.surveyResponses[0].response).toMatchObject({ nps: 3, csat: 2, comment: null });
    expect(data.callbacks.map((c) => [c.callback['kind'], c.callback['status']]).sort()).toEqual([
      ['manual', 'cancelled'],
      ['manual', 'cancelled'],
      ['revisit_reminder', 'cancelled'],
      ['service_recovery', 'completed'],
    ]);

    // The open survey link is revoked; the audit log keeps that the erasure happened, and why.
    expect((await anonymous.get(`/api/public/surveys/${openToken}`)).status).toBe(410);
    const erasures = data.auditEntries.filter((e) => e.action === 'patient.erase');
    expect(erasures).toHaveLength(1);
    expect(JSON.parse(erasures[0].detail ?? '{}')).toMatchObject({ reason: 'patient_request' });

    // Asking again changes nothing.
    const again = await admin.post<PatientErasure>(`/api/patients/${patient.id}/erase`, { reason: 'patient_request' });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ alreadyErased: true, erasedAt: erased.body.erasedAt, cancelledCallbacks: 0 });
    const trail = (await admin.get<Page<AuditEntry>>(`/api/audit-log?patientId=${patient.id}&pageSize=100`)).body.items;
    expect(trail.filter((e) => e.action === 'patient.erase')).toHaveLength(1);

    // No search finds them by their old details, and no new data is gathered about them.
    const search = async (q: string) => (await desk.get<Page<PatientSummary>>(`/api/patients?q=${encodeURIComponent(q)}`)).body.items.map((p) => p.id);
    expect(await search(secrets.phone)).not.toContain(patient.id);
    expect(await search(secrets.name)).not.toContain(patient.id);
    const refused = await desk.patch<ApiError>(`/api/patients/${patient.id}`, { name: secrets.name, phone: secrets.phone });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('patient.erased');
    expect((await desk.post<ApiError>('/api/encounters', { patientId: patient.id, departmentId: 1 })).status).toBe(409);
    // The person can be registered afresh: the pseudonym frees their name and phone.
    expect((await desk.post<Patient>('/api/patients', { name: secrets.name, phone: secrets.phone })).status).toBe(201);
  });

  it('never keeps personal data that an edit or a survey answer racing the erasure would bring back', async () => {
    const secretComment = '赵六：候诊太久';
    const patients = await Promise.all(Array.from({ length: 6 }, (_, i) => registerPatient(desk, { name: `竞速${i}赵六` })));
    const tokens = await Promise.all(patients.map(async (p) => (await invite(await visit(p.id))).token));
    const results = await Promise.all(
      patients.map((p, i) =>
        Promise.all([
          admin.post(`/api/patients/${p.id}/erase`, { reason: 'patient_request' }),
          desk.patch(`/api/patients/${p.id}`, { gender: 'female' }),
          anonymous.post(`/api/public/surveys/${tokens[i]}`, { answers: DETRACTOR_ANSWERS, comment: secretComment }),
        ]),
      ),
    );
    for (const [erase, edit, submit] of results) {
      expect(erase.status).toBe(200);
      expect([200, 409]).toContain(edit.status);
      expect([201, 410]).toContain(submit.status);
    }
    for (const p of patients) {
      const data = (await admin.get<PatientExport>(`/api/patients/${p.id}/export`)).body;
      expect(data.patient).toMatchObject({ name: `已删除 #${p.id}`, phone: '', gender: 'unknown' });
      expect(JSON.stringify(data)).not.toContain(secretComment);
    }
  });

  if (database === 'sqlite') {
    it('leaves no trace of the erased name, phone or comment in the SQLite file once the log is checkpointed', async () => {
      const { patient, secrets } = await fullHistory();
      expect((await admin.post(`/api/patients/${patient.id}/erase`, { reason: 'patient_request' })).status).toBe(200);
      const file = server.databaseUrl.slice('sqlite:'.length);
      await runSql(server.databaseUrl, 'PRAGMA wal_checkpoint(TRUNCATE)');
      const bytes = readFileSync(file);
      for (const secret of [secrets.name, secrets.phone, secrets.comment, secrets.note]) {
        expect([secret, bytes.includes(Buffer.from(secret, 'utf8'))]).toEqual([secret, false]);
      }
    });
  }

  it('answers 404 for an unknown patient, 400 naming the field for a bad id or reason, 403 for other roles', async () => {
    const patient = await registerPatient(desk);
    expect((await admin.post<ApiError>('/api/patients/424242/erase', { reason: 'patient_request' })).status).toBe(404);
    expect((await admin.get<ApiError>('/api/patients/424242/export')).status).toBe(404);
    const badId = await admin.post<ApiError>('/api/patients/0/erase', { reason: 'patient_request' });
    expect(badId.status).toBe(400);
    expect(badId.body.message).toEqual(['id must be a positive integer']);
    for (const body of [{}, { reason: 'because' }, { reason: null }]) {
      const bad = await admin.post<ApiError>(`/api/patients/${patient.id}/erase`, body);
      expect(bad.status).toBe(400);
      expect(bad.body.message).toEqual([expect.stringMatching(/^reason must be one of/)]);
    }
    expect((await desk.post(`/api/patients/${patient.id}/erase`, { reason: 'patient_request' })).status).toBe(403);
    expect((await desk.get(`/api/patients/${patient.id}/export`)).status).toBe(403);
    expect((await admin.get<Patient>(`/api/patients/${patient.id}`)).body.name).toBe(patient.name);
  });
});
