import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { IMPORT_FORMATS, IMPORT_JOB_STATUSES, type ImportFormat, type ImportJobStatus } from '@huifang/shared';
import { isOneOf } from '../core/database/check-expressions';
import { timestampColumn, timestampColumnDefaultNow } from '../core/database/column-types';
import { StaffUserEntity } from '../users/user.entity';

/** One import of one file: uploaded, then run in the background; kept as the import history. */
@Entity('import_job')
@Index('IDX_import_job_created', ['createdAt', 'id'])
@Check(isOneOf('format', IMPORT_FORMATS))
@Check(isOneOf('status', IMPORT_JOB_STATUSES))
export class ImportJobEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 10 })
  format!: ImportFormat;

  /** The name the file had on the uploader's computer (shown in the history). */
  @Column({ name: 'file_name', type: 'varchar', length: 255 })
  fileName!: string;

  /** Where the server keeps the upload; never in an API answer. */
  @Column({ name: 'file_path', type: 'varchar', length: 1000 })
  filePath!: string;

  /** The CSV encoding detected or chosen; null for Excel and FHIR. */
  @Column({ type: 'varchar', length: 10, nullable: true })
  encoding!: string | null;

  @Column({ name: 'mapping_name', type: 'varchar', length: 50, nullable: true })
  mappingName!: string | null;

  @Column({ type: 'varchar', length: 10 })
  status!: ImportJobStatus;

  @Column({ name: 'created_by', type: 'integer', nullable: true })
  @ForeignKey(() => StaffUserEntity, { onDelete: 'SET NULL' })
  createdBy!: number | null;

  @CreateDateColumn(timestampColumnDefaultNow({ name: 'created_at' }))
  createdAt!: Date;

  @Column(timestampColumn({ name: 'started_at', nullable: true }))
  startedAt!: Date | null;

  @Column(timestampColumn({ name: 'finished_at', nullable: true }))
  finishedAt!: Date | null;

  @Column({ name: 'bytes_done', type: 'bigint', default: 0 })
  bytesDone!: string;

  @Column({ name: 'bytes_total', type: 'bigint', default: 0 })
  bytesTotal!: string;

  @Column({ name: 'rows_done', type: 'integer', default: 0 })
  rowsDone!: number;

  /** `ImportSummary` as JSON: the running counts while running, final when done. */
  @Column({ type: 'text', nullable: true })
  summary!: string | null;
}
