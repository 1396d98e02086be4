import { UNMAPPED_DEPARTMENT_CODE, type Department, type FhirDepartmentMapping } from '@huifang/shared';

/** Codes nobody mapped yet first (they are the work to do), then by system and code. */
export function fhirDepartmentOrder(rows: readonly FhirDepartmentMapping[]): FhirDepartmentMapping[] {
  return [...rows].sort(
    (a, b) =>
      Number(a.departmentId !== null) - Number(b.departmentId !== null) ||
      a.system.localeCompare(b.system) ||
      a.code.localeCompare(b.code),
  );
}

/**
 * The departments a code may go to: the active ones, and the one it goes to now even if deactivated
 * since. The placeholder for unmapped codes is "not mapped", never a choice.
 */
export function departmentChoices(departments: readonly Department[], current: number | null): Department[] {
  return departments.filter((d) => d.code !== UNMAPPED_DEPARTMENT_CODE && (d.active || d.id === current));
}
