import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Bundle, BundleEntry, Encounter as FhirEncounter, OperationOutcome } from '@medplum/fhirtypes';
import type { ApiError, FhirDepartmentMapping, ImportJob, IndicatorSeries, Patient, PatientTimeline } from '@huifang/shared';
import { ApiClient } from '../support/api-client';
import { testDatabases } from '../support/databases';
import { fhirSchemaErrors } from '../support/fhir-schema';
import { importFile } from '../support/imports-fixtures';
import { staffClient } from '../support/patients-fixtures';
import { ADMIN_PASSWORD, REPO_ROOT, startServer, type RunningServer } from '../support/server-process';
import { runSql } from '../support/sql';
import { changedTables, openSnapshotReader } from '../support/table-checksum';

/** The real Synthea bundles, next to the repository (CI clones it beside `shared/`). */
const SYNTHEA = join(REPO_ROOT, '..', 'shared', 'data', 'synthea');
const BUNDLES = readdirSync(SYNTHEA)
  .filter((file) => file.endsWith('.json'))
  .map((file) => ({ file, text: readFileSync(join(SYNTHEA, file), 'utf8') }))
  .map(({ file, text }) => ({ file, text, bundle: JSON.parse(text) as Bundle }));
const AMB = 'http://terminology.hl7.org/CodeSystem/v3-ActCode|AMB';

function countOf(bundle: Bundle, type: string): number {
  return (bundle.entry ?? []).filter((entry) => entry.resource?.resourceType === type).length;
}

describe.each(testDatabases())('FHIR import on %s', (database) => {
  let server: RunningServer;
  let anonymous: ApiClient;
  let admin: ApiClient;
  let desk: ApiClient;
  /** Per bundle file: the stored patient id and the ids of its encounters. */
  const stored = new Map<string, { patientId: number; encounterIds: number[] }>();

  beforeAll(async () => {
    server = await startServer(database);
    anonymous = new ApiClient(server.baseUrl);
    admin = await anonymous.login('admin', ADMIN_PASSWORD);
    desk = await staffClient(admin, anonymous, 'desk', 'front_desk');
  });
  afterAll(() => server?.stop());

  async function postFhir(client: ApiClient, body: string, contentType = 'application/fhir+json') {
    const response = await fetch(`${server.baseUrl}/api/fhir`, {
      method: 'POST',
      headers: { authorization: `Bearer ${client.token}`, 'content-type': contentType },
      body,
    });
    const text = await response.text();
    return { status: response.status, body: JSON.parse(text) as Bundle<OperationOutcome> & ApiError, location: response.headers.get('location'), contentType: response.headers.get('content-type') };
  }

  function idOf(entry: BundleEntry | undefined): number {
    return Number(entry?.response?.location?.split('/')[1]);
  }

  it('imports every Synthea bundle: one entry answered per entry, counts as in the bundles, a job in the history', async () => {
    for (const { file, text, bundle } of BUNDLES) {
      const answer = await postFhir(admin, text);
      expect([file, answer.status]).toEqual([file, 200]);
      expect(answer.contentType).toContain('application/fhir+json');
      expect(answer.body).toMatchObject({ resourceType: 'Bundle', type: 'batch-response' });
      expect(fhirSchemaErrors(answer.body)).toEqual([]);
      const entries = answer.body.entry ?? [];
      expect(entries).toHaveLength(bundle.entry?.length ?? 0);
      const byType = (type: string) => entries.filter((_, i) => bundle.entry?.[i].resource?.resourceType === type);
      expect(byType('Patient').map((e) => e.response?.status)).toEqual(['201 Created']);
      expect(byType('Encounter').every((e) => e.response?.status === '201 Created' && /^Encounter\/\d+$/.test(e.response.location ?? ''))).toBe(true);
      expect(byType('Observation').every((e) => e.response?.status === '200 OK')).toBe(true);
      stored.set(file, { patientId: idOf(byType('Patient')[0]), encounterIds: byType('Encounter').map(idOf) });

      expect(answer.location).toMatch(/^\/api\/imports\/\d+$/);
      const job = await admin.get<ImportJob>(answer.location ?? '');
      expect(job.body).toMatchObject({ format: 'fhir', status: 'done', startedBy: { username: 'admin' } });
      expect(job.body.summary).toMatchObject({
        patients: { created: 1, updated: 0, unchanged: 0, failed: 0 },
        encounters: { created: countOf(bundle, 'Encounter'), updated: 0, unchanged: 0, failed: 0 },
        errorCount: 0,
      });
      expect(job.body.summary?.skippedByType['Observation']).toBe(countOf(bundle, 'Observation') || undefined);
      expect(job.body.summary?.unmappedDepartments.length).toBeGreaterThan(0);
    }
    const patients = new Set([...stored.values()].map((s) => s.patientId));
    expect(patients.size).toBe(BUNDLES.length);
    const total = BUNDLES.reduce((n, { bundle }) => n + countOf(bundle, 'Encounter'), 0);
    const [row] = (await runSql(server.databaseUrl, 'SELECT COUNT(*) AS n FROM encounter WHERE patient_id IN (' + [...patients].join(',') + ')')) as { n: number }[];
    expect(Number(row.n)).toBe(total);
  });

  it('changes nothing when the bundles are imported again (200 OK for every record)', async () => {
    const reader = await openSnapshotReader(server.databaseUrl);
    try {
      const before = await reader.snapshot();
      for (const { text, bundle } of BUNDLES) {
        const answer = await postFhir(admin, text, 'application/json');
        expect(answer.status).toBe(200);
        const records = (answer.body.entry ?? []).filter((_, i) => ['Patient', 'Encounter'].includes(bundle.entry?.[i].resource?.resourceType ?? ''));
        expect(new Set(records.map((e) => e.response?.status))).toEqual(new Set(['200 OK']));
        const job = await admin.get<ImportJob>(answer.location ?? '');
        expect(job.body.summary?.encounters).toEqual({ created: 0, updated: 0, unchanged: countOf(bundle, 'Encounter'), failed: 0 });
      }
      // Only the new jobs (and the audit trail, not compared) differ.
      expect(changedTables(before, await reader.snapshot()).filter((t) => !t.startsWith('import_'))).toEqual([]);
    } finally {
      await reader.close();
    }
  });

  it('shows the visits on the timeline, exports them with their times, and leaves their wait unknown', async () => {
    const { file, bundle } = BUNDLES[0];
    const { patientId, encounterIds } = stored.get(file) ?? { patientId: 0, encounterIds: [] };
    const timeline = await admin.get<PatientTimeline>(`/api/patients/${patientId}/timeline`);
    expect(timeline.status).toBe(200);
    const visits = timeline.body.entries.flatMap((e) => (e.kind === 'encounter' ? [e.encounter] : []));
    expect(visits).toHaveLength(countOf(bundle, 'Encounter'));
    expect(visits.every((v) => v.waitMinutes === null && v.status === 'finished' && v.clinician?.startsWith('Dr. '))).toBe(true);
    // US numbers are no Chinese mobile: the patient has none; with no expected return, active.
    const patient = await admin.get<Patient>(`/api/patients/${patientId}`);
    expect(patient.body).toMatchObject({ phone: '', status: 'active', nextVisitDue: null });

    const source = bundle.entry?.find((e) => e.resource?.resourceType === 'Encounter')?.resource as FhirEncounter;
    const exported = await admin.get<FhirEncounter>(`/api/fhir/Encounter/${encounterIds[0]}`);
    expect(exported.body.period).toEqual({ start: new Date(source.period?.start ?? '').toISOString(), end: new Date(source.period?.end ?? '').toISOString() });
    expect(exported.body.statusHistory?.map((h) => h.status)).toEqual(['arrived']);

    // The wait-time indicator over the bundles' years counts no imported visit: none was called in.
    const years = visits.map((v) => v.checkedInAt.slice(0, 4)).sort();
    const to = `${years.at(-1)}-12-31`;
    const from = `${Number(years.at(-1)) - 2}-01-01`;
    const wait = await admin.get<IndicatorSeries<'wait-time'>>(`/api/indicators/wait-time?from=${from}&to=${to}&groupBy=month`);
    expect(wait.status).toBe(200);
    expect(wait.body.points.reduce((n, p) => n + p.n, 0)).toBe(0);
  });

  it('derives lapsed status and churn from an imported return date long past', async () => {
    const bundle: { resourceType: string; type: string; entry: Record<string, unknown>[] } = {
      resourceType: 'Bundle',
      type: 'collection',
      entry: [
        { fullUrl: 'urn:uuid:11111111-0000-0000-0000-000000000001', resource: { resourceType: 'Patient', identifier: [{ system: 'urn:his:mrn', value: 'LAPSED-1' }], name: [{ family: '赵', given: ['流失'] }], telecom: [{ system: 'phone', use: 'mobile', value: '+86 139 0000 0001' }] } },
        {
          resource: {
            resourceType: 'Encounter',
            identifier: [{ system: 'urn:his:visit', value: 'LAPSED-V1' }],
            status: 'finished',
            class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' },
            subject: { reference: 'urn:uuid:11111111-0000-0000-0000-000000000001' },
            period: { start: '2025-01-06T09:00:00+08:00', end: '2025-01-06T09:20:00+08:00' },
            statusHistory: [{ status: 'in-progress', period: { start: '2025-01-06T09:12:00+08:00' } }],
          },
        },
        {
          resource: {
            resourceType: 'Observation',
            status: 'final',
            code: { coding: [{ system: 'http://loinc.org', code: '5096AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', display: 'Return visit date' }] },
            encounter: { reference: 'Encounter?identifier=urn:his:visit|LAPSED-V1' },
            valueDateTime: '2025-02-06',
          },
        },
      ],
    };
    // The Observation names its encounter conditionally: not resolvable for the return date, so none yet.
    const first = await postFhir(admin, JSON.stringify(bundle));
    expect(first.body.entry?.map((e) => e.response?.status)).toEqual(['201 Created', '201 Created', '200 OK']);
    const patientId = idOf(first.body.entry?.[0]);
    expect((await admin.get<Patient>(`/api/patients/${patientId}`)).body).toMatchObject({ status: 'active', nextVisitDue: null, phone: '13900000001' });

    // Named by its fullUrl, the Observation gives the visit its expected return: the corrected bundle updates it.
    bundle.entry[1] = { fullUrl: 'urn:uuid:11111111-0000-0000-0000-000000000002', ...bundle.entry[1] };
    (bundle.entry[2].resource as { encounter: { reference: string } }).encounter.reference = 'urn:uuid:11111111-0000-0000-0000-000000000002';
    const corrected = await postFhir(admin, JSON.stringify(bundle));
    expect(corrected.body.entry?.map((e) => e.response?.status)).toEqual(['200 OK', '200 OK', '200 OK']);
    const job = await admin.get<ImportJob>(corrected.location ?? '');
    expect(job.body.summary?.encounters).toMatchObject({ updated: 1 });
    const patient = await admin.get<Patient>(`/api/patients/${patientId}`);
    expect(patient.body).toMatchObject({ status: 'lapsed', nextVisitDue: '2025-02-06', lastVisitOn: '2025-01-06' });

    const churn = await admin.get<IndicatorSeries<'churn'>>('/api/indicators/churn?from=2025-01-01&to=2025-12-31&groupBy=month');
    expect(churn.status).toBe(200);
    const lapsed = churn.body.points.reduce((n, p) => n + p.lapsed, 0);
    expect(lapsed).toBeGreaterThanOrEqual(1);
    // Its called-in time came from statusHistory: the wait counts (12 minutes).
    const wait = await admin.get<IndicatorSeries<'wait-time'>>('/api/indicators/wait-time?from=2025-01-01&to=2025-01-31&groupBy=month');
    expect(wait.body.points.reduce((n, p) => n + p.n, 0)).toBe(1);
  });

  it('reports unmapped department codes; once mapped, the same bundle moves its encounters', async () => {
    const mappings = await admin.get<FhirDepartmentMapping[]>('/api/fhir-department-mappings');
    expect(mappings.status).toBe(200);
    const amb = mappings.body.find((m) => `${m.system}|${m.code}` === AMB);
    expect(amb).toMatchObject({ departmentId: null });
    // Unmapped first: the admin's work list.
    expect(mappings.body.every((m) => m.departmentId === null)).toBe(true);
    expect((await desk.get('/api/fhir-department-mappings')).status).toBe(403);

    const { file, text, bundle } = BUNDLES[0];
    const ambulatory = (bundle.entry ?? []).filter((e) => e.resource?.resourceType === 'Encounter' && (e.resource as FhirEncounter).class?.code === 'AMB').length;
    const updated = await admin.request<FhirDepartmentMapping>('PUT', `/api/fhir-department-mappings/${amb?.id}`, { departmentId: 2 });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ id: amb?.id, departmentId: 2 });
    const audited = (await runSql(server.databaseUrl, "SELECT detail FROM audit_entry WHERE action = 'fhir_mapping.update' AND entity_id = $1", [amb?.id])) as { detail: string }[];
    expect(audited.map((a) => a.detail)).toEqual(['departmentId: null → 2']);

    const answer = await postFhir(admin, text);
    const job = await admin.get<ImportJob>(answer.location ?? '');
    expect(job.body.summary?.encounters).toMatchObject({ updated: ambulatory, failed: 0 });
    const { encounterIds } = stored.get(file) ?? { encounterIds: [] };
    const rows = (await runSql(server.databaseUrl, `SELECT department_id FROM encounter WHERE id IN (${encounterIds.join(',')})`)) as { department_id: number }[];
    expect(rows.filter((r) => Number(r.department_id) === 2)).toHaveLength(ambulatory);
    // Idempotent again: nothing more to move.
    const again = await admin.get<ImportJob>((await postFhir(admin, text)).location ?? '');
    expect(again.body.summary?.encounters).toMatchObject({ updated: 0, unchanged: countOf(bundle, 'Encounter') });

    expect((await admin.request<ApiError>('PUT', `/api/fhir-department-mappings/${amb?.id}`, { departmentId: 99999 })).status).toBe(404);
    expect((await admin.request<ApiError>('PUT', '/api/fhir-department-mappings/99999', { departmentId: null })).body.code).toBe('fhir_mapping.not_found');
    expect((await admin.request<ApiError>('PUT', `/api/fhir-department-mappings/${amb?.id}`, { departmentId: 'x' })).status).toBe(400);
    expect((await admin.request<ApiError>('PUT', `/api/fhir-department-mappings/${amb?.id}`, {})).status).toBe(400);
  });

  it('answers each bad entry with 422 and an OperationOutcome naming the element, storing the good ones', async () => {
    const bundle = {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        { fullUrl: 'urn:uuid:22222222-0000-0000-0000-000000000001', resource: { resourceType: 'Patient', id: 'bad-1', identifier: [{ system: 'urn:his:mrn', value: 'BAD-1' }], name: [{ text: '钱好' }] } },
        { resource: { resourceType: 'Patient', id: 'bad-2', name: 'not a list' } },
        { resource: { resourceType: 'Encounter', id: 'bad-e1', class: { system: 'urn:x', code: 'AMB' }, subject: { reference: 'urn:uuid:nowhere' }, period: { start: '2025-03-01T08:00:00Z' } } },
        { resource: { resourceType: 'Encounter', id: 'bad-e2', class: { system: 'urn:x', code: 'AMB' }, subject: { reference: 'Patient?identifier=urn:his:mrn|BAD-1' }, period: { start: '2025-03-01T08:00:00Z', end: '2025-03-01T07:00:00Z' } } },
        { resource: { resourceType: 'Encounter', id: 'good-e3', class: { system: 'urn:x', code: 'AMB' }, subject: { reference: 'Patient/bad-1' }, period: { start: '2025-03-02T08:00:00Z', end: '2025-03-02T08:30:00Z' } } },
      ],
    };
    const answer = await postFhir(admin, JSON.stringify(bundle));
    expect(answer.status).toBe(200);
    expect(fhirSchemaErrors(answer.body)).toEqual([]);
    expect(answer.body.entry?.map((e) => e.response?.status)).toEqual(['201 Created', '422 Unprocessable Entity', '422 Unprocessable Entity', '422 Unprocessable Entity', '201 Created']);
    const issue = (i: number) => answer.body.entry?.[i].response?.outcome as OperationOutcome;
    expect(issue(1).issue[0]).toMatchObject({ code: 'invalid', expression: ['Patient.name'], details: { coding: [{ code: 'invalid_resource' }] } });
    expect(issue(2).issue[0]).toMatchObject({ expression: ['Encounter.subject.reference'], details: { coding: [{ code: 'unresolved_reference' }] } });
    expect(issue(3).issue[0]).toMatchObject({ code: 'processing', details: { coding: [{ code: 'times_out_of_order' }] } });
    const job = await admin.get<ImportJob>(answer.location ?? '');
    expect(job.body.summary).toMatchObject({ patients: { created: 1, failed: 1 }, encounters: { created: 1, failed: 2 }, errorCount: 3 });
  });

  it('refuses what is no FHIR resource, a body over 50 MB, and callers other than admins', async () => {
    const notResource = await postFhir(admin, JSON.stringify({ entry: [] }));
    expect(notResource.status).toBe(400);
    expect(notResource.body).toMatchObject({ statusCode: 400, code: 'fhir.not_a_resource', resourceType: 'OperationOutcome' });
    const broken = await postFhir(admin, '{"resourceType": "Bundle", ');
    expect(broken.status).toBe(400);
    const jobsBefore = (await admin.get<{ total: number }>('/api/imports')).body.total;

    const big = JSON.stringify({ resourceType: 'Bundle', type: 'batch', entry: [], id: 'x'.repeat(50 * 1024 * 1024) });
    const tooLarge = await postFhir(admin, big);
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.code).toBe('request.too_large');
    // Only this route takes big bodies: a 2 MB patient form is still refused.
    const form = await fetch(`${server.baseUrl}/api/patients`, {
      method: 'POST',
      headers: { authorization: `Bearer ${desk.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024), phone: '13900000002' }),
    });
    expect(form.status).toBe(413);

    expect((await postFhir(desk, JSON.stringify(BUNDLES[0].bundle))).status).toBe(403);
    expect((await postFhir(anonymous, JSON.stringify(BUNDLES[0].bundle))).status).toBe(401);
    expect((await admin.get<{ total: number }>('/api/imports')).body.total).toBe(jobsBefore);
  });

  it('reads FHIR files uploaded to the import page with the same reader', async () => {
    const { file, text, bundle } = BUNDLES[1];
    const job = await importFile(admin, file, text);
    expect(job).toMatchObject({ format: 'fhir', status: 'done' });
    // AMB is mapped now (the test before): its ambulatory visits move, through the same mapping table.
    const ambulatory = (bundle.entry ?? []).filter((e) => e.resource?.resourceType === 'Encounter' && (e.resource as FhirEncounter).class?.code === 'AMB').length;
    expect(job.summary?.encounters).toEqual({ created: 0, updated: ambulatory, unchanged: countOf(bundle, 'Encounter') - ambulatory, failed: 0 });
    expect(job.summary?.skippedByType['Claim']).toBe(countOf(bundle, 'Claim'));
  });
});
