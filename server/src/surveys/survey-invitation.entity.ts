import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { timestampColumn } from '../core/database/column-types';

/** A one-time link for one encounter. Only the SHA-256 of the token is kept. */
@Entity('survey_invitation')
export class SurveyInvitationEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'token_hash', type: 'varchar', length: 64, unique: true })
  tokenHash!: string;

  @Column({ name: 'encounter_id', type: 'integer' })
  encounterId!: number;

  @Column({ name: 'patient_id', type: 'integer' })
  patientId!: number;

  @Column({ name: 'department_id', type: 'integer' })
  departmentId!: number;

  @Column({ name: 'template_version_id', type: 'integer' })
  templateVersionId!: number;

  @Column(timestampColumn({ name: 'created_at' }))
  createdAt!: Date;

  @Column(timestampColumn({ name: 'expires_at' }))
  expiresAt!: Date;

  @Column(timestampColumn({ name: 'used_at', nullable: true }))
  usedAt!: Date | null;

  @Column({ name: 'created_by', type: 'integer', nullable: true })
  createdBy!: number | null;
}
