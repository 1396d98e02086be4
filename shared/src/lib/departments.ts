export interface Department {
  id: number;
  code: string;
  name: string;
  nameEn: string;
  active: boolean;
}

export interface CreateDepartmentRequest {
  code: string;
  name: string;
  nameEn: string;
}

/** Rename a department or (de)activate it. A deactivated department keeps its history and figures but takes no new check-ins. */
export interface UpdateDepartmentRequest {
  name?: string;
  nameEn?: string;
  active?: boolean;
}

/** A department's Chinese and English names: 1 to this many characters. */
export const DEPARTMENT_NAME_MAX_LENGTH = 64;

export const DEPARTMENT_CODE_PATTERN = /^[a-z][a-z0-9_]{1,31}$/;
