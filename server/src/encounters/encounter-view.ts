import type { Encounter, EncounterStatus } from '@huifang/shared';
import type { EncounterEntity } from './encounter.entity';

/** calledAt - checkedInAt in minutes, one decimal; null until called (DOMAIN.md). */
export function waitMinutes(checkedInAt: Date, calledAt: Date | null): number | null {
  return calledAt ? Math.round((calledAt.getTime() - checkedInAt.getTime()) / 6000) / 10 : null;
}

export function encounterStatus(encounter: Pick<EncounterEntity, 'calledAt' | 'finishedAt'>): EncounterStatus {
  if (encounter.finishedAt) return 'finished';
  return encounter.calledAt ? 'in_room' : 'waiting';
}

/** Expects `patient` and `department` to be loaded. */
export function toEncounter(row: EncounterEntity): Encounter {
  return {
    id: row.id,
    patientId: row.patientId,
    patientName: row.patient?.name ?? '',
    departmentId: row.departmentId,
    departmentName: row.department?.name ?? '',
    clinician: row.clinician,
    checkedInAt: row.checkedInAt.toISOString(),
    calledAt: row.calledAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    nextVisitDue: row.nextVisitDue,
    waitMinutes: waitMinutes(row.checkedInAt, row.calledAt),
    status: encounterStatus(row),
    charge: row.chargeCents === null || row.chargeCents === undefined ? null : row.chargeCents / 100,
    importJobId: row.importJobId ?? null,
  };
}
