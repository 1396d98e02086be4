import { QueryFailedError, type Repository } from 'typeorm';
import { ERROR_CODES } from '@huifang/shared';
import type { AuditService } from '../audit/audit.service';
import type { WriteTransaction } from '../core/database/write-transaction';
import type { DepartmentEntity } from './department.entity';
import { DepartmentsService } from './departments.service';

describe('DepartmentsService.update', () => {
  it('answers the unique index refusing a rename (two admins at once) as the pre-check does: department.name_taken', async () => {
    const department = { id: 9, code: 'ent', name: '耳鼻喉', nameEn: 'ENT', active: true } as DepartmentEntity;
    const repository = { findOneBy: async () => ({ ...department }), existsBy: async () => false } as unknown as Repository<DepartmentEntity>;
    // The other admin's rename committed between the pre-check and this save.
    const raced = new QueryFailedError('UPDATE department', [], Object.assign(new Error('UNIQUE constraint failed: department.name'), { code: 'SQLITE_CONSTRAINT_UNIQUE' }));
    const writes = { run: async () => Promise.reject(raced) } as unknown as WriteTransaction;
    const service = new DepartmentsService(repository, writes, {} as AuditService);

    await expect(service.update(9, { name: '耳鼻喉科' }, {} as never)).rejects.toMatchObject({
      status: 409,
      response: { code: ERROR_CODES.departmentNameTaken },
    });
  });
});

describe('DepartmentsService.create', () => {
  it('answers the unique index refusing an add (two admins at once) with what the other admin took', async () => {
    const winner = { id: 10, code: 'derm', name: '皮肤科', nameEn: 'Dermatology', active: true } as DepartmentEntity;
    let lookups = 0;
    // The pre-check finds nothing; the other admin's add commits before this save.
    const repository = {
      findOne: async () => (lookups++ === 0 ? null : winner),
      create: (row: Partial<DepartmentEntity>) => row,
    } as unknown as Repository<DepartmentEntity>;
    const raced = new QueryFailedError('INSERT INTO department', [], Object.assign(new Error('UNIQUE constraint failed: department.code'), { code: 'SQLITE_CONSTRAINT_UNIQUE' }));
    const writes = { run: async () => Promise.reject(raced) } as unknown as WriteTransaction;
    const service = new DepartmentsService(repository, writes, {} as AuditService);

    await expect(service.create({ code: 'derm', name: '皮肤科', nameEn: 'Dermatology' }, {} as never)).rejects.toMatchObject({
      status: 409,
      response: { code: ERROR_CODES.departmentCodeTaken },
    });
  });
});
