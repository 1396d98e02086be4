import type { Department } from '@huifang/shared';

export type TabularDepartment = Pick<Department, 'id' | 'code' | 'name' | 'nameEn'>;

/**
 * A cell names a department by its code, Chinese or English name, in any letter case. Deactivated
 * departments are included: history happened in them.
 */
export function departmentLookup(departments: readonly TabularDepartment[]): (text: string) => number | null {
  const byName = new Map<string, number>();
  // Names first, then codes over them: a code is the department's stable name.
  for (const department of departments) {
    byName.set(department.nameEn.toLowerCase(), department.id);
    byName.set(department.name.toLowerCase(), department.id);
  }
  for (const department of departments) byName.set(department.code.toLowerCase(), department.id);
  return (text) => byName.get(text.toLowerCase()) ?? null;
}
