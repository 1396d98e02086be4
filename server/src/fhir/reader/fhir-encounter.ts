import { CLINICIAN_MAX_LENGTH, calendarDayOf } from '@huifang/shared';
import type { ImportedEncounter } from '../../imports/import-records';
import { DEPARTMENT_CODING_MAX_LENGTH, type DepartmentCoding, type FhirDepartmentLookup } from './fhir-department-lookup';
import { identifierKeys } from './fhir-identifiers';
import type { BundleReferences } from './fhir-references';
import type { VisitFacts } from './fhir-visit-facts';
import { EntryProblem, optionalArray, optionalInstant, optionalObject, optionalString, type Json } from './fhir-values';

export interface EncounterContext {
  references: BundleReferences;
  departments: FhirDepartmentLookup;
  facts: VisitFacts;
  timeZone: string;
}

/** Participant types that name the clinician who saw the patient: primary performer, then attender. */
const CLINICIAN_TYPES = ['PPRF', 'ATND'];

function codings(concept: unknown, path: string): DepartmentCoding[] {
  const object = optionalObject(concept, path);
  if (!object) return [];
  return optionalArray(object['coding'], `${path}.coding`).flatMap((coding, i) => codingOf(coding, `${path}.coding[${i}]`));
}

function codingOf(coding: unknown, path: string): DepartmentCoding[] {
  const object = optionalObject(coding, path);
  if (!object) return [];
  const system = optionalString(object['system'], `${path}.system`);
  const code = optionalString(object['code'], `${path}.code`);
  if (!system || !code) return [];
  // The mapping table stores system and code in columns of this length.
  if (system.length > DEPARTMENT_CODING_MAX_LENGTH) throw new EntryProblem('too_long', `${path}.system`, system);
  if (code.length > DEPARTMENT_CODING_MAX_LENGTH) throw new EntryProblem('too_long', `${path}.code`, code);
  return [{ system, code, display: optionalString(object['display'], `${path}.display`)?.slice(0, 200) ?? null }];
}

/** Where the department may be read, most specific first: serviceType, each type, class. */
export function departmentCandidates(resource: Json): DepartmentCoding[] {
  return [
    ...codings(resource['serviceType'], 'Encounter.serviceType'),
    ...optionalArray(resource['type'], 'Encounter.type').flatMap((type, i) => codings(type, `Encounter.type[${i}]`)),
    ...codingOf(resource['class'], 'Encounter.class'),
  ];
}

/**
 * The called-in time: when the encounter first went `in-progress` (statusHistory), else the
 * earliest location period that starts at or after check-in. Absent: null (the wait stays unknown).
 */
function calledAt(resource: Json, checkedInAt: Date, timeZone: string): Date | null {
  const history = optionalArray(resource['statusHistory'], 'Encounter.statusHistory').flatMap((entry, i) => {
    const object = optionalObject(entry, `Encounter.statusHistory[${i}]`);
    if (optionalString(object?.['status'], `Encounter.statusHistory[${i}].status`) !== 'in-progress') return [];
    const period = optionalObject(object?.['period'], `Encounter.statusHistory[${i}].period`);
    const start = optionalInstant(period?.['start'], `Encounter.statusHistory[${i}].period.start`, timeZone);
    return start ? [start] : [];
  });
  if (history.length) return earliest(history);
  const locations = optionalArray(resource['location'], 'Encounter.location').flatMap((entry, i) => {
    const period = optionalObject(optionalObject(entry, `Encounter.location[${i}]`)?.['period'], `Encounter.location[${i}].period`);
    const start = optionalInstant(period?.['start'], `Encounter.location[${i}].period.start`, timeZone);
    return start && start >= checkedInAt ? [start] : [];
  });
  return locations.length ? earliest(locations) : null;
}

function earliest(times: Date[]): Date {
  return times.reduce((a, b) => (b < a ? b : a));
}

function clinician(resource: Json): string | null {
  const participants = optionalArray(resource['participant'], 'Encounter.participant').map((participant, i) => {
    const object = optionalObject(participant, `Encounter.participant[${i}]`) ?? {};
    const codes = optionalArray(object['type'], `Encounter.participant[${i}].type`).flatMap((type, j) =>
      codings(type, `Encounter.participant[${i}].type[${j}]`).map((coding) => coding.code),
    );
    const individual = optionalObject(object['individual'], `Encounter.participant[${i}].individual`);
    return { i, codes, display: optionalString(individual?.['display'], `Encounter.participant[${i}].individual.display`)?.trim() };
  });
  for (const type of CLINICIAN_TYPES) {
    const found = participants.find((p) => p.display && p.codes.includes(type));
    if (found?.display) {
      if (found.display.length > CLINICIAN_MAX_LENGTH) throw new EntryProblem('too_long', `Encounter.participant[${found.i}].individual.display`, found.display);
      return found.display;
    }
  }
  return null;
}

function subjectKey(resource: Json, references: BundleReferences, fullUrl: string | undefined): string {
  const subject = optionalObject(resource['subject'], 'Encounter.subject');
  if (!subject) throw new EntryProblem('missing_field', 'Encounter.subject', null);
  const reference = optionalString(subject['reference'], 'Encounter.subject.reference');
  if (reference) {
    const key = references.resolve(reference, 'Patient', fullUrl);
    if (!key) throw new EntryProblem('unresolved_reference', 'Encounter.subject.reference', reference);
    return key;
  }
  // A logical reference by identifier only.
  const identifier = optionalObject(subject['identifier'], 'Encounter.subject.identifier');
  const system = optionalString(identifier?.['system'], 'Encounter.subject.identifier.system');
  const value = optionalString(identifier?.['value'], 'Encounter.subject.identifier.value');
  if (system && value) return `${system}|${value}`;
  throw new EntryProblem('unresolved_reference', 'Encounter.subject', subject);
}

export function readEncounter(resource: Json, fullUrl: string | undefined, context: EncounterContext): ImportedEncounter {
  const keys = identifierKeys(resource, 'Encounter', fullUrl);
  if (!keys.length) throw new EntryProblem('missing_field', 'Encounter.identifier', null);
  const patientKey = subjectKey(resource, context.references, fullUrl);
  const period = optionalObject(resource['period'], 'Encounter.period');
  const checkedInAt = optionalInstant(period?.['start'], 'Encounter.period.start', context.timeZone);
  if (!checkedInAt) throw new EntryProblem('missing_field', 'Encounter.period.start', null);
  const finishedAt = optionalInstant(period?.['end'], 'Encounter.period.end', context.timeZone);
  const candidates = departmentCandidates(resource);
  const department = context.departments.resolve(candidates);
  if (!department) throw new EntryProblem('missing_field', 'Encounter.class', null);
  const facts = context.facts.of(resource, fullUrl);
  const visitDay = calendarDayOf(checkedInAt, context.timeZone);
  return {
    keys,
    patientKey,
    department,
    clinician: clinician(resource),
    checkedInAt,
    calledAt: calledAt(resource, checkedInAt, context.timeZone),
    finishedAt,
    // A return date on or before the visit day is no expectation of a return: left out.
    nextVisitDue: facts.nextVisitDue && facts.nextVisitDue > visitDay ? facts.nextVisitDue : null,
    chargeCents: facts.chargeCents,
  };
}
