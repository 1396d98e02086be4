import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Bundle, OperationOutcome } from '@medplum/fhirtypes';
import { DataSource } from 'typeorm';
import { ERROR_CODES, type ImportRowError } from '@huifang/shared';
import type { AuditContext } from '../../audit/audit-context.decorator';
import { AuditService } from '../../audit/audit.service';
import { WriteTransaction } from '../../core/database/write-transaction';
import { HistoryImporter } from '../../imports/history-importer';
import { ImportJobEntity } from '../../imports/import-job.entity';
import type { ImportItem, ImportSource } from '../../imports/import-records';
import { ImportRowErrorEntity } from '../../imports/import-row-error.entity';
import { entityIdsByKey } from '../../imports/stored-rows';
import { FhirDepartmentMappingsService } from '../departments/fhir-department-mappings.service';
import { fhirItems } from '../reader/fhir-source';
import { isObject } from '../reader/fhir-values';
import { batchResponse, type EntryResult } from './fhir-batch-response';
import { FhirFileReaderService } from './fhir-file-reader';

export interface FhirImportResult {
  jobId: number;
  bundle: Bundle<OperationOutcome>;
}

/** The items, already read, as a source (the request body is parsed whole; progress follows the entries). */
function itemsSource(items: ImportItem[], bytesTotal: number): ImportSource {
  let done = 0;
  return {
    format: 'fhir',
    bytesTotal,
    bytesRead: () => (items.length ? Math.round((bytesTotal * done) / items.length) : bytesTotal),
    async *items() {
      for (const item of items) {
        done += 1;
        yield item;
      }
    },
  };
}

/** Entries' source keys, by kind: to tell new records (201) from known ones (200), and to name where they are. */
function keysOf(items: ImportItem[], kind: 'patient' | 'encounter'): string[] {
  return items.flatMap((item) => item[kind]?.keys ?? []);
}

/**
 * `POST /api/fhir`: a bundle or one resource becomes an import job (format fhir, in the import
 * history like an uploaded file), run to its end through the same importer before the answer.
 */
@Injectable()
export class FhirImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly writes: WriteTransaction,
    private readonly audit: AuditService,
    private readonly importer: HistoryImporter,
    private readonly reader: FhirFileReaderService,
    private readonly mappings: FhirDepartmentMappingsService,
  ) {}

  async import(document: unknown, bytes: number, context: AuditContext): Promise<FhirImportResult> {
    if (!isObject(document) || typeof document['resourceType'] !== 'string') {
      throw new BadRequestException({ message: ['the body must be a FHIR resource (a Bundle or a Patient / Encounter) with resourceType'], code: ERROR_CODES.fhirNotAResource });
    }
    const readContext = await this.reader.context();
    // Read whole before the run: the body is in memory anyway, and the keys tell new records from known ones.
    const items = [...fhirItems(document, readContext)];
    const manager = this.dataSource.manager;
    const existedBefore = {
      patient: await entityIdsByKey(manager, 'patient', keysOf(items, 'patient')),
      encounter: await entityIdsByKey(manager, 'encounter', keysOf(items, 'encounter')),
    };
    const jobId = await this.createJob(document, bytes, context);
    await this.importer.run(itemsSource(items, bytes), jobId, { onUnmapped: (codes, m) => this.reader.onUnmapped(codes, m) });
    // Codes met in the last batches after the importer's last call.
    await this.mappings.recordUnmapped(readContext.departments.newCodes());

    const errors = await this.rowErrors(jobId);
    const storedNow = {
      patient: await entityIdsByKey(manager, 'patient', keysOf(items, 'patient')),
      encounter: await entityIdsByKey(manager, 'encounter', keysOf(items, 'encounter')),
    };
    const results = items.map((item): EntryResult => {
      const kind = item.patient ? 'patient' : item.encounter ? 'encounter' : null;
      const keys = kind ? (item[kind]?.keys ?? []) : [];
      const id = kind ? keys.map((key) => storedNow[kind].get(key)).find((found) => found !== undefined) : undefined;
      return {
        item,
        errors: errors.get(item.row) ?? item.errors ?? [],
        existed: kind !== null && keys.some((key) => existedBefore[kind].has(key)),
        location: kind && id !== undefined ? `${kind === 'patient' ? 'Patient' : 'Encounter'}/${id}` : null,
      };
    });
    return { jobId, bundle: batchResponse(results) };
  }

  private async createJob(document: Record<string, unknown>, bytes: number, context: AuditContext): Promise<number> {
    const what = document['resourceType'] === 'Bundle' && typeof document['type'] === 'string' ? `Bundle (${document['type']})` : String(document['resourceType']);
    return this.writes.run(async (manager) => {
      const row = manager.create(ImportJobEntity, {
        format: 'fhir',
        fileName: `POST /api/fhir: ${what}`.slice(0, 255),
        // Nothing kept on disk: the body was the file.
        filePath: '',
        encoding: null,
        mappingName: null,
        status: 'uploaded',
        createdBy: context.actor.id,
        bytesDone: '0',
        bytesTotal: String(bytes),
        rowsDone: 0,
        summary: null,
      });
      await manager.insert(ImportJobEntity, row);
      await this.audit.record(context, { action: 'import.run', entityType: 'import_job', entityId: row.id }, manager);
      return row.id;
    });
  }

  /** The importer's errors of this job, by entry index (the reader's come with the items). */
  private async rowErrors(jobId: number): Promise<Map<number, ImportRowError[]>> {
    const rows = await this.dataSource.getRepository(ImportRowErrorEntity).find({ where: { jobId }, order: { id: 'ASC' } });
    const byRow = new Map<number, ImportRowError[]>();
    for (const row of rows) {
      const list = byRow.get(row.row) ?? [];
      list.push({ row: row.row, field: row.field, problem: row.problem, value: row.value });
      byRow.set(row.row, list);
    }
    return byRow;
  }
}
