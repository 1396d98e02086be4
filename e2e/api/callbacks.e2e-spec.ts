import type { ApiError, AuditEntry, CallbackItem, CallbackQueueCounts, ClaimedCallback, FollowUpRule, Page, Patient, PatientTimeline } from '@huifang/shared';
import { ApiClient } from '../support/api-client';
import { testDatabases } from '../support/databases';
import { finishedVisit, openCallbacksOf, registerPatient, staffClient } from '../support/patients-fixtures';
import { ADMIN_PASSWORD, startServer, type RunningServer } from '../support/server-process';
import { runSql } from '../support/sql';
import { zoneAtLocalHour } from '../support/time-zones';

const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

describe.each(testDatabases())('follow-up rules and the callback queue on %s', (database) => {
  let server: RunningServer;
  let admin: ApiClient;
  let desk: ApiClient;
  let desk2: ApiClient;

  // The hospital's clock reads about 10:00 whenever the suite runs: "today" and "the next working
  // day" do not turn over midway (in Asia/Shanghai the suite failed in the minutes before midnight).
  const timeZone = zoneAtLocalHour(10);

  beforeAll(async () => {
    server = await startServer(database, { HUIFANG_TIMEZONE: timeZone });
    const anonymous = new ApiClient(server.baseUrl);
    admin = await anonymous.login('admin', ADMIN_PASSWORD);
    desk = await staffClient(admin, anonymous, 'desk', 'front_desk');
    desk2 = await staffClient(admin, anonymous, 'desk2', 'front_desk');
  });
  afterAll(() => server?.stop());


  async function manual(patientId: number, dueAt = inMinutes(5), priority = 'normal'): Promise<CallbackItem> {
    const response = await desk.post<CallbackItem>('/api/callbacks', { patientId, dueAt, kind: 'manual', priority, note: '确认复诊时间' });
    expect(response.status).toBe(201);
    return response.body;
  }

  it('fires post_treatment and rehab_check when a patient enters rehabilitation, and a reminder before an expected return', async () => {
    const patient = await registerPatient(desk);
    await desk.post(`/api/patients/${patient.id}/transitions`, { to: 'treatment' });
    await desk.post(`/api/patients/${patient.id}/transitions`, { to: 'rehabilitation' });
    const encounter = await desk.post<{ id: number }>('/api/encounters', { patientId: patient.id, departmentId: 8 });
    await desk.post(`/api/encounters/${encounter.body.id}/call`, {});
    const due = new Date(Date.now() + 20 * 86_400_000).toLocaleDateString('en-CA', { timeZone });
    await desk.post(`/api/encounters/${encounter.body.id}/finish`, { nextVisitDue: due });

    const kinds = (await openCallbacksOf(desk, patient.id)).map((c) => c.kind).sort();
    expect(kinds).toEqual(['post_treatment', 'rehab_check', 'revisit_reminder']);
    const reminder = (await openCallbacksOf(desk, patient.id)).find((c) => c.kind === 'revisit_reminder');
    expect(reminder?.expectedOn).toBe(due);
    const days = (new Date(reminder?.dueAt ?? 0).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(15);
    expect(days).toBeLessThan(17.5);

    // Coming back cancels the reminder of the expectation the visit fulfils.
    await runSql(server.databaseUrl, 'UPDATE callback SET expected_on = $1 WHERE id = $2', ['2000-01-01', reminder?.id]);
    await desk.post('/api/encounters', { patientId: patient.id, departmentId: 8 });
    expect((await openCallbacksOf(desk, patient.id)).map((c) => c.kind).sort()).toEqual(['post_treatment', 'rehab_check']);
  });

  it('audits a read of one callback (its detail page shows the patient and their answers), not the writes that answer with it', async () => {
    const patient = await registerPatient(desk, { name: '回访详情' });
    const callback = await manual(patient.id);
    const trailOf = async () =>
      (await admin.get<Page<AuditEntry>>(`/api/audit-log?patientId=${patient.id}&action=callback.read&pageSize=100`)).body.items;
    expect(await trailOf()).toEqual([]);

    expect((await desk.get<CallbackItem>(`/api/callbacks/${callback.id}`)).status).toBe(200);
    const trail = await trailOf();
    expect(trail.map((entry) => [entry.actor?.username, entry.entityType, entry.entityId, entry.patientId])).toEqual([
      ['desk', 'callback', callback.id, patient.id],
    ]);
    // A claim answers with the callback too: its own entry covers it.
    expect((await desk.post(`/api/callbacks/${callback.id}/claim`)).status).toBe(200);
    expect(await trailOf()).toHaveLength(1);
  });

  it('lets quality managers work service-recovery callbacks only', async () => {
    const anonymous = new ApiClient(server.baseUrl);
    const quality = await staffClient(admin, anonymous, 'quality.cb', 'quality_manager');
    const patient = await registerPatient(desk, { name: '质控回访' });
    const routine = await manual(patient.id);
    const recovery = await manual(patient.id);
    await runSql(server.databaseUrl, "UPDATE callback SET kind = 'service_recovery', priority = 'high' WHERE id = $1", [recovery.id]);

    // Their queue is the service-recovery one; asking for another kind is refused.
    const queue = await quality.get<Page<CallbackItem>>('/api/callbacks?view=today&pageSize=100');
    expect(queue.status).toBe(200);
    expect(queue.body.items.map((c) => c.kind)).toEqual(queue.body.items.map(() => 'service_recovery'));
    expect(queue.body.items.map((c) => c.id)).toContain(recovery.id);
    expect((await quality.get<ApiError>('/api/callbacks?view=today&kind=manual')).status).toBe(403);
    expect((await quality.get<CallbackQueueCounts>('/api/callbacks/counts')).status).toBe(200);

    // A routine call: not readable, claimable or schedulable by them (no full phone number either).
    for (const response of [
      await quality.get(`/api/callbacks/${routine.id}`),
      await quality.post(`/api/callbacks/${routine.id}/claim`),
      await quality.post(`/api/callbacks/${routine.id}/reschedule`, { dueAt: inMinutes(60), reason: 'x' }),
      await quality.post(`/api/callbacks/${routine.id}/cancel`, { reason: 'x' }),
      await quality.post('/api/callbacks', { patientId: patient.id, dueAt: inMinutes(5), kind: 'manual' }),
    ]) {
      expect(response.status).toBe(403);
    }
    expect((await desk.get<CallbackItem>(`/api/callbacks/${routine.id}`)).body.status).toBe('pending');
    // Nor through the patient record: they read it with the phone masked; the front desk, who calls, in full.
    const seenByQuality = (await quality.get<Patient>(`/api/patients/${patient.id}`)).body;
    expect(seenByQuality.phone).toMatch(/^1\d{2}\*{4}\d{4}$/);
    expect((await desk.get<Patient>(`/api/patients/${patient.id}`)).body.phone).toBe(patient.phone);

    // The service-recovery call they work end to end.
    const claimed = await quality.post<ClaimedCallback>(`/api/callbacks/${recovery.id}/claim`);
    expect(claimed.status).toBe(200);
    expect(claimed.body.phone).toMatch(/^1\d{10}$/);
    const done = await quality.post<CallbackItem>(`/api/callbacks/${recovery.id}/attempts`, { outcome: 'reached', note: '已致歉并安排复诊' });
    expect([done.status, done.body.status]).toEqual([200, 'completed']);
  });

  it('fires nothing for a patient who declined follow-up calls, and refuses a manual callback with 409', async () => {
    const patient = await registerPatient(desk, { consent: { followUpCalls: false } });
    await desk.post(`/api/patients/${patient.id}/transitions`, { to: 'treatment' });
    await desk.post(`/api/patients/${patient.id}/transitions`, { to: 'rehabilitation' });
    expect(await openCallbacksOf(desk, patient.id)).toEqual([]);
    const refused = await desk.post<ApiError>('/api/callbacks', { patientId: patient.id, dueAt: inMinutes(5), kind: 'manual' });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toBe('the patient declined follow-up calls');
  });

  it('sorts the queue into overdue, today and upcoming, high priority first, with counts', async () => {
    const patient = await registerPatient(desk, { name: '队列患者' });
    const later = await manual(patient.id, inMinutes(3 * 24 * 60));
    const soon = await manual(patient.id, inMinutes(2));
    const urgent = await manual(patient.id, inMinutes(3), 'high');
    const late = await manual(patient.id, inMinutes(4));
    await runSql(server.databaseUrl, 'UPDATE callback SET due_at = (SELECT created_at FROM callback WHERE id = $1) WHERE id = $2', [late.id, late.id]);

    const view = async (name: string) =>
      (await desk.get<Page<CallbackItem>>(`/api/callbacks?view=${name}&pageSize=100`)).body.items.filter((c) => c.patientId === patient.id).map((c) => c.id);
    expect(await view('overdue')).toEqual([late.id]);
    expect(await view('today')).toEqual([urgent.id, soon.id]);
    expect(await view('upcoming')).toContain(later.id);
    const counts = await desk.get<CallbackQueueCounts>('/api/callbacks/counts');
    expect(counts.body.overdue).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify((await desk.get<Page<CallbackItem>>('/api/callbacks?view=upcoming')).body)).not.toMatch(/"phone":/);
  });

  it('lets exactly one of two staff claim a callback; the other gets 409 naming the holder', async () => {
    const patient = await registerPatient(desk);
    const callback = await manual(patient.id);
    const [a, b] = await Promise.all([desk.post<ClaimedCallback>(`/api/callbacks/${callback.id}/claim`), desk2.post<ApiError>(`/api/callbacks/${callback.id}/claim`)]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const [winner, loser] = a.status === 200 ? [a, b] : [b, a];
    expect((winner.body as ClaimedCallback).phone).toBe(patient.phone);
    expect((loser.body as ApiError).message).toMatch(/^desk2? is working on this callback until/);
  });

  it('lets only the claimer record attempts (403 otherwise), and an expired claim be taken over', async () => {
    const patient = await registerPatient(desk);
    const callback = await manual(patient.id);
    expect((await desk.post(`/api/callbacks/${callback.id}/attempts`, { outcome: 'reached' })).status).toBe(403);
    expect((await desk.post(`/api/callbacks/${callback.id}/claim`)).status).toBe(200);
    expect((await desk2.post(`/api/callbacks/${callback.id}/attempts`, { outcome: 'reached' })).status).toBe(403);
    expect((await desk2.post(`/api/callbacks/${callback.id}/claim`)).status).toBe(409);

    await runSql(server.databaseUrl, 'UPDATE callback SET claim_expires_at = claimed_at WHERE id = $1', [callback.id]);
    expect((await desk2.post(`/api/callbacks/${callback.id}/claim`)).status).toBe(200);
    expect((await desk.post(`/api/callbacks/${callback.id}/attempts`, { outcome: 'reached' })).status).toBe(403);
    const done = await desk2.post<CallbackItem>(`/api/callbacks/${callback.id}/attempts`, { outcome: 'reached', note: '已确认' });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'completed', outcome: 'reached' });
    expect(done.body.attempts.map((x) => [x.outcome, x.by?.displayName])).toEqual([['reached', 'desk2']]);
    expect((await desk2.post(`/api/callbacks/${callback.id}/claim`)).status).toBe(409);
  });

  it('moves an unanswered call to the next working day and fails it after 3 attempts', async () => {
    const patient = await registerPatient(desk);
    const callback = await manual(patient.id);
    for (let attempt = 1; attempt <= 3; attempt++) {
      expect((await desk.post(`/api/callbacks/${callback.id}/claim`)).status).toBe(200);
      const result = await desk.post<CallbackItem>(`/api/callbacks/${callback.id}/attempts`, { outcome: 'no_answer' });
      expect(result.status).toBe(200);
      if (attempt < 3) {
        expect(result.body.status).toBe('pending');
        const due = new Date(result.body.dueAt);
        expect(due.getTime()).toBeGreaterThan(Date.now());
        expect(new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short' }).format(due)).toMatch(/^(Mon|Tue|Wed|Thu|Fri)$/);
        expect(new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' }).format(due)).toBe('09');
        // Make it claimable again now.
        await runSql(server.databaseUrl, 'UPDATE callback SET due_at = created_at WHERE id = $1', [callback.id]);
      } else {
        expect(result.body).toMatchObject({ status: 'failed', outcome: 'no_answer' });
        expect(result.body.attempts).toHaveLength(3);
      }
    }
  });

  it('refuses a reschedule into the past, an unknown outcome and a cancel without a reason with 400', async () => {
    const patient = await registerPatient(desk);
    const callback = await manual(patient.id);
    const past = await desk.post<ApiError>(`/api/callbacks/${callback.id}/reschedule`, { dueAt: inMinutes(-60), reason: '患者要求' });
    expect(past.status).toBe(400);
    expect(past.body.message).toEqual(['dueAt must be in the future']);
    expect((await desk.post(`/api/callbacks/${callback.id}/reschedule`, { dueAt: inMinutes(60) })).status).toBe(400);
    await desk.post(`/api/callbacks/${callback.id}/claim`);
    const outcome = await desk.post<ApiError>(`/api/callbacks/${callback.id}/attempts`, { outcome: 'voicemail' });
    expect(outcome.status).toBe(400);
    expect((outcome.body.message as string[])[0]).toMatch(/^outcome must be one of/);
    const noReason = await desk.post<ApiError>(`/api/callbacks/${callback.id}/cancel`, { reason: '  ' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.message).toEqual(['reason must not be empty']);
    const moved = await desk.post<CallbackItem>(`/api/callbacks/${callback.id}/reschedule`, { dueAt: inMinutes(60 * 24 * 2), reason: '患者出差' });
    expect(moved.body).toMatchObject({ status: 'pending', claimedBy: null });
    const cancelled = await desk.post<CallbackItem>(`/api/callbacks/${callback.id}/cancel`, { reason: '患者已转院' });
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelReason: '患者已转院' });
    expect((await desk.post('/api/callbacks', { patientId: patient.id, dueAt: inMinutes(-600), kind: 'manual' })).status).toBe(400);
    expect((await desk.post('/api/callbacks', { patientId: patient.id, dueAt: inMinutes(5), kind: 'revisit_reminder' })).status).toBe(400);
  });

  it('lets admins read and change the rules, and a disabled rule fires nothing', async () => {
    const rules = await admin.get<FollowUpRule[]>('/api/follow-up-rules');
    expect(rules.body.map((r) => `${r.key}:${r.offset}${r.unit[0]}`)).toEqual([
      'post_treatment:3d',
      'rehab_check:30d',
      'revisit_reminder:3d',
      'missed_revisit:7d',
      'service_recovery:24h',
      'welcome:7d',
      'win_back:1d',
      'care:365d',
    ]);
    expect((await desk.get('/api/follow-up-rules')).status).toBe(403);
    expect((await admin.request('PUT', '/api/follow-up-rules', { rules: [{ key: 'rehab_check', enabled: true, offset: -1 }] })).status).toBe(400);
    const changed = await admin.request<FollowUpRule[]>('PUT', '/api/follow-up-rules', {
      rules: [{ key: 'post_treatment', enabled: false, offset: 3 }, { key: 'rehab_check', enabled: true, offset: 14 }],
    });
    expect(changed.status).toBe(200);
    const patient = await registerPatient(desk);
    await desk.post(`/api/patients/${patient.id}/transitions`, { to: 'treatment' });
    await desk.post(`/api/patients/${patient.id}/transitions`, { to: 'rehabilitation' });
    const fired = await openCallbacksOf(desk, patient.id);
    expect(fired.map((c) => c.kind)).toEqual(['rehab_check']);
    const days = (new Date(fired[0].dueAt).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(13);
    expect(days).toBeLessThan(15);
    await admin.request('PUT', '/api/follow-up-rules', { rules: [{ key: 'post_treatment', enabled: true, offset: 3 }, { key: 'rehab_check', enabled: true, offset: 30 }] });
  });

  it('shows callbacks on the patient timeline, next to the visit', async () => {
    const { patient, encounterId } = await finishedVisit(desk);
    const callback = await manual(patient.id);
    const timeline = (await desk.get<PatientTimeline>(`/api/patients/${patient.id}/timeline`)).body;
    const callbacks = timeline.entries.flatMap((e) => (e.kind === 'callback' ? [e.callback] : []));
    expect(callbacks).toEqual([expect.objectContaining({ id: callback.id, kind: 'manual', status: 'pending', dueAt: callback.dueAt })]);
    expect(timeline.entries.some((e) => e.kind === 'encounter' && e.encounter.id === encounterId)).toBe(true);
  });
});
