import type { Department } from '@huifang/shared';
import type { Lang } from '../i18n/language';

/** A department's name in the UI language (Chinese `name`, English `nameEn`). */
export function departmentName(department: Pick<Department, 'name' | 'nameEn'>, lang: Lang): string {
  return lang === 'en' && department.nameEn ? department.nameEn : department.name;
}

/**
 * The name of department `id` in the UI language, from the loaded list; `fallback` (e.g. the
 * `departmentName` an encounter carries) while the list is not there or lacks the id.
 */
export function departmentNameById(
  departments: readonly Department[],
  id: number | null,
  lang: Lang,
  fallback = '',
): string {
  const found = id === null ? undefined : departments.find((d) => d.id === id);
  return found ? departmentName(found, lang) : fallback;
}
