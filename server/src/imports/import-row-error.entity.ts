import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { IMPORT_ROW_PROBLEMS, type ImportRowProblem } from '@huifang/shared';
import { isOneOf } from '../core/database/check-expressions';
import { ImportJobEntity } from './import-job.entity';

/** One reason a row of an import was not stored (at most `MAX_STORED_ROW_ERRORS` per job; all are counted). */
@Entity('import_row_error')
@Index('IDX_import_row_error_job_row', ['jobId', 'row', 'id'])
@Check(isOneOf('problem', IMPORT_ROW_PROBLEMS))
export class ImportRowErrorEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'job_id', type: 'integer' })
  @ForeignKey(() => ImportJobEntity, { onDelete: 'CASCADE' })
  jobId!: number;

  @Column({ type: 'integer' })
  row!: number;

  @Column({ type: 'varchar', length: 100, nullable: true })
  field!: string | null;

  @Column({ type: 'varchar', length: 40 })
  problem!: ImportRowProblem;

  /** The offending value, cut to 100 characters. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  value!: string | null;
}
