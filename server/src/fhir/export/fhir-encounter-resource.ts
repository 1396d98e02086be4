import type { Encounter, EncounterStatusHistory } from '@medplum/fhirtypes';
import type { DepartmentEntity } from '../../departments/department.entity';
import type { EncounterEntity } from '../../encounters/encounter.entity';
import { SYSTEMS, V3_ACT_CODE, V3_PARTICIPATION_TYPE } from '../fhir-systems';

/**
 * A visit as FHIR: the desk's three times become `period` and `statusHistory` (arrived while
 * waiting, in-progress once called in), the department `serviceType`, the clinician the primary performer.
 */
export function toFhirEncounter(encounter: EncounterEntity, department: DepartmentEntity): Encounter {
  const { checkedInAt, calledAt, finishedAt } = encounter;
  const statusHistory: EncounterStatusHistory[] = [{ status: 'arrived', period: { start: iso(checkedInAt), ...(calledAt ?? finishedAt ? { end: iso(calledAt ?? finishedAt) } : {}) } }];
  if (calledAt) statusHistory.push({ status: 'in-progress', period: { start: iso(calledAt), ...(finishedAt ? { end: iso(finishedAt) } : {}) } });
  return {
    resourceType: 'Encounter',
    id: String(encounter.id),
    identifier: [{ system: SYSTEMS.encounterId, value: String(encounter.id) }],
    status: finishedAt ? 'finished' : calledAt ? 'in-progress' : 'arrived',
    statusHistory,
    class: { system: V3_ACT_CODE, code: 'AMB', display: 'ambulatory' },
    serviceType: { coding: [{ system: SYSTEMS.department, code: department.code, display: department.nameEn }], text: department.name },
    subject: { reference: `Patient/${encounter.patientId}` },
    ...(encounter.clinician
      ? { participant: [{ type: [{ coding: [{ system: V3_PARTICIPATION_TYPE, code: 'PPRF', display: 'primary performer' }] }], individual: { display: encounter.clinician } }] }
      : {}),
    period: { start: iso(checkedInAt), ...(finishedAt ? { end: iso(finishedAt) } : {}) },
  };
}

function iso(at: Date | null): string {
  return (at as Date).toISOString();
}
