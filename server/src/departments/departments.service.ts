import { ConflictException, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ERROR_CODES, type Department } from '@huifang/shared';
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
  ) {}

  list(): Promise<DepartmentEntity[]> {
    return this.departments.find({ order: { id: 'ASC' } });
  }

  findById(id: number): Promise<DepartmentEntity | null> {
    return this.departments.findOneBy({ id });
  }

  async create(input: CreateDepartmentDto): Promise<DepartmentEntity> {
    const name = input.name.trim();
    const clash = await this.departments.findOne({ where: [{ code: input.code }, { name }] });
    if (clash) {
      throw new ConflictException({
        message: clash.code === input.code ? `department code "${input.code}" already exists` : `department "${name}" already exists`,
        code: ERROR_CODES.duplicate,
      });
    }
    const department = this.departments.create({ code: input.code, name, nameEn: input.nameEn.trim(), active: true });
    return this.writes.run((manager) => manager.save(department));
  }
}
