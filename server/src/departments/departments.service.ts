import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Not, Repository } from 'typeorm';
import { ERROR_CODES, type Department } from '@huifang/shared';
import type { AuditContext } from '../audit/audit-context.decorator';
import { AuditService } from '../audit/audit.service';
import { isUniqueViolation } from '../core/database/unique-violation';
import { WriteTransaction } from '../core/database/write-transaction';
import { DepartmentEntity } from './department.entity';
import type { CreateDepartmentDto } from './dto/create-department.dto';
import type { UpdateDepartmentDto } from './dto/update-department.dto';

export function toDepartment(entity: DepartmentEntity): Department {
  return { id: entity.id, code: entity.code, name: entity.name, nameEn: entity.nameEn, active: entity.active };
}

/** The audit detail of an update: each field that changed, `field: old → new` (as settings.update). */
export function departmentChangeDetail(before: Department, after: Department): string | null {
  const fields = ['name', 'nameEn', 'active'] as const;
  const changes = fields.filter((field) => before[field] !== after[field]).map((field) => `${field}: ${before[field]} → ${after[field]}`);
  return changes.length ? changes.join('; ') : null;
}

function nameTaken(name: string): ConflictException {
  return new ConflictException({ message: `department "${name}" already exists`, code: ERROR_CODES.departmentNameTaken });
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
    const clash = await this.clashWith(input.code, name);
    if (clash) throw clash;
    const department = this.departments.create({ code: input.code, name, nameEn: input.nameEn.trim(), active: true });
    return this.writes
      .run(async (manager) => {
        const saved = await manager.save(department);
        await this.audit.record(context, { action: 'department.create', entityType: 'department', entityId: saved.id }, manager);
        return saved;
      })
      .catch(async (error) => {
        // Two admins adding the same department at once: the unique index decides, and the answer names
        // what the winner took, as the pre-check would have.
        if (isUniqueViolation(error)) throw (await this.clashWith(input.code, name)) ?? error;
        throw error;
      });
  }

  /** The conflict a new department with this code and name would meet, or null. */
  private async clashWith(code: string, name: string): Promise<ConflictException | null> {
    const clash = await this.departments.findOne({ where: [{ code }, { name }] });
    if (!clash) return null;
    return clash.code === code
      ? new ConflictException({ message: `department code "${code}" already exists`, code: ERROR_CODES.departmentCodeTaken })
      : nameTaken(name);
  }

  /** Rename or (de)activate; the code stays. The change and its audit entry commit together. */
  async update(id: number, input: UpdateDepartmentDto, context: AuditContext): Promise<DepartmentEntity> {
    if (input.name === undefined && input.nameEn === undefined && input.active === undefined) {
      throw new BadRequestException({
        message: ['name, nameEn or active must be given'],
        code: ERROR_CODES.validation,
        params: { fields: ['name', 'nameEn', 'active'] },
      });
    }
    const department = await this.departments.findOneBy({ id });
    if (!department) {
      throw new NotFoundException({ message: `department ${id} does not exist`, code: ERROR_CODES.departmentNotFound, params: { departmentId: id } });
    }
    const before = { ...department };
    if (input.name !== undefined) {
      const name = input.name.trim();
      if (await this.departments.existsBy({ name, id: Not(id) })) {
        throw nameTaken(name);
      }
      department.name = name;
    }
    if (input.nameEn !== undefined) department.nameEn = input.nameEn.trim();
    if (input.active !== undefined) department.active = input.active;
    return this.writes
      .run(async (manager) => {
        const saved = await manager.save(department);
        const detail = departmentChangeDetail(before, saved);
        await this.audit.record(context, { action: 'department.update', entityType: 'department', entityId: id, detail }, manager);
        return saved;
      })
      .catch((error) => {
        // Two admins giving two departments the same name at once: the unique index decides, and
        // the answer is the pre-check's.
        if (isUniqueViolation(error)) throw nameTaken(department.name);
        throw error;
      });
  }
}
