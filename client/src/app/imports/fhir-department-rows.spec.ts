import type { Department } from '@huifang/shared';
import { departmentChoices } from './fhir-department-rows';

const dept = (id: number, code: string, active = true) => ({ id, code, name: code, nameEn: null, active }) as unknown as Department;

describe('the FHIR department table', () => {
  it('offers the active departments, the current one even if deactivated, never the unmapped placeholder', () => {
    const departments = [dept(1, 'internal'), dept(2, 'surgery', false), dept(3, 'unmapped'), dept(4, 'old', false)];
    expect(departmentChoices(departments, 2).map((d) => d.id)).toEqual([1, 2]);
    expect(departmentChoices(departments, null).map((d) => d.id)).toEqual([1]);
  });
});
