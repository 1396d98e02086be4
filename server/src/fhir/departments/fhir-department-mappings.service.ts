import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, type EntityManager } from 'typeorm';
import { ERROR_CODES, UNMAPPED_DEPARTMENT_CODE, type FhirDepartmentMapping } from '@huifang/shared';
import type { AuditContext } from '../../audit/audit-context.decorator';
import { AuditService } from '../../audit/audit.service';
import { INSERT_CHUNK_ROWS } from '../../core/database/bulk-insert';
import { WriteTransaction } from '../../core/database/write-transaction';
import { DepartmentEntity } from '../../departments/department.entity';
import { FhirDepartmentLookup, codingKey, type DepartmentCoding } from '../reader/fhir-department-lookup';
import { FhirDepartmentMappingEntity } from './fhir-department-mapping.entity';

export function toFhirDepartmentMapping(row: FhirDepartmentMappingEntity): FhirDepartmentMapping {
  return { id: row.id, system: row.system, code: row.code, display: row.display, departmentId: row.departmentId };
}

@Injectable()
export class FhirDepartmentMappingsService {
  constructor(
    @InjectRepository(FhirDepartmentMappingEntity) private readonly mappings: Repository<FhirDepartmentMappingEntity>,
    @InjectRepository(DepartmentEntity) private readonly departments: Repository<DepartmentEntity>,
    private readonly writes: WriteTransaction,
    private readonly audit: AuditService,
  ) {}

  /** Unmapped codes first (what the admin has to do), then by system and code. */
  async list(): Promise<FhirDepartmentMapping[]> {
    const rows = await this.mappings
      .createQueryBuilder('m')
      .orderBy('CASE WHEN m.department_id IS NULL THEN 0 ELSE 1 END', 'ASC')
      .addOrderBy('m.system', 'ASC')
      .addOrderBy('m.code', 'ASC')
      .addOrderBy('m.id', 'ASC')
      .getMany();
    return rows.map(toFhirDepartmentMapping);
  }

  /** The table as the reader needs it, taken once when an import starts (a few hundred codes at most). */
  async lookupForImport(onNew?: (coding: DepartmentCoding) => void): Promise<FhirDepartmentLookup> {
    const rows = await this.mappings.find();
    return new FhirDepartmentLookup(new Map(rows.map((row) => [codingKey(row), row.departmentId])), onNew);
  }

  /**
   * Adds the codes an import met that the table lacked, unmapped, for the admin to see; a code
   * another import added meanwhile is left as it is. Not audited: no person's data, no person's act.
   * Pass `manager` to make it part of an import batch's transaction.
   */
  async recordUnmapped(codes: readonly DepartmentCoding[], manager?: EntityManager): Promise<void> {
    const rows = [...new Map(codes.map(({ system, code, display }) => [codingKey({ system, code }), { system, code, display, departmentId: null }])).values()];
    if (!rows.length) return;
    const insert = async (m: EntityManager) => {
      for (let i = 0; i < rows.length; i += INSERT_CHUNK_ROWS) {
        await m.createQueryBuilder().insert().into(FhirDepartmentMappingEntity).values(rows.slice(i, i + INSERT_CHUNK_ROWS)).orIgnore().updateEntity(false).execute();
      }
    };
    if (manager) await insert(manager);
    else await this.writes.run(insert, { changesReads: false });
  }

  /** Maps a code to a department (or back to none); the encounters move at the next import of their data. */
  async update(id: number, departmentId: number | null, context: AuditContext): Promise<FhirDepartmentMapping> {
    const row = await this.mappings.findOneBy({ id });
    if (!row) throw new NotFoundException({ message: `FHIR department mapping ${id} does not exist`, code: ERROR_CODES.fhirMappingNotFound });
    if (departmentId !== null) {
      const department = await this.departments.findOne({ where: { id: departmentId }, select: { id: true, code: true } });
      if (!department) throw new NotFoundException({ message: `department ${departmentId} does not exist`, code: ERROR_CODES.departmentNotFound, params: { departmentId } });
      // Mapping a code there would only make "unmapped" look mapped: its encounters stay unsorted.
      if (department.code === UNMAPPED_DEPARTMENT_CODE) {
        throw new BadRequestException({ message: 'the unmapped department is no mapping target', code: ERROR_CODES.fhirMappingUnmappedTarget });
      }
    }
    const before = row.departmentId;
    row.departmentId = departmentId;
    await this.writes.run(async (manager) => {
      await manager.update(FhirDepartmentMappingEntity, { id }, { departmentId });
      await this.audit.record(
        context,
        { action: 'fhir_mapping.update', entityType: 'fhir_department_mapping', entityId: id, detail: `departmentId: ${before} → ${departmentId}` },
        manager,
      );
    });
    return toFhirDepartmentMapping(row);
  }
}
