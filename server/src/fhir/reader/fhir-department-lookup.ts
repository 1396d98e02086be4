import type { ImportedDepartment } from '../../imports/import-records';

/** A code an encounter's department may be read from (a Coding of serviceType, type or class). */
export interface DepartmentCoding {
  system: string;
  code: string;
  display: string | null;
}

/** Longest coding system or code (`fhir_department_mapping.system` / `.code`); a reader refuses a longer one. */
export const DEPARTMENT_CODING_MAX_LENGTH = 255;

export function codingKey(coding: { system: string; code: string }): string {
  return `${coding.system}|${coding.code}`;
}

/**
 * The department mapping table as the reader sees it: `system|code` → department, or null for a
 * code seen before and not mapped yet. Codes met that the table lacks are collected, so the import
 * can add them (unmapped) for the admin to map.
 */
export class FhirDepartmentLookup {
  private readonly met = new Map<string, DepartmentCoding>();

  /** `onNew` hears each code the table lacks as soon as it is met (the importer records them per batch). */
  constructor(
    private readonly table: ReadonlyMap<string, number | null>,
    private readonly onNew?: (coding: DepartmentCoding) => void,
  ) {}

  /**
   * Precedence: the candidates in order (serviceType, then each type, then class; see
   * `departmentCandidates`), the first mapped one wins. None mapped: the encounter goes to the
   * unmapped department under its most specific code (the first candidate).
   */
  resolve(candidates: readonly DepartmentCoding[]): ImportedDepartment | null {
    for (const coding of candidates) {
      const departmentId = this.table.get(codingKey(coding));
      if (departmentId != null) return { departmentId };
    }
    for (const coding of candidates) {
      if (this.table.has(codingKey(coding)) || this.met.has(codingKey(coding))) continue;
      this.met.set(codingKey(coding), coding);
      this.onNew?.(coding);
    }
    return candidates.length ? { unmapped: candidates[0] } : null;
  }

  /** Codes met in this import that the table does not hold yet (in the order met). */
  newCodes(): DepartmentCoding[] {
    return [...this.met.values()];
  }
}
