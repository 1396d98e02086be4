import type { ApiError, DuplicatePatientError, Page, Patient, PatientSummary } from '@huifang/shared';
import { ApiClient } from '../support/api-client';
import { testDatabases } from '../support/databases';
import { registerPatient, staffClient, uniquePhone } from '../support/patients-fixtures';
import { ADMIN_PASSWORD, startServer, type RunningServer } from '../support/server-process';

describe.each(testDatabases())('patient registry on %s', (database) => {
  let server: RunningServer;
  let desk: ApiClient;
  let quality: ApiClient;

  beforeAll(async () => {
    server = await startServer(database);
    const anonymous = new ApiClient(server.baseUrl);
    const admin = await anonymous.login('admin', ADMIN_PASSWORD);
    desk = await staffClient(admin, anonymous, 'desk', 'front_desk');
    quality = await staffClient(admin, anonymous, 'quality', 'quality_manager');
  });
  afterAll(() => server?.stop());

  it('registers a patient in first_visit with a normalised phone and recorded consent', async () => {
    const response = await desk.post<Patient>('/api/patients', {
      name: ' 李秀英 ',
      phone: '+86 137-0000-1111',
      gender: 'female',
      birthDate: '1956-02-29',
      consent: { followUpCalls: true, surveys: false },
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ name: '李秀英', phone: '13700001111', phoneMasked: '137****1111', stage: 'first_visit', status: 'active' });
    expect(response.body.consent.followUpCalls).toMatchObject({ granted: true, recordedBy: { displayName: 'desk' } });
    expect(response.body.consent.surveys.granted).toBe(false);
  });

  it('answers 409 with the existing id for a duplicate name + phone, also when two desks submit at once', async () => {
    const first = await registerPatient(desk, { name: '张伟', phone: '13600002222' });
    const again = await desk.post<DuplicatePatientError>('/api/patients', { name: '张伟', phone: '136 0000 2222' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'patient.duplicate', params: { existingPatientId: first.id } });

    const body = { name: '刘洋', phone: uniquePhone() };
    const [a, b] = await Promise.all([desk.post('/api/patients', body), desk.post('/api/patients', body)]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const found = await desk.get<Page<PatientSummary>>(`/api/patients?q=${body.phone}`);
    expect(found.body.total).toBe(1);
  });

  it.each([
    [{ name: '王强', phone: '12345678901' }, /^phone must be a valid mobile number/],
    [{ name: '王强', phone: '1381234567' }, /^phone must be a valid mobile number/],
    [{ name: '王强', phone: uniquePhone(), birthDate: '2999-01-01' }, /^birthDate must be .*not in the future/],
    [{ name: '王强', phone: uniquePhone(), birthDate: '1899-12-31' }, /^birthDate must be .*not before 1900/],
    [{ name: '王强', phone: uniquePhone(), birthDate: '2001-02-30' }, /^birthDate must be a date/],
    [{ name: '   ', phone: uniquePhone() }, /^name must not be empty/],
    [{ name: '王'.repeat(10_000), phone: uniquePhone() }, /^name must be shorter than or equal to 50/],
    [{ name: '王强', phone: uniquePhone(), gender: 'robot' }, /^gender must be one of/],
    [{ name: '王强', phone: uniquePhone(), consent: { surveys: 'yes' } }, /^consent\.surveys must be a boolean/],
  ])('refuses %p with 400 naming the field', async (body, message) => {
    const response = await desk.post<ApiError>('/api/patients', body);
    expect(response.status).toBe(400);
    expect(response.body.message).toEqual(expect.arrayContaining([expect.stringMatching(message)]));
  });

  it('answers 400 for a non-numeric id or an unknown department filter, and 404 for an unknown patient', async () => {
    const bad = await desk.get<ApiError>('/api/patients/12abc');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toEqual(['id must be a positive integer']);
    const department = await desk.get<ApiError>('/api/patients?departmentId=999');
    expect(department.status).toBe(400);
    expect(department.body.message).toEqual(['departmentId 999 does not exist']);
    expect((await desk.get('/api/patients?stage=limbo')).status).toBe(400);
    expect((await desk.get('/api/patients/424242')).status).toBe(404);
  });

  it('finds patients by name fragment or the last 4 phone digits, with phones masked in the list', async () => {
    const patient = await registerPatient(desk, { name: '欧阳娜娜' });
    const byName = await desk.get<Page<PatientSummary>>(`/api/patients?q=${encodeURIComponent('阳娜')}`);
    expect(byName.body.items.map((p) => p.id)).toContain(patient.id);
    const byDigits = await desk.get<Page<PatientSummary>>(`/api/patients?q=${patient.phone.slice(7)}`);
    expect(byDigits.body.items.map((p) => p.id)).toContain(patient.id);
    const text = JSON.stringify(byDigits.body);
    expect(text).not.toContain(patient.phone);
    expect(byDigits.body.items.find((p) => p.id === patient.id)?.phoneMasked).toBe(`${patient.phone.slice(0, 3)}****${patient.phone.slice(7)}`);
  });

  it('pages through results and filters by stage', async () => {
    for (let i = 0; i < 3; i++) await registerPatient(desk, { name: `分页患者${i}` });
    const page1 = await desk.get<Page<PatientSummary>>(`/api/patients?q=${encodeURIComponent('分页患者')}&pageSize=2&page=1`);
    const page2 = await desk.get<Page<PatientSummary>>(`/api/patients?q=${encodeURIComponent('分页患者')}&pageSize=2&page=2`);
    expect(page1.body).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(page1.body.items).toHaveLength(2);
    expect(page2.body.items).toHaveLength(1);
    expect((await desk.get('/api/patients?pageSize=101')).status).toBe(400);
    const treatment = await desk.get<Page<PatientSummary>>('/api/patients?stage=treatment');
    expect(treatment.body.items.every((p) => p.stage === 'treatment')).toBe(true);
  });

  it('updates details and consent, keeping who recorded the consent and when', async () => {
    const patient = await registerPatient(desk);
    const updated = await desk.patch<Patient>(`/api/patients/${patient.id}`, { note: '左耳听力差，请大声说话', gender: 'male' });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ note: '左耳听力差，请大声说话', gender: 'male' });
    const consent = await desk.request<Patient>('PUT', `/api/patients/${patient.id}/consent`, { surveys: false });
    expect(consent.status).toBe(200);
    expect(consent.body.consent.surveys).toMatchObject({ granted: false, recordedBy: { displayName: 'desk' } });
    expect(consent.body.consent.surveys.recordedAt).not.toBeNull();
  });

  it('lets quality managers read but not register patients', async () => {
    expect((await quality.get('/api/patients')).status).toBe(200);
    expect((await quality.post('/api/patients', { name: '赵敏', phone: uniquePhone() })).status).toBe(403);
  });
});
