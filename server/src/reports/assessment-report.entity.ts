import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { timestampColumn } from '../core/database/column-types';

/**
 * A stored (frozen) monthly assessment report: one per month and department, department 0 being the
 * whole hospital (a unique key, so two instances storing the same report keep the first).
 */
@Entity('assessment_report')
@Index('UQ_assessment_report_month_department', ['month', 'departmentId'], { unique: true })
export class AssessmentReportEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  /** `YYYY-MM`. */
  @Column({ type: 'varchar', length: 7 })
  month!: string;

  /** 0: the whole hospital. */
  @Column({ name: 'department_id', type: 'integer' })
  departmentId!: number;

  @Column(timestampColumn({ name: 'generated_at' }))
  generatedAt!: Date;

  /** The staff member who first opened or regenerated it; null when the monthly schedule made it. */
  @Column({ name: 'generated_by', type: 'integer', nullable: true })
  generatedBy!: number | null;

  /** JSON: the `AssessmentReport` as generated. */
  @Column({ type: 'text' })
  report!: string;
}
