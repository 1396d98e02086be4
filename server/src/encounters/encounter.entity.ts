import { Column, Entity, ForeignKey, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { timestampColumn } from '../core/database/column-types';
import { DepartmentEntity } from '../departments/department.entity';
import { ImportJobEntity } from '../imports/import-job.entity';
import { PatientEntity } from '../patients/patient.entity';
import { StaffUserEntity } from '../users/user.entity';

/** One visit: check-in, called into the room, finished. Wait time = calledAt - checkedInAt. */
@Entity('encounter')
@Index('IDX_encounter_patient_checked_in', ['patientId', 'checkedInAt'])
@Index('IDX_encounter_department_checked_in', ['departmentId', 'checkedInAt'])
@Index('IDX_encounter_patient_day', ['patientId', 'checkedInOn'])
@Index('IDX_encounter_day_wait', ['checkedInOn', 'departmentId', 'waitSeconds'])
@Index('IDX_encounter_expectation', ['nextVisitDue', 'departmentId', 'superseded', 'returnedOn', 'patientId'], { where: 'next_visit_due IS NOT NULL' })
// The churn cohort's scan (encounters/churn-order.ts): distinct patients without DISTINCT.
@Index('IDX_encounter_churn_order', ['nextVisitDue', 'departmentId', 'returnedOn', 'prevDue', 'prevDeptDue', 'prevLapsedDue', 'prevLapsedDeptDue'], {
  where: 'next_visit_due IS NOT NULL AND superseded = false',
})
// At most one open encounter per patient and department, enforced by the database.
@Index('UQ_encounter_open_per_department', ['patientId', 'departmentId'], { unique: true, where: 'finished_at IS NULL' })
export class EncounterEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'patient_id', type: 'integer' })
  patientId!: number;

  @ManyToOne(() => PatientEntity)
  @JoinColumn({ name: 'patient_id' })
  patient?: PatientEntity;

  @Column({ name: 'department_id', type: 'integer' })
  departmentId!: number;

  @ManyToOne(() => DepartmentEntity)
  @JoinColumn({ name: 'department_id' })
  department?: DepartmentEntity;

  @Column({ type: 'varchar', length: 50, nullable: true })
  clinician!: string | null;

  @Index('IDX_encounter_checked_in_at')
  @Column(timestampColumn({ name: 'checked_in_at' }))
  checkedInAt!: Date;

  /** The hospital-time-zone day of the check-in, fixed when it is recorded. */
  @Column({ name: 'checked_in_on', type: 'varchar', length: 10 })
  checkedInOn!: string;

  @Column(timestampColumn({ name: 'called_at', nullable: true }))
  calledAt!: Date | null;

  /** calledAt - checkedInAt in whole seconds, stored so wait-time percentiles read one covering index. */
  @Column({ name: 'wait_seconds', type: 'integer', nullable: true })
  waitSeconds!: number | null;

  @Column(timestampColumn({ name: 'finished_at', nullable: true }))
  finishedAt!: Date | null;

  @Column({ name: 'next_visit_due', type: 'varchar', length: 10, nullable: true })
  nextVisitDue!: string | null;

  /** The fate of the return expectation this encounter set (encounters/return-expectations.ts): the first check-in on or after the due day. */
  @Column({ name: 'returned_on', type: 'varchar', length: 10, nullable: true })
  returnedOn!: string | null;

  /** A later visit before the due day set a new expectation, which replaces this one. */
  @Column({ type: 'boolean', default: false })
  superseded!: boolean;

  @Column({ name: 'created_by', type: 'integer', nullable: true })
  @ForeignKey(() => StaffUserEntity, { onDelete: 'SET NULL' })
  createdBy!: number | null;

  /*
   * The due day of the patient's previous return expectation in the order (due, id): among all of
   * them, in this department, and among the lapsed ones (encounters/churn-order.ts). Written only by
   * the database's triggers, never by the app.
   */
  @Column({ name: 'prev_due', type: 'varchar', length: 10, nullable: true, select: false, insert: false, update: false })
  prevDue!: string | null;

  @Column({ name: 'prev_dept_due', type: 'varchar', length: 10, nullable: true, select: false, insert: false, update: false })
  prevDeptDue!: string | null;

  @Column({ name: 'prev_lapsed_due', type: 'varchar', length: 10, nullable: true, select: false, insert: false, update: false })
  prevLapsedDue!: string | null;

  @Column({ name: 'prev_lapsed_dept_due', type: 'varchar', length: 10, nullable: true, select: false, insert: false, update: false })
  prevLapsedDeptDue!: string | null;

  /** What the visit cost in fen (1/100 yuan), when the HIS import brought it. */
  @Column({ name: 'charge_cents', type: 'integer', nullable: true })
  chargeCents!: number | null;

  /** The import that brought this visit in; null for visits recorded at the desk. */
  @Column({ name: 'import_job_id', type: 'integer', nullable: true })
  @ForeignKey(() => ImportJobEntity, { onDelete: 'SET NULL' })
  importJobId!: number | null;
}
