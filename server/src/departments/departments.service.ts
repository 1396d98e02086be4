import { ConflictException, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ERROR_CODES, type Department } from '@huifang/shared';
import type { AuditContext } from '../audit/audit-context.decorator';
import { AuditService } from '../audit/audit.service';
import { WriteTransaction } from '../core/database/write-transaction';
import { DepartmentEntity } from './department.entity';
import type { CreateDepartmentDto } from './dto/create-department.dto';

export function toDepartment(entity: DepartmentEntity): Department {
  return { id: entity.id, code: entity.code, name: entity.name, nameEn: entity.nameEn, active: entity.active };
}

@Injectable()
export class DepartmentsService {
  constructor(
    @InjectRepository(DepartmentEntity) private readonly departments: Repository<DepartmentEntity>,
    private readonly writes: WriteTransaction,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<DepartmentEntity[]> {
    return this.departments.find({ order: { id: 'ASC' } });
  }

  findById(id: number): Promise<DepartmentEntity | null> {
    return this.departments.findOneBy({ id });
  }

  /** The department and its audit entry commit together. */
  async create(input: CreateDepartmentDto, context: AuditContext): Promise<DepartmentEntity> {
    const name = input.name.trim();
    const clash = await this.departments.findOne({ where: [{ code: input.code }, { name }] });
    if (clash) {
      throw new ConflictException(
        clash.code === input.code
          ? { message: `department code "${input.code}" already exists`, code: ERROR_CODES.departmentCodeTaken }
          : { message: `department "${name}" already exists`, code: ERROR_CODES.departmentNameTaken },
      );
    }
    const department = this.departments.create({ code: input.code, name, nameEn: input.nameEn.trim(), active: true });
    return this.writes.run(async (manager) => {
      const saved = await manager.save(department);
      await this.audit.record(context, { action: 'department.create', entityType: 'department', entityId: saved.id }, manager);
      return saved;
    });
  }
}
