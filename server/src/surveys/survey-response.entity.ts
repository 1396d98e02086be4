import { Column, Entity, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import type { SurveyLanguage } from '@huifang/shared';
import { timestampColumn } from '../core/database/column-types';
import { DepartmentEntity } from '../departments/department.entity';
import { PatientEntity } from '../patients/patient.entity';
import { SurveyAnswerEntity } from './survey-answer.entity';
import { SurveyTemplateVersionEntity } from './survey-template-version.entity';

/** One submitted survey. NPS and CSAT are copied out of the answers for indexed indicator queries. */
@Entity('survey_response')
export class SurveyResponseEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'invitation_id', type: 'integer', unique: true })
  invitationId!: number;

  @Column({ name: 'encounter_id', type: 'integer' })
  encounterId!: number;

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

  @Column({ name: 'template_version_id', type: 'integer' })
  templateVersionId!: number;

  @ManyToOne(() => SurveyTemplateVersionEntity)
  @JoinColumn({ name: 'template_version_id' })
  templateVersion?: SurveyTemplateVersionEntity;

  @Column(timestampColumn({ name: 'submitted_at' }))
  submittedAt!: Date;

  /** Hospital-time-zone day of submission. */
  @Column({ name: 'submitted_on', type: 'varchar', length: 10 })
  submittedOn!: string;

  @Column({ type: 'integer', nullable: true })
  nps!: number | null;

  @Column({ type: 'integer', nullable: true })
  csat!: number | null;

  @Column({ type: 'boolean' })
  detractor!: boolean;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  @Column({ type: 'varchar', length: 2 })
  language!: SurveyLanguage;

  @OneToMany(() => SurveyAnswerEntity, (answer) => answer.response)
  answers?: SurveyAnswerEntity[];
}
