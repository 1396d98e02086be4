import type { ApiError, Encounter, Page, Patient } from '@huifang/shared';
import { ApiClient } from '../support/api-client';
import { testDatabases } from '../support/databases';
import { registerPatient, staffClient } from '../support/patients-fixtures';
import { ADMIN_PASSWORD, startServer, type RunningServer } from '../support/server-process';

const inAMonth = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

describe.each(testDatabases())('encounters and wait time on %s', (database) => {
  let server: RunningServer;
  let desk: ApiClient;

  beforeAll(async () => {
    server = await startServer(database);
    const anonymous = new ApiClient(server.baseUrl);
    const admin = await anonymous.login('admin', ADMIN_PASSWORD);
    desk = await staffClient(admin, anonymous, 'desk', 'front_desk');
  });
  afterAll(() => server?.stop());

  async function checkIn(patientId: number, departmentId = 1, checkedInAt?: string): Promise<Encounter> {
    const response = await desk.post<Encounter>('/api/encounters', { patientId, departmentId, clinician: '陈医生', checkedInAt });
    expect(response.status).toBe(201);
    return response.body;
  }

  it('checks in, calls and finishes, measuring the wait from the stored times', async () => {
    const patient = await registerPatient(desk);
    const encounter = await checkIn(patient.id, 5, minutesAgo(42));
    expect(encounter).toMatchObject({ status: 'waiting', departmentName: '骨科', waitMinutes: null, clinician: '陈医生' });

    const called = await desk.post<Encounter>(`/api/encounters/${encounter.id}/call`, { at: minutesAgo(5) });
    expect(called.status).toBe(200);
    expect(called.body.status).toBe('in_room');
    expect(called.body.waitMinutes).toBeCloseTo(37, 0);

    const finished = await desk.post<Encounter>(`/api/encounters/${encounter.id}/finish`, { nextVisitDue: inAMonth });
    expect(finished.status).toBe(200);
    expect(finished.body).toMatchObject({ status: 'finished', nextVisitDue: inAMonth });

    const after = (await desk.get<Patient>(`/api/patients/${patient.id}`)).body;
    expect(after).toMatchObject({ nextVisitDue: inAMonth, lastDepartmentId: 5, status: 'active' });
    expect(after.lastVisitOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('calls and finishes without a body, at the current time', async () => {
    const patient = await registerPatient(desk);
    const encounter = await checkIn(patient.id);
    const called = await desk.request<Encounter>('POST', `/api/encounters/${encounter.id}/call`);
    expect(called.status).toBe(200);
    expect((await desk.request<Encounter>('POST', `/api/encounters/${encounter.id}/finish`)).status).toBe(200);
  });

  it('takes the visit’s charge at finish (yuan, two decimals) and refuses a bad one naming the field', async () => {
    const patient = await registerPatient(desk);
    const refused = async (charge: unknown) => {
      const encounter = await checkIn(patient.id);
      await desk.request('POST', `/api/encounters/${encounter.id}/call`);
      const response = await desk.post<{ message: string[] }>(`/api/encounters/${encounter.id}/finish`, { charge });
      expect([charge, response.status]).toEqual([charge, 400]);
      expect(JSON.stringify(response.body.message)).toContain('charge');
      expect((await desk.request('POST', `/api/encounters/${encounter.id}/finish`)).status).toBe(200);
    };
    for (const charge of [-1, 1.005, 10_000_001, '12', 1e308, null]) await refused(charge);
    const encounter = await checkIn(patient.id);
    await desk.request('POST', `/api/encounters/${encounter.id}/call`);
    const finished = await desk.post<Encounter>(`/api/encounters/${encounter.id}/finish`, { charge: 268.5 });
    expect(finished.status).toBe(200);
    expect(finished.body.charge).toBe(268.5);
    const listed = (await desk.get<{ items: Encounter[] }>(`/api/encounters?patientId=${patient.id}&status=finished&pageSize=100`)).body.items;
    expect(listed.find((e) => e.id === encounter.id)?.charge).toBe(268.5);
  });

  it('refuses out-of-order and future times with 400, and repeated steps with 409', async () => {
    const patient = await registerPatient(desk);
    const encounter = await checkIn(patient.id, 2, minutesAgo(30));

    const finishEarly = await desk.post<ApiError>(`/api/encounters/${encounter.id}/finish`, {});
    expect(finishEarly.status).toBe(400);
    expect((finishEarly.body.message as string[])[0]).toMatch(/call before finishing/);

    const beforeCheckIn = await desk.post<ApiError>(`/api/encounters/${encounter.id}/call`, { at: minutesAgo(60) });
    expect(beforeCheckIn.status).toBe(400);
    expect((beforeCheckIn.body.message as string[])[0]).toMatch(/^at must not be before the check-in/);

    const future = await desk.post<ApiError>(`/api/encounters/${encounter.id}/call`, { at: new Date(Date.now() + 3_600_000).toISOString() });
    expect(future.status).toBe(400);
    expect((future.body.message as string[])[0]).toMatch(/^at must not be in the future/);

    expect((await desk.post(`/api/encounters/${encounter.id}/call`, { at: minutesAgo(10) })).status).toBe(200);
    expect((await desk.post(`/api/encounters/${encounter.id}/call`, {})).status).toBe(409);
    const finishBeforeCall = await desk.post<ApiError>(`/api/encounters/${encounter.id}/finish`, { at: minutesAgo(20) });
    expect(finishBeforeCall.status).toBe(400);
    const dueInPast = await desk.post<ApiError>(`/api/encounters/${encounter.id}/finish`, { nextVisitDue: '2001-01-01' });
    expect(dueInPast.status).toBe(400);
    expect((dueInPast.body.message as string[])[0]).toMatch(/^nextVisitDue must be after the day of the visit/);
    expect((await desk.post(`/api/encounters/${encounter.id}/finish`, { nextVisitDue: '15/01/2027' })).status).toBe(400);
    expect((await desk.post(`/api/encounters/${encounter.id}/finish`, {})).status).toBe(200);
    expect((await desk.post(`/api/encounters/${encounter.id}/finish`, {})).status).toBe(409);

    const futureCheckIn = await desk.post<ApiError>('/api/encounters', {
      patientId: patient.id,
      departmentId: 3,
      checkedInAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(futureCheckIn.status).toBe(400);
    expect((futureCheckIn.body.message as string[])[0]).toMatch(/^checkedInAt must not be in the future/);
  });

  it('allows one open encounter per patient and department, even when two check-ins race', async () => {
    const patient = await registerPatient(desk);
    const [a, b] = await Promise.all([
      desk.post('/api/encounters', { patientId: patient.id, departmentId: 1 }),
      desk.post('/api/encounters', { patientId: patient.id, departmentId: 1 }),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    expect((await desk.post('/api/encounters', { patientId: patient.id, departmentId: 6 })).status).toBe(201);
    const open = await desk.get<Page<Encounter>>(`/api/encounters?patientId=${patient.id}&status=waiting`);
    expect(open.body.items.map((e) => e.departmentId).sort()).toEqual([1, 6]);
  });

  it('answers 404 for an unknown patient or encounter and 400 for an unknown department or bad id', async () => {
    expect((await desk.post('/api/encounters', { patientId: 987654, departmentId: 1 })).status).toBe(404);
    const patient = await registerPatient(desk);
    const department = await desk.post<ApiError>('/api/encounters', { patientId: patient.id, departmentId: 999 });
    expect(department.status).toBe(400);
    expect(department.body.message).toEqual(['departmentId 999 does not exist']);
    expect((await desk.post('/api/encounters/987654/call', {})).status).toBe(404);
    expect((await desk.post('/api/encounters/x1/call', {})).status).toBe(400);
    expect((await desk.post('/api/encounters', { patientId: 'one', departmentId: 1 })).status).toBe(400);
  });

  it('lists the waiting queue longest-waiting first', async () => {
    const first = await registerPatient(desk);
    const second = await registerPatient(desk);
    const later = await checkIn(second.id, 7, minutesAgo(3));
    const earlier = await checkIn(first.id, 7, minutesAgo(25));
    const queue = await desk.get<Page<Encounter>>('/api/encounters?departmentId=7&status=waiting');
    expect(queue.body.items.map((e) => e.id)).toEqual([earlier.id, later.id]);
  });
});
