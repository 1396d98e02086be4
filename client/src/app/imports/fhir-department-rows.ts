import { UNMAPPED_DEPARTMENT_CODE, type Department } from '@huifang/shared';

/**
 * The departments a code may go to: the active ones, and the one it goes to now even if deactivated
 * since. The placeholder for unmapped codes is "not mapped", never a choice.
 */
export function departmentChoices(departments: readonly Department[], current: number | null): Department[] {
  return departments.filter((d) => d.code !== UNMAPPED_DEPARTMENT_CODE && (d.active || d.id === current));
}
