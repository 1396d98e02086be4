import { ConflictException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ERROR_CODES } from '@huifang/shared';
import { DepartmentEntity } from './department.entity';

/**
 * A deactivated department takes no new check-ins. Read inside the check-in's transaction, so a
 * deactivation that commits first is seen.
 */
export async function assertDepartmentOpen(manager: EntityManager, departmentId: number): Promise<void> {
  const department = await manager.findOneBy(DepartmentEntity, { id: departmentId });
  if (department && !department.active) {
    throw new ConflictException({
      message: `department ${departmentId} is deactivated and takes no new check-ins`,
      code: ERROR_CODES.departmentInactive,
    });
  }
}
