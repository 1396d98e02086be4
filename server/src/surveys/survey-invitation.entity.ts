import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { SurveyLanguage } from '@huifang/shared';
import { timestampColumn } from '../core/database/column-types';
import { DepartmentEntity } from '../departments/department.entity';
import { EncounterEntity } from '../encounters/encounter.entity';
import { PatientEntity } from '../patients/patient.entity';
import { StaffUserEntity } from '../users/user.entity';
import { SurveyTemplateVersionEntity } from './survey-template-version.entity';

/** A one-time link for one encounter. Only the SHA-256 of the token is kept. */
@Entity('survey_invitation')
@Index('IDX_invitation_created', ['createdAt'])
@Index('IDX_invitation_department_created', ['departmentId', 'createdAt'])
@Index('IDX_invitation_encounter', ['encounterId'])
export class SurveyInvitationEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'token_hash', type: 'varchar', length: 64, unique: true })
  tokenHash!: string;

  @Column({ name: 'encounter_id', type: 'integer' })
  @ForeignKey(() => EncounterEntity)
  encounterId!: number;

  @Column({ name: 'patient_id', type: 'integer' })
  @ForeignKey(() => PatientEntity)
  patientId!: number;

  @Column({ name: 'department_id', type: 'integer' })
  @ForeignKey(() => DepartmentEntity)
  departmentId!: number;

  @Column({ name: 'template_version_id', type: 'integer' })
  @ForeignKey(() => SurveyTemplateVersionEntity)
  templateVersionId!: number;

  @Column(timestampColumn({ name: 'created_at' }))
  createdAt!: Date;

  @Column(timestampColumn({ name: 'expires_at' }))
  expiresAt!: Date;

  @Column(timestampColumn({ name: 'used_at', nullable: true }))
  usedAt!: Date | null;

  /** The language the link opens the form in (`?lang=`); null: the phone's. */
  @Column({ type: 'varchar', length: 2, nullable: true })
  language!: SurveyLanguage | null;

  @Column({ name: 'created_by', type: 'integer', nullable: true })
  @ForeignKey(() => StaffUserEntity, { onDelete: 'SET NULL' })
  createdBy!: number | null;
}
