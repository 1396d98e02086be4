import { ConflictException, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import {
  ERROR_CODES,
  type ImportColumnMapping,
  type ImportEncoding,
  type ImportFormat,
  type ImportJob,
  type ImportPreview,
  type ImportRowError,
  type ImportUpload,
  type Page,
} from '@huifang/shared';
import type { AuditContext } from '../audit/audit-context.decorator';
import { AuditService } from '../audit/audit.service';
import { WriteTransaction } from '../core/database/write-transaction';
import { StaffUserEntity } from '../users/user.entity';
import type { ImportPreviewDto, ImportRunDto } from './dto/import-run.dto';
import { HistoryImporter } from './history-importer';
import { AppConfig } from '../core/config/app-config';
import { removeUpload, uploadFolder } from './import-files';
import { ImportJobEntity } from './import-job.entity';
import { toImportJob } from './import-job-view';
import { ImportMappingsService } from './import-mappings.service';
import { ImportRowErrorEntity } from './import-row-error.entity';
import { ImportSources } from './import-sources';
import { isNhsFftHeader } from './feedback/nhs-fft-row';
import { peekTabular, sniffTabularFormat, suggestMapping, type TabularFormat } from './tabular';

/** Import jobs: an uploaded file, previewed with a mapping, then run in the background; kept as the history. */
@Injectable()
export class ImportJobsService {
  private readonly logger = new Logger(ImportJobsService.name);
  /** Runs in this process, so a test (or shutdown) can wait for them. */
  private readonly running = new Set<Promise<unknown>>();

  constructor(
    @InjectRepository(ImportJobEntity) private readonly jobs: Repository<ImportJobEntity>,
    @InjectRepository(ImportRowErrorEntity) private readonly rowErrors: Repository<ImportRowErrorEntity>,
    @InjectRepository(StaffUserEntity) private readonly staff: Repository<StaffUserEntity>,
    private readonly writes: WriteTransaction,
    private readonly audit: AuditService,
    private readonly importer: HistoryImporter,
    private readonly sources: ImportSources,
    private readonly mappings: ImportMappingsService,
    private readonly config: AppConfig,
  ) {}

  /** Records a stored upload as a job; for CSV / Excel answers its columns, first rows and a suggested mapping. */
  async createFromUpload(
    file: { path: string; bytes: number; fileName: string },
    format: ImportFormat,
    encoding: ImportEncoding,
    context: AuditContext | null,
  ): Promise<ImportUpload> {
    let peek: { encoding: 'utf-8' | 'gb18030' | null; columns: string[]; sampleRows: string[][] } = { encoding: null, columns: [], sampleRows: [] };
    if (format !== 'fhir') {
      try {
        peek = await peekTabular(file.path, await tabularFormatOf(format, file.path), encoding);
      } catch (error) {
        await this.removeUpload(file.path);
        throw error;
      }
      // A CSV or workbook with an NHS FFT export's headers is one: its columns are fixed, no mapping step.
      if (format !== 'nhs_fft' && isNhsFftHeader(peek.columns)) format = 'nhs_fft';
    }
    const id = await this.writes.run(async (manager) => {
      const row = manager.create(ImportJobEntity, {
        format,
        fileName: file.fileName.slice(0, 255),
        filePath: file.path,
        encoding: peek.encoding,
        mappingName: null,
        status: 'uploaded',
        createdBy: context?.actor.id ?? null,
        bytesDone: '0',
        bytesTotal: String(file.bytes),
        rowsDone: 0,
        summary: null,
      });
      await manager.insert(ImportJobEntity, row);
      if (context) await this.audit.record(context, { action: 'import.upload', entityType: 'import_job', entityId: row.id }, manager);
      return row.id;
    });
    return {
      job: await this.get(id),
      encoding: peek.encoding,
      columns: peek.columns,
      sampleRows: peek.sampleRows,
      suggestedMapping: format === 'csv' || format === 'xlsx' ? suggestMapping(peek.columns) : {},
    };
  }

  /** The preview shows the file's rows (names, phones): audited as a read. */
  /** The columns, first rows and suggested mapping of an uploaded file read in `encoding` (audited: it shows rows). */
  async peek(id: number, encoding: ImportEncoding, context: AuditContext): Promise<ImportUpload> {
    const job = await this.requireUploaded(id);
    const peek = job.format === 'fhir' ? { encoding: null, columns: [], sampleRows: [] } : await peekTabular(job.filePath, await tabularFormatOf(job.format, job.filePath), encoding);
    await this.writes.run(async (manager) => {
      await manager.update(ImportJobEntity, { id, status: 'uploaded' }, { encoding: peek.encoding });
      await this.audit.record(context, { action: 'import.preview', entityType: 'import_job', entityId: id }, manager);
    });
    return { job: await this.get(id), ...peek, suggestedMapping: job.format === 'csv' || job.format === 'xlsx' ? suggestMapping(peek.columns) : {} };
  }

  /** An upload the user abandoned: the job and its file go (a job that has run stays as history: 409). */
  async remove(id: number, context: AuditContext): Promise<void> {
    const job = await this.requireUploaded(id);
    await this.writes.run(async (manager) => {
      const removed = await manager.delete(ImportJobEntity, { id, status: 'uploaded' });
      if (removed.affected !== 1) throw notRunnable(id);
      await this.audit.record(context, { action: 'import.delete', entityType: 'import_job', entityId: id }, manager);
    });
    await this.removeUpload(job.filePath);
  }

  async preview(id: number, input: ImportPreviewDto, context: AuditContext): Promise<ImportPreview> {
    const job = await this.requireUploaded(id);
    const { source } = await this.sources.open(job.filePath, this.readOptions(job, input));
    const preview = await this.importer.preview(source);
    await this.audit.record(context, { action: 'import.preview', entityType: 'import_job', entityId: id });
    return preview;
  }

  /** Starts the job in the background (202); poll `get` for progress. */
  async run(id: number, input: ImportRunDto, context: AuditContext | null): Promise<ImportJob> {
    const job = await this.requireUploaded(id);
    const { source, runOptions } = await this.sources.open(job.filePath, this.readOptions(job, input));
    await this.writes.run(async (manager) => {
      // Of two runs sent at once only one moves the job on.
      const claimed = await manager
        .createQueryBuilder()
        .update(ImportJobEntity)
        .set({ status: 'running', mappingName: input.saveMappingAs?.trim() ?? null })
        .where('id = :id AND status = :uploaded', { id, uploaded: 'uploaded' })
        .execute();
      if (claimed.affected !== 1) throw notRunnable(id);
      if (input.saveMappingAs && input.mapping) await this.mappings.save(manager, input.saveMappingAs.trim(), plainMapping(input.mapping), context?.actor.id ?? null);
      if (context) await this.audit.record(context, { action: 'import.run', entityType: 'import_job', entityId: id }, manager);
    });
    const done = this.importer
      .run(source, id, runOptions)
      .catch((error: unknown) => this.logger.error({ err: error, jobId: id }, 'import failed'))
      .finally(() => this.removeUpload(job.filePath));
    this.running.add(done);
    void done.finally(() => this.running.delete(done));
    return this.get(id);
  }

  /** Marks a job that never started failed (the CLI, when its file cannot be run); its upload, if the server's, is removed. */
  async failUploaded(id: number): Promise<void> {
    const job = await this.requireJob(id);
    await this.writes.run((m) => m.update(ImportJobEntity, { id, status: 'uploaded' }, { status: 'failed', finishedAt: new Date() }));
    await this.removeUpload(job.filePath);
  }

  /** Only a file the server stored in its upload folder is ever deleted: a job's path may be the CLI user's own file. */
  private async removeUpload(path: string): Promise<void> {
    await removeUpload(await uploadFolder(this.config), path);
  }

  /** Resolves when every import this process started has ended (the CLI waits for its own). */
  async settled(): Promise<void> {
    await Promise.all([...this.running]);
  }

  async list(page: number, pageSize: number): Promise<Page<ImportJob>> {
    const [rows, total] = await this.jobs.findAndCount({ order: { createdAt: 'DESC', id: 'DESC' }, skip: (page - 1) * pageSize, take: pageSize });
    const names = await this.usernames(rows.map((r) => r.createdBy));
    return { items: rows.map((row) => toImportJob(row, starter(row, names))), total, page, pageSize };
  }

  async get(id: number): Promise<ImportJob> {
    const row = await this.requireJob(id);
    return toImportJob(row, starter(row, await this.usernames([row.createdBy])));
  }

  /** The refused rows hold the values at fault (names, phones, patient numbers): audited as a read. */
  async errors(id: number, page: number, pageSize: number, context: AuditContext): Promise<Page<ImportRowError>> {
    await this.requireJob(id);
    await this.audit.record(context, { action: 'import.errors_read', entityType: 'import_job', entityId: id });
    const [rows, total] = await this.rowErrors.findAndCount({ where: { jobId: id }, order: { row: 'ASC', id: 'ASC' }, skip: (page - 1) * pageSize, take: pageSize });
    return { items: rows.map(toRowError), total, page, pageSize };
  }

  /** Every stored error of a job (at most MAX_STORED_ROW_ERRORS), for the CSV report. */
  async allErrors(id: number, context: AuditContext): Promise<ImportRowError[]> {
    await this.requireJob(id);
    await this.audit.record(context, { action: 'import.errors_read', entityType: 'import_job', entityId: id });
    const rows = await this.rowErrors.find({ where: { jobId: id }, order: { row: 'ASC', id: 'ASC' } });
    return rows.map(toRowError);
  }

  private readOptions(job: ImportJobEntity, input: ImportPreviewDto): { format: ImportFormat; encoding: ImportEncoding; mapping: ImportColumnMapping } {
    return { format: job.format, encoding: input.encoding ?? (job.encoding as ImportEncoding | null) ?? 'auto', mapping: plainMapping(input.mapping ?? {}) };
  }

  private async requireJob(id: number): Promise<ImportJobEntity> {
    const row = await this.jobs.findOneBy({ id });
    if (!row) throw new NotFoundException({ message: `import ${id} not found`, code: ERROR_CODES.importJobNotFound, params: { jobId: id } });
    return row;
  }

  private async requireUploaded(id: number): Promise<ImportJobEntity> {
    const row = await this.requireJob(id);
    if (row.status !== 'uploaded') throw notRunnable(id);
    return row;
  }

  private async usernames(ids: (number | null)[]): Promise<Map<number, string>> {
    const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
    if (!wanted.length) return new Map();
    const users = await this.staff.find({ where: { id: In(wanted) }, select: { id: true, username: true } });
    return new Map(users.map((u) => [u.id, u.username]));
  }
}

/** The file reader a format's peek uses (an NHS FFT export is CSV text or a workbook: its first bytes tell). */
async function tabularFormatOf(format: Exclude<ImportFormat, 'fhir'>, filePath: string): Promise<TabularFormat> {
  return format === 'nhs_fft' ? sniffTabularFormat(filePath) : format;
}

function starter(row: ImportJobEntity, names: Map<number, string>): { id: number; username: string } | null {
  return row.createdBy === null ? null : { id: row.createdBy, username: names.get(row.createdBy) ?? '' };
}

function toRowError(row: ImportRowErrorEntity): ImportRowError {
  return { row: row.row, field: row.field, problem: row.problem, value: row.value };
}

function notRunnable(id: number): ConflictException {
  return new ConflictException({ message: `import ${id} is not waiting to run (it is running or has run)`, code: ERROR_CODES.importNotRunnable });
}

/** The DTO instance as a plain object without the fields left out. */
function plainMapping(mapping: ImportColumnMapping): ImportColumnMapping {
  return Object.fromEntries(Object.entries(mapping).filter(([, column]) => typeof column === 'string' && column !== '')) as ImportColumnMapping;
}

