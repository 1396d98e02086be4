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

export const DEPARTMENT_CODE_PATTERN = /^[a-z][a-z0-9_]{1,31}$/;
