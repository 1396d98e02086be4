import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, type EntityManager } from 'typeorm';
import { ERROR_CODES, type ImportColumnMapping, type SavedImportMapping } from '@huifang/shared';
import type { AuditContext } from '../audit/audit-context.decorator';
import { AuditService } from '../audit/audit.service';
import { runRawSql } from '../core/database/raw-sql';
import { WriteTransaction } from '../core/database/write-transaction';
import { ImportMappingEntity } from './import-mapping.entity';

/** Column mappings saved under a name, for next month's file from the same HIS export. */
@Injectable()
export class ImportMappingsService {
  constructor(
    @InjectRepository(ImportMappingEntity) private readonly mappings: Repository<ImportMappingEntity>,
    private readonly writes: WriteTransaction,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<SavedImportMapping[]> {
    const rows = await this.mappings.find({ order: { name: 'ASC' } });
    return rows.map((row) => ({ name: row.name, mapping: JSON.parse(row.mapping) as ImportColumnMapping, updatedAt: row.updatedAt.toISOString() }));
  }

  async find(name: string): Promise<ImportColumnMapping | null> {
    const row = await this.mappings.findOneBy({ name });
    return row ? (JSON.parse(row.mapping) as ImportColumnMapping) : null;
  }

  /** Saves (or replaces) a mapping inside the caller's transaction; one upsert, so two saves at once cannot clash. */
  async save(manager: EntityManager, name: string, mapping: ImportColumnMapping, by: number | null): Promise<void> {
    await runRawSql(
      manager,
      `INSERT INTO import_mapping (name, mapping, updated_at, updated_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (name) DO UPDATE SET mapping = excluded.mapping, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      [name, JSON.stringify(mapping), new Date(), by],
    );
  }

  async remove(name: string, context: AuditContext): Promise<void> {
    await this.writes.run(async (manager) => {
      const row = await manager.findOneBy(ImportMappingEntity, { name });
      if (!row) throw new NotFoundException({ message: 'no saved mapping of that name', code: ERROR_CODES.importMappingNotFound });
      await manager.delete(ImportMappingEntity, { id: row.id });
      await this.audit.record(context, { action: 'import.mapping_delete', entityType: 'import_mapping', entityId: row.id }, manager);
    });
  }
}
