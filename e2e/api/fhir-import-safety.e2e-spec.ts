import type { Bundle, OperationOutcome } from '@medplum/fhirtypes';
import type { ApiError, Department, FhirDepartmentMapping, Page, PatientErasure } from '@huifang/shared';
import { ApiClient } from '../support/api-client';
import { testDatabases } from '../support/databases';
import { importFile, uploadImport } from '../support/imports-fixtures';
import { staffClient } from '../support/patients-fixtures';
import { ADMIN_PASSWORD, startServer, type RunningServer } from '../support/server-process';
import { runSql } from '../support/sql';

/*
 * What a FHIR import must not do (review of issue #11): keep government ids or keys of an erased
 * patient, fail a whole batch on PostgreSQL for one bad string, open a department the desk can
 * check into, take a file the reader will refuse, or give patients without a number follow-up calls.
 */

const AMB = { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' };
const SS = { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'SS' }] };
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' });

function patient(id: string, name: unknown = [{ text: `导入${id}` }]) {
  return {
    resourceType: 'Patient',
    id,
    identifier: [
      { system: 'urn:safety:mrn', value: `MRN-${id}` },
      { system: 'http://hl7.org/fhir/sid/us-ssn', value: `999-${id}`, type: SS },
    ],
    name,
  };
}

function encounter(id: string, patientId: string, extra: Record<string, unknown> = {}) {
  return {
    resourceType: 'Encounter',
    id,
    identifier: [{ system: 'urn:safety:visit', value: `V-${id}` }],
    class: AMB,
    subject: { reference: `Patient/${patientId}` },
    period: { start: '2025-03-01T08:00:00+08:00', end: '2025-03-01T08:30:00+08:00' },
    ...extra,
  };
}

function batch(...resources: Record<string, unknown>[]) {
  return JSON.stringify({ resourceType: 'Bundle', type: 'batch', entry: resources.map((resource) => ({ resource, request: { method: 'POST', url: resource['resourceType'] } })) });
}

describe.each(testDatabases())('FHIR import safety on %s', (database) => {
  let server: RunningServer;
  let admin: ApiClient;
  let desk: ApiClient;

  beforeAll(async () => {
    server = await startServer(database);
    const anonymous = new ApiClient(server.baseUrl);
    admin = await anonymous.login('admin', ADMIN_PASSWORD);
    desk = await staffClient(admin, anonymous, 'desk', 'front_desk');
  });
  afterAll(() => server?.stop());

  async function postFhir(body: string) {
    const response = await fetch(`${server.baseUrl}/api/fhir`, { method: 'POST', headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'application/fhir+json' }, body });
    return { status: response.status, body: (await response.json()) as Bundle<OperationOutcome> & ApiError };
  }

  const statuses = (answer: { body: Bundle }) => answer.body.entry?.map((e) => e.response?.status);
  const idOf = (answer: { body: Bundle }, i: number) => Number(answer.body.entry?.[i].response?.location?.split('/')[1]);

  it('answers a 300-character class code and a non-type resourceType with 422 for those entries, storing the others', async () => {
    const answer = await postFhir(
      batch(patient('ok1'), encounter('long', 'ok1', { class: { system: AMB.system, code: 'C'.repeat(300) } }), encounter('good', 'ok1'), { resourceType: 'constructor' }),
    );
    expect([answer.status, answer.body.code]).toEqual([200, undefined]);
    expect(statuses(answer)).toEqual(['201 Created', '422 Unprocessable Entity', '201 Created', '422 Unprocessable Entity']);
    const problem = (i: number) => (answer.body.entry?.[i].response?.outcome as OperationOutcome).issue[0].details?.coding?.[0].code;
    expect([problem(1), problem(3)]).toEqual(['too_long', 'invalid_resource']);
  });

  it('fails only the entry with a NUL byte in an uploaded FHIR file (the API body refuses NUL bytes before)', async () => {
    const job = await importFile(admin, 'nul.json', batch(patient('nul', [{ family: '王\u0000', given: ['五'] }]), patient('ok2'), encounter('ok2-v', 'ok2')));
    expect(job).toMatchObject({ status: 'done', summary: { patients: { created: 1, failed: 1 }, encounters: { created: 1, failed: 0 }, errorCount: 1 } });
    const errors = (await runSql(server.databaseUrl, 'SELECT row, field, problem, value FROM import_row_error WHERE job_id = $1', [job.id])) as Record<string, unknown>[];
    expect(errors.map((e) => ({ ...e, row: Number(e['row']) }))).toEqual([{ row: 0, field: 'Patient.name[0].family', problem: 'control_characters', value: '王?' }]);
  });

  it('keeps no government id, and erasing the patient deletes their source keys and the import errors naming them', async () => {
    const answer = await postFhir(batch(patient('er1'), encounter('er1-v', 'er1'), encounter('er1-bad', 'er1', { subject: { reference: 'Patient/er1/oops' } })));
    expect(statuses(answer)).toEqual(['201 Created', '201 Created', '422 Unprocessable Entity']);
    const patientId = idOf(answer, 0);
    const encounterId = idOf(answer, 1);
    const keysOf = async () =>
      ((await runSql(
        server.databaseUrl,
        "SELECT source_key FROM source_identifier WHERE (kind = 'patient' AND entity_id = $1) OR (kind = 'encounter' AND entity_id = $2) ORDER BY source_key",
        [patientId, encounterId],
      )) as { source_key: string }[]).map((r) => r.source_key);
    expect(await keysOf()).toEqual(['Encounter/er1-v', 'Patient/er1', 'urn:safety:mrn|MRN-er1', 'urn:safety:visit|V-er1-v']);
    expect(await runSql(server.databaseUrl, "SELECT id FROM source_identifier WHERE source_key LIKE '%999-%'", [])).toEqual([]);
    const errorValues = async () => ((await runSql(server.databaseUrl, "SELECT value FROM import_row_error WHERE value LIKE '%er1%'", [])) as { value: string }[]).map((r) => r.value);
    expect(await errorValues()).toEqual(['Patient/er1/oops']);

    const erased = await admin.post<PatientErasure>(`/api/patients/${patientId}/erase`, { reason: 'patient_request' });
    expect(erased.status).toBe(200);
    expect(await keysOf()).toEqual([]);
    expect(await errorValues()).toEqual([]);

    // The same bundle again: a new patient, the erased one keeps its pseudonym and is not re-filled.
    const again = await postFhir(batch(patient('er1'), encounter('er1-v', 'er1')));
    expect(statuses(again)).toEqual(['201 Created', '201 Created']);
    expect(idOf(again, 0)).not.toBe(patientId);
    const [row] = (await runSql(server.databaseUrl, 'SELECT name, phone FROM patient WHERE id = $1', [patientId])) as { name: string; phone: string }[];
    expect(row).toEqual({ name: `已删除 #${patientId}`, phone: '' });
  });

  it('creates the unmapped department inactive, keeps imported visits there, and refuses it as a mapping target', async () => {
    const departments = (await desk.get<Department[]>('/api/departments')).body;
    const unmapped = departments.find((d) => d.code === 'unmapped');
    expect(unmapped).toMatchObject({ active: false });
    const [count] = (await runSql(server.databaseUrl, 'SELECT COUNT(*) AS n FROM encounter WHERE department_id = $1', [unmapped?.id])) as { n: number }[];
    expect(Number(count.n)).toBeGreaterThan(0);

    const [imported] = (await runSql(server.databaseUrl, "SELECT entity_id FROM source_identifier WHERE source_key = 'urn:safety:mrn|MRN-ok1'", [])) as { entity_id: number }[];
    const checkIn = await desk.post<ApiError>('/api/encounters', { patientId: Number(imported.entity_id), departmentId: unmapped?.id });
    expect(checkIn.status).toBeGreaterThanOrEqual(400);
    expect(checkIn.status).toBeLessThan(500);

    const mapping = (await admin.get<FhirDepartmentMapping[]>('/api/fhir-department-mappings')).body.find((m) => m.code === AMB.code);
    const refused = await admin.request<ApiError>('PUT', `/api/fhir-department-mappings/${mapping?.id}`, { departmentId: unmapped?.id });
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('fhir_mapping.unmapped_target');
  });

  it('gives an imported patient without a phone no revisit reminder and no rehabilitation calls', async () => {
    const imported = await postFhir(batch(patient('nophone')));
    expect(statuses(imported)).toEqual(['201 Created']);
    const patientId = idOf(imported, 0);
    const checkIn = await desk.post<{ id: number }>('/api/encounters', { patientId, departmentId: 1 });
    expect(checkIn.status).toBe(201);
    await desk.post(`/api/encounters/${checkIn.body.id}/call`, {});
    // No number is the only reason: consent to calls was not declined.
    const [row] = (await runSql(server.databaseUrl, 'SELECT phone, consent_calls FROM patient WHERE id = $1', [patientId])) as { phone: string; consent_calls: unknown }[];
    expect(row.phone).toBe('');
    expect([false, 0]).not.toContain(row.consent_calls);
    expect((await desk.post(`/api/encounters/${checkIn.body.id}/finish`, { nextVisitDue: day(20) })).status).toBe(200);
    expect((await desk.post(`/api/patients/${patientId}/transitions`, { to: 'treatment' })).status).toBeLessThan(300);
    expect((await desk.post(`/api/patients/${patientId}/transitions`, { to: 'rehabilitation' })).status).toBeLessThan(300);
    expect(await runSql(server.databaseUrl, 'SELECT kind FROM callback WHERE patient_id = $1', [patientId])).toEqual([]);
  });

  it('refuses a FHIR upload over the reader limit at upload time, and no longer takes .ndjson as FHIR', async () => {
    const big = new Uint8Array(100 * 1024 * 1024 + 1).fill(0x20);
    const tooLarge = await uploadImport(admin, 'huge.json', big);
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body as unknown as ApiError).toMatchObject({ code: 'import.file_too_large', params: { maxMb: 100 } });
    const ndjson = await uploadImport(admin, 'patients.ndjson', `${JSON.stringify(patient('nd1'))}\n`);
    expect(ndjson.status).toBe(400);
    expect((ndjson.body as unknown as ApiError).code).toBe('import.unknown_format');
    const jobs = (await admin.get<Page<{ fileName: string }>>('/api/imports')).body.items.map((j) => j.fileName);
    expect(jobs).not.toContain('huge.json');
  });
});
