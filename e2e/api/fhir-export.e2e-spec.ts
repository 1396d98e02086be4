import type { Bundle, CapabilityStatement, Encounter, OperationOutcome, Patient, Questionnaire, QuestionnaireResponse, Task } from '@medplum/fhirtypes';
import type { ApiError, SurveyInvitation, SurveyTemplate } from '@huifang/shared';
import { ApiClient } from '../support/api-client';
import { testDatabases } from '../support/databases';
import { fhirSchemaErrors } from '../support/fhir-schema';
import { finishedVisit, registerPatient, staffClient } from '../support/patients-fixtures';
import { ADMIN_PASSWORD, startServer, type RunningServer } from '../support/server-process';
import { runSql } from '../support/sql';

const FHIR = 'application/fhir+json';

describe.each(testDatabases())('FHIR export on %s', (database) => {
  let server: RunningServer;
  let anonymous: ApiClient;
  let admin: ApiClient;
  let desk: ApiClient;
  let quality: ApiClient;

  beforeAll(async () => {
    server = await startServer(database, { HUIFANG_PUBLIC_RATE_LIMIT: '10000' });
    anonymous = new ApiClient(server.baseUrl);
    admin = await anonymous.login('admin', ADMIN_PASSWORD);
    desk = await staffClient(admin, anonymous, 'desk', 'front_desk');
    quality = await staffClient(admin, anonymous, 'quality', 'quality_manager');
  });
  afterAll(() => server?.stop());

  /** A GET as a FHIR client asks it. */
  async function fhirGet<T>(client: ApiClient, path: string): Promise<{ status: number; body: T; contentType: string }> {
    const response = await fetch(`${server.baseUrl}${path}`, { headers: { authorization: `Bearer ${client.token}`, accept: FHIR } });
    return { status: response.status, body: (await response.json()) as T, contentType: response.headers.get('content-type') ?? '' };
  }

  async function answeredSurvey(comment: string): Promise<{ patientId: number; encounterId: number }> {
    const { patient, encounterId } = await finishedVisit(desk);
    const invitation = await desk.post<SurveyInvitation>('/api/survey-invitations', { encounterId });
    const answers = [
      { questionId: 'csat', value: 2 },
      { questionId: 'nps', value: 3 },
      { questionId: 'wait_time', value: 1 },
      { questionId: 'doctor_communication', value: 4 },
    ];
    const submitted = await anonymous.post(`/api/public/surveys/${invitation.body.token}`, { answers, comment, language: 'zh' });
    expect(submitted.status).toBe(201);
    return { patientId: patient.id, encounterId };
  }

  it('describes itself in a CapabilityStatement that validates', async () => {
    const metadata = await fhirGet<CapabilityStatement>(desk, '/api/fhir/metadata');
    expect(metadata.status).toBe(200);
    expect(metadata.contentType).toContain(FHIR);
    expect(fhirSchemaErrors(metadata.body)).toEqual([]);
    expect(metadata.body.rest?.[0].resource?.map((r) => r.type)).toEqual(['Patient', 'Encounter', 'Questionnaire', 'QuestionnaireResponse', 'Task']);
  });

  it('exports a patient and a visit as valid resources, audited; 404 as an OperationOutcome', async () => {
    const { patient, encounterId } = await finishedVisit(desk, { name: '王小明' });
    const fhirPatient = await fhirGet<Patient>(desk, `/api/fhir/Patient/${patient.id}`);
    expect(fhirPatient.status).toBe(200);
    expect(fhirSchemaErrors(fhirPatient.body)).toEqual([]);
    expect(fhirPatient.body).toMatchObject({ id: String(patient.id), name: [{ text: '王小明' }], telecom: [{ system: 'phone', value: patient.phone }], gender: 'female', birthDate: '1980-05-06' });

    const forQuality = await fhirGet<Patient>(quality, `/api/fhir/Patient/${patient.id}`);
    expect(forQuality.status).toBe(200);
    expect(forQuality.body.telecom).toBeUndefined();
    expect(JSON.stringify(forQuality.body)).not.toContain(patient.phone);

    const encounter = await fhirGet<Encounter>(desk, `/api/fhir/Encounter/${encounterId}`);
    expect(encounter.status).toBe(200);
    expect(fhirSchemaErrors(encounter.body)).toEqual([]);
    expect(encounter.body.status).toBe('finished');
    expect(encounter.body.subject).toEqual({ reference: `Patient/${patient.id}` });
    expect(encounter.body.statusHistory?.map((h) => h.status)).toEqual(['arrived', 'in-progress']);
    // The called-in time is where the importer reads it back: the first in-progress period's start.
    expect(encounter.body.statusHistory?.[1].period?.start).toBe(encounter.body.statusHistory?.[0].period?.end);

    const audited = (await runSql(server.databaseUrl, "SELECT entity_type FROM audit_entry WHERE action = 'fhir.read' AND patient_id = $1 ORDER BY id", [patient.id])) as { entity_type: string }[];
    expect(audited.map((row) => row.entity_type)).toEqual(['patient', 'patient', 'encounter']);

    const missing = await fhirGet<OperationOutcome>(desk, '/api/fhir/Patient/99999');
    expect(missing.status).toBe(404);
    expect(missing.contentType).toContain(FHIR);
    expect(fhirSchemaErrors(missing.body)).toEqual([]);
    expect(missing.body.issue[0]).toMatchObject({ severity: 'error', code: 'not-found', details: { coding: [{ code: 'patient.not_found' }] } });
    // Without a FHIR Accept header: the API's error shape, the OperationOutcome's fields beside it.
    const plain = await admin.get<ApiError & OperationOutcome>('/api/fhir/Questionnaire/99999');
    expect(plain.status).toBe(404);
    expect(plain.body).toMatchObject({ statusCode: 404, error: 'Not Found', code: 'fhir.not_found', resourceType: 'OperationOutcome' });
    expect(plain.headers.get('content-type')).toContain('application/json');
    // A schema test that can fail: the hybrid body is no valid OperationOutcome.
    expect(fhirSchemaErrors(plain.body)).not.toEqual([]);
  });

  it('exports a template version as a Questionnaire and answered surveys as QuestionnaireResponses that validate and link up', async () => {
    const { patientId, encounterId } = await answeredSurvey('候诊太久了');
    const templates = await admin.get<SurveyTemplate[]>('/api/survey-templates');
    const template = templates.body[0];
    const version = template.versions.find((v) => v.status === 'published');
    const questionnaire = await fhirGet<Questionnaire>(quality, `/api/fhir/Questionnaire/${version?.id}`);
    expect(questionnaire.status).toBe(200);
    expect(fhirSchemaErrors(questionnaire.body)).toEqual([]);
    expect(questionnaire.body).toMatchObject({ status: 'active', version: String(version?.version) });
    const nps = questionnaire.body.item?.find((item) => item.linkId === 'nps');
    expect(nps?.type).toBe('integer');
    expect(nps?.extension).toEqual([
      { url: 'http://hl7.org/fhir/StructureDefinition/minValue', valueInteger: 0 },
      { url: 'http://hl7.org/fhir/StructureDefinition/maxValue', valueInteger: 10 },
    ]);
    const english = (nps as unknown as { _text: { extension: { extension: { url: string; valueString?: string }[] }[] } })._text.extension[0].extension;
    expect(english.find((e) => e.url === 'content')?.valueString).toBe(version?.questions.find((q) => q.id === 'nps')?.text.en);

    const page = await fhirGet<Bundle<QuestionnaireResponse>>(quality, `/api/fhir/QuestionnaireResponse?patient=Patient/${patientId}`);
    expect(page.status).toBe(200);
    expect(fhirSchemaErrors(page.body)).toEqual([]);
    expect(page.body.total).toBe(1);
    const response = page.body.entry?.[0].resource as QuestionnaireResponse;
    expect(fhirSchemaErrors(response)).toEqual([]);
    expect(response.questionnaire).toBe(`${questionnaire.body.url}|${questionnaire.body.version}`);
    expect(response.encounter).toEqual({ reference: `Encounter/${encounterId}` });
    // Every answered linkId is an item of the Questionnaire it names.
    const linkIds = new Set(questionnaire.body.item?.map((item) => item.linkId));
    expect(response.item?.every((item) => linkIds.has(item.linkId))).toBe(true);
    expect(response.item?.find((item) => item.linkId === 'huifang-comment')?.answer).toEqual([{ valueString: '候诊太久了' }]);

    // They hold comments: not for the front desk.
    expect((await fhirGet(desk, '/api/fhir/QuestionnaireResponse')).status).toBe(403);
    const audited = (await runSql(server.databaseUrl, "SELECT COUNT(*) AS n FROM audit_entry WHERE action = 'fhir.read' AND entity_type = 'survey_response' AND patient_id = $1", [patientId])) as { n: number | string }[];
    expect(Number(audited[0].n)).toBe(1);
  });

  it('exports callbacks as Tasks, paged by next links, filtered by status and _since', async () => {
    const since = new Date().toISOString();
    const patient = await registerPatient(desk);
    const dueAt = new Date(Date.now() + 86_400_000).toISOString();
    const ids: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      const created = await admin.post<{ id: number }>('/api/callbacks', { patientId: patient.id, dueAt, kind: 'manual' });
      expect(created.status).toBe(201);
      ids.push(created.body.id);
    }
    expect((await admin.post(`/api/callbacks/${ids[0]}/claim`)).status).toBe(200);
    expect((await admin.post(`/api/callbacks/${ids[0]}/attempts`, { outcome: 'reached' })).status).toBe(200);
    expect((await admin.post(`/api/callbacks/${ids[1]}/claim`)).status).toBe(200);

    const seen: Task[] = [];
    let next: string | undefined = `/api/fhir/Task?_since=${encodeURIComponent(since)}&_count=2`;
    let pages = 0;
    while (next) {
      const page: { status: number; body: Bundle<Task> } = await fhirGet<Bundle<Task>>(admin, next);
      expect(page.status).toBe(200);
      expect(fhirSchemaErrors(page.body)).toEqual([]);
      expect(page.body).toMatchObject({ type: 'searchset', total: 3 });
      seen.push(...(page.body.entry ?? []).map((entry) => entry.resource as Task));
      const link = page.body.link?.find((l) => l.relation === 'next')?.url;
      next = link ? new URL(link).pathname + new URL(link).search : undefined;
      pages += 1;
    }
    expect(pages).toBe(2);
    expect(seen.map((task) => Number(task.id))).toEqual(ids);
    expect(seen.map((task) => task.status)).toEqual(['completed', 'received', 'requested']);
    expect(seen[0]).toMatchObject({ businessStatus: { coding: [{ code: 'reached' }] }, for: { reference: `Patient/${patient.id}` } });
    expect(seen[0].owner?.display).toEqual(expect.any(String));
    expect(seen[1].owner?.display).toBe(seen[0].owner?.display);
    expect(seen[0].executionPeriod?.start).toBeDefined();
    expect(seen[0].executionPeriod?.end).toBeDefined();

    const open = await fhirGet<Bundle<Task>>(admin, `/api/fhir/Task?status=requested,received&_since=${encodeURIComponent(since)}`);
    expect(open.body.entry?.map((entry) => Number(entry.resource?.id))).toEqual([ids[1], ids[2]]);
    // A quality manager sees the kinds they work (service recovery), not these manual calls.
    const forQuality = await fhirGet<Bundle<Task>>(quality, `/api/fhir/Task?_since=${encodeURIComponent(since)}`);
    expect(forQuality.body.total).toBe(0);

    const bad = await desk.get<ApiError>('/api/fhir/Task?status=done&_count=1000&_since=yesterday');
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('validation.failed');
    expect((bad.body.params as { fields: string[] }).fields.sort()).toEqual(['_count', '_since', 'status']);
    expect((await desk.get('/api/fhir/QuestionnaireResponse?patient=Patient/99999999999')).status).toBe(403);
    expect((await quality.get<ApiError>('/api/fhir/QuestionnaireResponse?patient=Patient/99999999999')).status).toBe(400);
  });
});
