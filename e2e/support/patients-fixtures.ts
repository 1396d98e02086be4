import type { CallbackItem, Page, Patient, RegisterPatientRequest } from '@huifang/shared';
import type { ApiClient } from './api-client';

let counter = 0;

/** A valid, unique mainland mobile number per call within one test run. */
export function uniquePhone(): string {
  counter += 1;
  return `139${String(process.pid % 10000).padStart(4, '0')}${String(counter).padStart(4, '0')}`;
}

export async function registerPatient(client: ApiClient, overrides: Partial<RegisterPatientRequest> = {}): Promise<Patient> {
  const response = await client.post<Patient>('/api/patients', {
    name: '测试患者',
    phone: uniquePhone(),
    gender: 'female',
    birthDate: '1980-05-06',
    ...overrides,
  });
  if (response.status !== 201) throw new Error(`register failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/** Logs in as a fresh staff member of `role`, created by `admin`. */
export async function staffClient(admin: ApiClient, anonymous: ApiClient, username: string, role: string): Promise<ApiClient> {
  const password = 'correct-horse-battery';
  await admin.post('/api/users', { username, role, password, displayName: username });
  return anonymous.login(username, password);
}

/** A patient with one finished visit (checked in, called, finished), ready for a survey invitation. */
export async function finishedVisit(
  desk: ApiClient,
  overrides: Partial<RegisterPatientRequest> = {},
  departmentId = 1,
): Promise<{ patient: Patient; encounterId: number }> {
  const patient = await registerPatient(desk, overrides);
  const checkIn = await desk.post<{ id: number }>('/api/encounters', {
    patientId: patient.id,
    departmentId,
    checkedInAt: new Date(Date.now() - 50 * 60_000).toISOString(),
  });
  const encounterId = checkIn.body.id;
  await desk.post(`/api/encounters/${encounterId}/call`, { at: new Date(Date.now() - 10 * 60_000).toISOString() });
  await desk.post(`/api/encounters/${encounterId}/finish`, {});
  return { patient, encounterId };
}

/** Every open callback of one patient, across the queue's three views. */
export async function openCallbacksOf(desk: ApiClient, patientId: number): Promise<CallbackItem[]> {
  const views = await Promise.all(['overdue', 'today', 'upcoming'].map((view) => desk.get<Page<CallbackItem>>(`/api/callbacks?view=${view}&pageSize=100`)));
  return views.flatMap((v) => v.body.items).filter((c) => c.patientId === patientId);
}

/** A visit to department 1 finished with an expected return on `nextVisitDue`; its encounter id. */
export async function visitExpectingReturn(desk: ApiClient, patientId: number, nextVisitDue: string): Promise<number> {
  const checkIn = await desk.post<{ id: number }>('/api/encounters', { patientId, departmentId: 1, checkedInAt: new Date(Date.now() - 30 * 60_000).toISOString() });
  await desk.post(`/api/encounters/${checkIn.body.id}/call`, { at: new Date(Date.now() - 10 * 60_000).toISOString() });
  const finished = await desk.post(`/api/encounters/${checkIn.body.id}/finish`, { nextVisitDue });
  if (finished.status !== 200) throw new Error(`finishing the visit answered ${finished.status}`);
  return checkIn.body.id;
}
