import type { Department, FhirDepartmentMapping } from '@huifang/shared';
import { departmentChoices, fhirDepartmentOrder } from './fhir-department-rows';

const row = (id: number, code: string, departmentId: number | null): FhirDepartmentMapping => ({
  id,
  system: 'http://snomed.info/sct',
  code,
  display: null,
  departmentId,
});
const dept = (id: number, code: string, active = true) => ({ id, code, name: code, nameEn: null, active }) as unknown as Department;

describe('the FHIR department table', () => {
  it('puts codes nobody mapped first, then by code', () => {
    const order = fhirDepartmentOrder([row(1, '185349003', 2), row(2, '50849002', null), row(3, '162673000', null)]);
    expect(order.map((r) => r.id)).toEqual([3, 2, 1]);
  });

  it('offers the active departments, the current one even if deactivated, never the unmapped placeholder', () => {
    const departments = [dept(1, 'internal'), dept(2, 'surgery', false), dept(3, 'unmapped'), dept(4, 'old', false)];
    expect(departmentChoices(departments, 2).map((d) => d.id)).toEqual([1, 2]);
    expect(departmentChoices(departments, null).map((d) => d.id)).toEqual([1]);
  });
});
