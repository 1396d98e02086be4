import type { ApiError, Patient, PatientTimeline, StageTransition } from '@huifang/shared';
import { ApiClient } from '../support/api-client';
import { testDatabases } from '../support/databases';
import { registerPatient, staffClient } from '../support/patients-fixtures';
import { ADMIN_PASSWORD, startServer, type RunningServer } from '../support/server-process';

describe.each(testDatabases())('lifecycle transitions on %s', (database) => {
  let server: RunningServer;
  let desk: ApiClient;

  beforeAll(async () => {
    server = await startServer(database);
    const anonymous = new ApiClient(server.baseUrl);
    const admin = await anonymous.login('admin', ADMIN_PASSWORD);
    desk = await staffClient(admin, anonymous, 'desk', 'front_desk');
  });
  afterAll(() => server?.stop());

  const transitionsOf = async (patientId: number) =>
    (await desk.get<PatientTimeline>(`/api/patients/${patientId}/timeline`)).body.entries
      .filter((e) => e.kind === 'transition')
      .map((e) => (e.kind === 'transition' ? `${e.transition.from ?? '-'}>${e.transition.to}` : ''));

  it('follows the allowed path and keeps every move as history', async () => {
    const patient = await registerPatient(desk);
    for (const to of ['treatment', 'rehabilitation', 'follow_up', 'treatment']) {
      const response = await desk.post<StageTransition>(`/api/patients/${patient.id}/transitions`, { to, reason: '医生评估' });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({ to, reason: '医生评估', by: { displayName: 'desk' } });
    }
    expect((await desk.get<Patient>(`/api/patients/${patient.id}`)).body.stage).toBe('treatment');
    expect(await transitionsOf(patient.id)).toEqual([
      'follow_up>treatment',
      'rehabilitation>follow_up',
      'treatment>rehabilitation',
      'first_visit>treatment',
      '->first_visit',
    ]);
  });

  it('refuses a move the table does not allow with 409 naming both stages', async () => {
    const patient = await registerPatient(desk);
    const response = await desk.post<ApiError>(`/api/patients/${patient.id}/transitions`, { to: 'rehabilitation' });
    expect(response.status).toBe(409);
    expect(response.body.message).toMatch(/first_visit/);
    expect(response.body.message).toMatch(/rehabilitation/);
    expect((await desk.post(`/api/patients/${patient.id}/transitions`, { to: 'first_visit' })).status).toBe(409);
    expect(await transitionsOf(patient.id)).toEqual(['->first_visit']);
  });

  it('lets exactly one of two concurrent moves from the same stage win, and history stays consistent', async () => {
    for (let round = 0; round < 6; round++) {
      const patient = await registerPatient(desk);
      // Two desks looking at a first_visit patient: to different stages (each naming the stage it saw),
      // both to the same stage, or both to the same stage with API.md's plain `{ to }` body.
      const targets = round % 3 === 0 ? ['treatment', 'follow_up'] : ['treatment', 'treatment'];
      const body = (to: string) => (round % 3 === 2 ? { to } : { to, from: 'first_visit' });
      const [a, b] = await Promise.all(
        targets.map((to) => desk.post<StageTransition>(`/api/patients/${patient.id}/transitions`, body(to))),
      );
      expect([a.status, b.status].sort()).toEqual([201, 409]);
      const winner = a.status === 201 ? a.body : b.body;
      expect((await desk.get<Patient>(`/api/patients/${patient.id}`)).body.stage).toBe(winner.to);
      expect(await transitionsOf(patient.id)).toEqual([`first_visit>${winner.to}`, '->first_visit']);
    }
  });

  it('answers 400 for an unknown stage or a foreign encounter, and 404 for an unknown patient', async () => {
    const patient = await registerPatient(desk);
    const unknown = await desk.post<ApiError>(`/api/patients/${patient.id}/transitions`, { to: 'discharged' });
    expect(unknown.status).toBe(400);
    expect((unknown.body.message as string[])[0]).toMatch(/^to must be one of/);
    expect((await desk.post(`/api/patients/${patient.id}/transitions`, { to: 'treatment', encounterId: 99999 })).status).toBe(400);
    expect((await desk.post('/api/patients/99999/transitions', { to: 'treatment' })).status).toBe(404);
  });

  it('refuses a move based on a stage the patient has already left', async () => {
    const patient = await registerPatient(desk);
    await desk.post(`/api/patients/${patient.id}/transitions`, { to: 'treatment' });
    const stale = await desk.post<ApiError>(`/api/patients/${patient.id}/transitions`, { to: 'follow_up', from: 'first_visit' });
    expect(stale.status).toBe(409);
    expect(stale.body.message).toMatch(/moved from first_visit to treatment/);
  });
});
