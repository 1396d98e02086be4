import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ImportItem } from '../../imports/import-records';
import { FhirDepartmentLookup, codingKey } from './fhir-department-lookup';
import { departmentCandidates } from './fhir-encounter';
import { humanNameText } from './fhir-patient';
import { fhirItems, openFhirSource, type FhirReadContext } from './fhir-source';

/** The real Synthea bundles, next to the repository (`../shared/data/synthea` from its root). */
const SYNTHEA = join(__dirname, '..', '..', '..', '..', '..', 'shared', 'data', 'synthea');
const TZ = 'Asia/Shanghai';

function context(table: Map<string, number | null> = new Map()): FhirReadContext {
  return { departments: new FhirDepartmentLookup(table), timeZone: TZ };
}

function read(document: unknown, ctx = context()): ImportItem[] {
  return [...fhirItems(document, ctx)];
}

const AMB = { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' };

function patient(extra: Record<string, unknown> = {}) {
  return { resourceType: 'Patient', id: 'p1', identifier: [{ system: 'urn:mrn', value: 'M1' }], name: [{ family: '张', given: ['三'] }], ...extra };
}

function encounter(extra: Record<string, unknown> = {}) {
  return {
    resourceType: 'Encounter',
    id: 'e1',
    status: 'finished',
    class: AMB,
    subject: { reference: 'Patient/p1' },
    period: { start: '2024-03-01T08:00:00+08:00', end: '2024-03-01T08:30:00+08:00' },
    ...extra,
  };
}

function batch(...resources: Record<string, unknown>[]) {
  return { resourceType: 'Bundle', type: 'batch', entry: resources.map((resource) => ({ resource, request: { method: 'POST', url: resource['resourceType'] } })) };
}

describe('FHIR reader on the Synthea bundles', () => {
  const files = readdirSync(SYNTHEA).filter((file) => file.endsWith('.json'));

  it('finds the six bundles', () => {
    expect(files).toHaveLength(6);
  });

  it.each(files)('%s: one patient, every encounter resolved to it, the rest skipped by type', async (file) => {
    const bundle = JSON.parse(readFileSync(join(SYNTHEA, file), 'utf8')) as { entry: { fullUrl: string; resource: Record<string, unknown> }[] };
    const expected: Record<string, number> = {};
    for (const { resource } of bundle.entry) expected[resource['resourceType'] as string] = (expected[resource['resourceType'] as string] ?? 0) + 1;
    const source = await openFhirSource(join(SYNTHEA, file), context());
    const items: ImportItem[] = [];
    for await (const item of source.items()) items.push(item);

    expect(items.map((item) => item.row)).toEqual(bundle.entry.map((_, i) => i));
    expect(items.filter((item) => item.errors)).toEqual([]);
    const patients = items.filter((item) => item.patient);
    expect(patients).toHaveLength(1);
    const encounters = items.filter((item) => item.encounter);
    expect(encounters).toHaveLength(expected['Encounter']);
    const skipped: Record<string, number> = {};
    for (const item of items) if (item.skippedType) skipped[item.skippedType] = (skipped[item.skippedType] ?? 0) + 1;
    const { Patient: _p, Encounter: _e, ...others } = expected;
    expect(skipped).toEqual(others);

    // urn:uuid references resolve to the patient's main key, which is one of its keys.
    const keys = patients[0].patient?.keys ?? [];
    expect(keys).toContain(`Patient/${bundle.entry.find((e) => e.resource['resourceType'] === 'Patient')?.resource['id']}`);
    for (const item of encounters) expect(keys).toContain(item.encounter?.patientKey);

    // US numbers are no Chinese mobile: no phone, and no error. Western names: "given family".
    expect(patients[0].patient?.phone).toBeNull();
    expect(patients[0].patient?.name).toMatch(/^[A-Za-z]+\d+ [A-Za-z]+\d+$/);
    // Synthea gives start and end but no called-in time; the clinician is the primary performer.
    for (const item of encounters) {
      expect(item.encounter?.calledAt).toBeNull();
      expect(item.encounter?.finishedAt?.getTime()).toBeGreaterThan(item.encounter?.checkedInAt.getTime() ?? Infinity);
      expect(item.encounter?.clinician).toMatch(/^Dr\. /);
      expect(item.encounter?.department).toHaveProperty('unmapped');
      // Return-visit Observations carry no date after the visit: no expectation (see fhir-visit-facts.ts).
      expect(item.encounter?.nextVisitDue).toBeNull();
    }
    // Every encounter has a Claim naming it, in USD: not yuan, so no charge is taken.
    expect(encounters.map((item) => item.encounter?.chargeCents)).toEqual(encounters.map(() => null));
    // Synthea's SSN, driver's licence and passport numbers are no source keys; its record ids are.
    const identifiers = bundle.entry.find((e) => e.resource['resourceType'] === 'Patient')?.resource['identifier'] as { system: string; value: string; type?: { coding: { code: string }[] } }[];
    const government = identifiers.filter((i) => ['SS', 'DL', 'PPN'].includes(i.type?.coding[0].code ?? ''));
    expect(government.length).toBeGreaterThan(0);
    for (const { system, value } of government) expect(keys).not.toContain(`${system}|${value}`);
    expect(keys.some((key) => key.includes('|'))).toBe(true);
  });

  it('leaves the USD charge of the first Claim of Bob965 (269.68) out', async () => {
    const file = files.find((f) => f.startsWith('Bob965'));
    const source = await openFhirSource(join(SYNTHEA, file ?? ''), context());
    const items: ImportItem[] = [];
    for await (const item of source.items()) items.push(item);
    const bundle = JSON.parse(readFileSync(join(SYNTHEA, file ?? ''), 'utf8')) as { entry: { fullUrl: string; resource: { resourceType: string; total?: { value: number; currency: string }; item?: { encounter?: { reference: string }[] }[] } }[] };
    const claim = bundle.entry.find((e) => e.resource.resourceType === 'Claim')?.resource;
    const encounterRow = bundle.entry.findIndex((e) => e.fullUrl === claim?.item?.[0].encounter?.[0].reference);
    expect(claim?.total).toEqual({ value: 269.68, currency: 'USD' });
    expect(items[encounterRow].encounter?.chargeCents).toBeNull();
    expect(source.bytesRead()).toBe(source.bytesTotal);
  });

  it('records the codes it met that the table lacks, class and types alike', async () => {
    const ctx = context();
    const source = await openFhirSource(join(SYNTHEA, files[0]), ctx);
    for await (const _ of source.items());
    const met = ctx.departments.newCodes().map(codingKey);
    expect(met).toContain('http://terminology.hl7.org/CodeSystem/v3-ActCode|AMB');
    expect(met).toContain('http://snomed.info/sct|410620009');
    expect(new Set(met).size).toBe(met.length);
  });
});

describe('FHIR reader on hand-made resources', () => {
  it('reads a single Patient and a single Encounter (not in a bundle) at entry 0', () => {
    const [p] = read(patient({ telecom: [{ system: 'phone', value: '010-62345678' }, { system: 'phone', use: 'mobile', value: '+86 138-0013-8000' }], gender: 'male', birthDate: '1980-05-02' }));
    expect(p).toEqual({
      row: 0,
      patient: { keys: ['urn:mrn|M1', 'Patient/p1'], name: '张三', phone: '13800138000', gender: 'male', birthDate: '1980-05-02' },
    });
    const [e] = read(encounter());
    expect(e.row).toBe(0);
    expect(e.encounter?.patientKey).toBe('Patient/p1');
    expect(e.encounter?.checkedInAt.toISOString()).toBe('2024-03-01T00:00:00.000Z');
    expect(e.encounter?.keys).toEqual(['Encounter/e1']);
  });

  it('takes the official name over others, `text` over parts, and writes Western names given-first', () => {
    const [p] = read(patient({ name: [{ use: 'maiden', text: '旧名' }, { use: 'official', family: 'Smith', given: ['Anna', 'Maria'], prefix: ['Ms.'] }] }));
    expect(p.patient?.name).toBe('Anna Maria Smith');
    expect(humanNameText({ text: ' 李四 ', family: 'X' }, 'n')).toBe('李四');
    expect(humanNameText({ family: '欧阳', given: ['娜娜'] }, 'n')).toBe('欧阳娜娜');
  });

  it('leaves a partial birth date out, and refuses a wrong gender or date with its element path', () => {
    expect(read(patient({ birthDate: '1980' }))[0].patient?.birthDate).toBeNull();
    expect(read(patient({ gender: 'm' }))[0].errors).toEqual([{ row: 0, field: 'Patient.gender', problem: 'bad_gender', value: 'm' }]);
    expect(read(patient({ birthDate: '02/05/1980' }))[0].errors?.[0]).toMatchObject({ field: 'Patient.birthDate', problem: 'bad_date' });
  });

  it('reports a malformed resource as invalid_resource with the element path', () => {
    expect(read(patient({ name: 'Zhang San' }))[0].errors).toEqual([{ row: 0, field: 'Patient.name', problem: 'invalid_resource', value: 'Zhang San' }]);
    expect(read(encounter({ period: { start: 20240301 } }))[0].errors?.[0]).toMatchObject({ field: 'Encounter.period.start', problem: 'invalid_resource' });
    expect(read(encounter({ period: { start: '2024-03-01T08:00' } }))[0].errors?.[0]).toMatchObject({ field: 'Encounter.period.start', problem: 'bad_time' });
    expect(read(encounter({ period: {} }))[0].errors?.[0]).toMatchObject({ field: 'Encounter.period.start', problem: 'missing_field' });
    expect(read(patient({ name: [] }))[0].errors?.[0]).toMatchObject({ field: 'Patient.name', problem: 'missing_field' });
    const bundle = { resourceType: 'Bundle', type: 'batch', entry: [{ resource: patient() }, 'x', { request: { method: 'DELETE' } }, { resource: { id: 'no-type' } }] };
    expect(read(bundle).map((item) => item.errors?.[0]?.field ?? null)).toEqual([null, 'Bundle.entry[1]', 'Bundle.entry[2].resource', 'Bundle.entry[3].resource']);
    expect(read('not a resource')[0].errors?.[0]).toMatchObject({ row: 0, problem: 'invalid_resource' });
  });

  it('resolves urn:uuid, relative, absolute and conditional references, and reports the rest', () => {
    const items = read({
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        { fullUrl: 'urn:uuid:aaa', resource: patient({ id: undefined }) },
        { fullUrl: 'https://his.example/fhir/Patient/p2', resource: patient({ id: 'p2', identifier: [] }) },
        { resource: encounter({ id: 'e1', subject: { reference: 'urn:uuid:aaa' } }) },
        { resource: encounter({ id: 'e2', subject: { reference: 'https://his.example/fhir/Patient/p2' } }) },
        { fullUrl: 'https://his.example/fhir/Encounter/e3', resource: encounter({ id: 'e3', subject: { reference: 'Patient/p2' } }) },
        { resource: encounter({ id: 'e4', subject: { reference: 'Patient?identifier=urn:mrn|M9' } }) },
        { resource: encounter({ id: 'e5', subject: { reference: 'https://other.example/fhir/Patient/p77/_history/3' } }) },
        { resource: encounter({ id: 'e6', subject: { reference: 'urn:uuid:missing' } }) },
        { resource: encounter({ id: 'e7', subject: { reference: 'Group/g1' } }) },
        { resource: encounter({ id: 'e8', subject: { reference: 'Patient?name=Zhang' } }) },
        { resource: encounter({ id: 'e9', subject: { identifier: { system: 'urn:mrn', value: 'M1' } } }) },
      ],
    });
    expect(items.slice(2).map((item) => item.encounter?.patientKey ?? item.errors?.[0].problem)).toEqual([
      'urn:mrn|M1',
      'https://his.example/fhir/Patient/p2',
      'https://his.example/fhir/Patient/p2',
      'urn:mrn|M9',
      'https://other.example/fhir/Patient/p77',
      'unresolved_reference',
      'unresolved_reference',
      'unresolved_reference',
      'urn:mrn|M1',
    ]);
    expect(items[7].errors?.[0]).toEqual({ row: 7, field: 'Encounter.subject.reference', problem: 'unresolved_reference', value: 'urn:uuid:missing' });
  });

  it('takes the called-in time from statusHistory, else the first location after check-in', () => {
    const history = read(
      encounter({
        statusHistory: [
          { status: 'arrived', period: { start: '2024-03-01T08:00:00+08:00' } },
          { status: 'in-progress', period: { start: '2024-03-01T08:12:00+08:00' } },
        ],
        location: [{ location: { display: 'R1' }, period: { start: '2024-03-01T08:20:00+08:00' } }],
      }),
    );
    expect(history[0].encounter?.calledAt?.toISOString()).toBe('2024-03-01T00:12:00.000Z');
    const location = read(
      encounter({
        location: [
          { location: { display: 'Lobby' }, period: { start: '2024-03-01T07:55:00+08:00' } },
          { location: { display: 'R2' }, period: { start: '2024-03-01T08:25:00+08:00' } },
          { location: { display: 'R1' }, period: { start: '2024-03-01T08:20:00+08:00' } },
        ],
      }),
    );
    expect(location[0].encounter?.calledAt?.toISOString()).toBe('2024-03-01T00:20:00.000Z');
  });

  it('maps the department by serviceType, then type, then class; unmapped under the most specific code', () => {
    const resource = encounter({
      serviceType: { coding: [{ system: 'urn:svc', code: 'ortho' }] },
      type: [{ coding: [{ system: 'urn:type', code: 'followup', display: '复诊' }] }],
    });
    expect(departmentCandidates(resource).map(codingKey)).toEqual(['urn:svc|ortho', 'urn:type|followup', codingKey(AMB)]);
    const table = (entries: [string, number | null][]) => context(new Map(entries));
    expect(read(resource, table([[codingKey(AMB), 3], ['urn:type|followup', 2], ['urn:svc|ortho', 1]]))[0].encounter?.department).toEqual({ departmentId: 1 });
    expect(read(resource, table([[codingKey(AMB), 3], ['urn:type|followup', 2], ['urn:svc|ortho', null]]))[0].encounter?.department).toEqual({ departmentId: 2 });
    expect(read(resource, table([[codingKey(AMB), 3]]))[0].encounter?.department).toEqual({ departmentId: 3 });
    const unmapped = table([['urn:svc|ortho', null]]);
    expect(read(resource, unmapped)[0].encounter?.department).toEqual({ unmapped: { system: 'urn:svc', code: 'ortho', display: null } });
    // Known but unmapped codes are not "new"; the others are.
    expect(unmapped.departments.newCodes().map(codingKey)).toEqual(['urn:type|followup', codingKey(AMB)]);
  });

  it('takes a return date from an Observation of concept 5096 with a value after the visit, and the Claim total', () => {
    const items = read(
      batch(
        patient(),
        { ...encounter(), id: 'e1' },
        { resourceType: 'Observation', status: 'final', code: { coding: [{ system: 'http://loinc.org', code: '5096AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }] }, encounter: { reference: 'Encounter/e1' }, valueDateTime: '2024-04-01' },
        { resourceType: 'Claim', status: 'active', use: 'claim', total: { value: 12.345, currency: 'CNY' }, item: [{ sequence: 1, encounter: [{ reference: 'Encounter/e1' }] }] },
        { resourceType: 'Claim', status: 'active', use: 'claim', total: { value: 100, currency: 'CNY' }, item: [{ sequence: 1, encounter: [{ reference: 'Encounter/e1' }] }] },
      ),
    );
    expect(items[1].encounter).toMatchObject({ nextVisitDue: '2024-04-01', chargeCents: 11235 });
    expect(items.slice(2).map((item) => item.skippedType)).toEqual(['Observation', 'Claim', 'Claim']);
    const sameDay = read(batch(encounter(), { resourceType: 'Observation', code: { coding: [{ code: '5096AAAA' }] }, encounter: { reference: 'Encounter/e1' }, valueDateTime: '2024-03-01T10:00:00+08:00' }));
    expect(sameDay[0].encounter?.nextVisitDue).toBeNull();
  });

  it('answers one invalid_resource error for a file that is not JSON', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fhir-'));
    writeFileSync(join(dir, 'bad.json'), '{"resourceType": "Bundle", ');
    const source = await openFhirSource(join(dir, 'bad.json'), context());
    const items: ImportItem[] = [];
    for await (const item of source.items()) items.push(item);
    expect(items).toEqual([{ row: 0, errors: [{ row: 0, field: 'Bundle', problem: 'invalid_resource', value: 'not JSON' }] }]);
  });

  it('keeps only identifiers that name the record: no government ids, whatever their system or type', () => {
    const typed = (code: string, system: string, value: string) => ({ system, value, type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code }] } });
    const [p] = read(
      patient({
        identifier: [
          { system: 'urn:mrn', value: 'M1' },
          typed('MR', 'urn:his', 'H1'),
          typed('SS', 'urn:oid:2.16.840.1.113883.4.1', '999-12-3456'),
          typed('DL', 'urn:oid:2.16.840.1.113883.4.3.25', 'S99912345'),
          typed('PPN', 'http://hl7.org/fhir/sid/passport-USA', 'X1234567'),
          { system: 'http://hl7.org/fhir/sid/us-ssn', value: '999-00-1111' },
          { system: 'urn:oid:2.16.156.10011.1.1', value: '110101199003071234' },
          { system: 'urn:insurer', value: 'I9', type: { text: 'insurance card' } },
        ],
      }),
    );
    expect(p.patient?.keys).toEqual(['urn:mrn|M1', 'urn:his|H1', 'Patient/p1']);
  });

  it('qualifies resource ids by the source base of an absolute fullUrl, so two EMRs never merge', () => {
    const items = read({
      resourceType: 'Bundle',
      type: 'batch',
      entry: [
        { fullUrl: 'https://emr.a/fhir/Patient/123', resource: patient({ id: '123', identifier: [] }) },
        { fullUrl: 'https://emr.b/fhir/Patient/123', resource: patient({ id: '123', identifier: [] }) },
        { fullUrl: 'https://emr.b/fhir/Encounter/9', resource: encounter({ id: '9', subject: { reference: 'Patient/123' } }) },
        { fullUrl: 'urn:uuid:0c4e', resource: patient({ id: '0c4e', identifier: [] }) },
      ],
    });
    expect(items.map((item) => item.patient?.keys ?? item.encounter?.keys)).toEqual([
      ['https://emr.a/fhir/Patient/123'],
      ['https://emr.b/fhir/Patient/123'],
      ['https://emr.b/fhir/Encounter/9'],
      ['Patient/0c4e'],
    ]);
    expect(items[2].encounter?.patientKey).toBe('https://emr.b/fhir/Patient/123');
  });

  it('refuses control characters in any string, and coding system or code longer than the mapping table holds', () => {
    expect(read(patient({ name: [{ family: '张\u0000', given: ['三'] }] }))[0].errors).toEqual([{ row: 0, field: 'Patient.name[0].family', problem: 'control_characters', value: '张?' }]);
    expect(read(encounter({ participant: [{ type: [{ coding: [{ system: 's', code: 'PPRF' }] }], individual: { display: 'Dr.\nX' } }] }))[0].errors?.[0]).toMatchObject({
      field: 'Encounter.participant[0].individual.display',
      problem: 'control_characters',
    });
    expect(read(encounter({ class: { system: 'urn:c', code: 'A'.repeat(256) } }))[0].errors?.[0]).toMatchObject({ field: 'Encounter.class.code', problem: 'too_long' });
    expect(read(encounter({ class: { system: 'urn:c', code: 'A'.repeat(255) } }))[0].encounter).toBeDefined();
    expect(read(encounter({ type: [{ coding: [{ system: `urn:${'s'.repeat(300)}`, code: 'x' }] }] }))[0].errors?.[0]).toMatchObject({ field: 'Encounter.type[0].coding[0].system', problem: 'too_long' });
  });

  it('refuses a resourceType that is no FHIR type name, so no tally is keyed by it', () => {
    const items = read(batch({ resourceType: 'constructor' }, { resourceType: '__proto__' }, { resourceType: 'Observation' }, { resourceType: 'X'.repeat(65) }));
    expect(items.map((item) => item.skippedType ?? item.errors?.[0].problem)).toEqual(['invalid_resource', 'invalid_resource', 'Observation', 'invalid_resource']);
    expect(read({ resourceType: 'toString' })[0].errors?.[0].problem).toBe('invalid_resource');
  });

  it('takes charges in CNY or without currency only; USD and others are not taken', () => {
    const claim = (total: Record<string, unknown>) => ({ resourceType: 'Claim', status: 'active', use: 'claim', total, item: [{ sequence: 1, encounter: [{ reference: 'Encounter/e1' }] }] });
    expect(read(batch(encounter(), claim({ value: 10, currency: 'USD' })))[0].encounter?.chargeCents).toBeNull();
    expect(read(batch(encounter(), claim({ value: 10 })))[0].encounter?.chargeCents).toBe(1000);
    expect(read(batch(encounter(), claim({ value: 10, currency: 'USD' }), claim({ value: 5, currency: 'CNY' })))[0].encounter?.chargeCents).toBe(500);
  });
});
