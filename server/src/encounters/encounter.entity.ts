import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { timestampColumn } from '../core/database/column-types';
import { DepartmentEntity } from '../departments/department.entity';
import { PatientEntity } from '../patients/patient.entity';

/** One visit: check-in, called into the room, finished. Wait time = calledAt - checkedInAt. */
@Entity('encounter')
@Index('IDX_encounter_patient_checked_in', ['patientId', 'checkedInAt'])
@Index('IDX_encounter_department_checked_in', ['departmentId', 'checkedInAt'])
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

  @Column({ name: 'created_by', type: 'integer', nullable: true })
  createdBy!: number | null;
}
