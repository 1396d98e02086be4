import type { EntityManager } from 'typeorm';
import { UNMAPPED_DEPARTMENT_CODE } from '@huifang/shared';
import { DepartmentEntity } from '../departments/department.entity';

/**
 * The department imported encounters go to while their FHIR department code has no mapping; created
 * on first need, inactive: nobody checks a patient in there (the importer writes encounters without
 * the desk's open-department check), and it is no mapping target.
 */
export async function unmappedDepartmentId(manager: EntityManager): Promise<number> {
  const found = await manager.findOne(DepartmentEntity, { where: { code: UNMAPPED_DEPARTMENT_CODE }, select: { id: true } });
  if (found) return found.id;
  const created = await manager.save(DepartmentEntity, manager.create(DepartmentEntity, { code: UNMAPPED_DEPARTMENT_CODE, name: '未映射科室', nameEn: 'Unmapped', active: false }));
  return created.id;
}
