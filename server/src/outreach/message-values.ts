import type { EntityManager } from 'typeorm';
import { givenNameOf, utcOffsetMinutes, type HospitalName, type OutreachTemplateLanguage, type OutreachTemplateValues } from '@huifang/shared';
import { DepartmentEntity } from '../departments/department.entity';
import type { PatientEntity } from '../patients/patient.entity';

/** A message goes in the patient's preferred language; Chinese when none is known (as the survey invitation). */
export function messageLanguage(patient: Pick<PatientEntity, 'preferredLanguage'>): OutreachTemplateLanguage {
  return patient.preferredLanguage ?? 'zh';
}

/** `{time}`: the hour and minute of `at` in the hospital's zone (14:30), the same in both languages. */
export function outreachTime(at: Date, timeZone: string): string {
  const local = new Date(at.getTime() + utcOffsetMinutes(at, timeZone) * 60_000);
  return `${String(local.getUTCHours()).padStart(2, '0')}:${String(local.getUTCMinutes()).padStart(2, '0')}`;
}

/** The variables every kind shares: the patient's given name, the hospital's and the department's names in the language. */
export async function commonValues(
  manager: EntityManager,
  patient: Pick<PatientEntity, 'name'>,
  departmentId: number | null,
  language: OutreachTemplateLanguage,
  hospitalName: HospitalName,
): Promise<OutreachTemplateValues> {
  const department = departmentId === null ? null : await manager.findOneBy(DepartmentEntity, { id: departmentId });
  return {
    givenName: givenNameOf(patient.name),
    hospital: hospitalName[language],
    department: (language === 'en' ? department?.nameEn : department?.name) ?? '',
  };
}
