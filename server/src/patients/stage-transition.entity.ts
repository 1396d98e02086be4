import { Check, Column, Entity, ForeignKey, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { LIFECYCLE_STAGES, type LifecycleStage } from '@huifang/shared';
import { isOneOf } from '../core/database/check-expressions';
import { timestampColumn } from '../core/database/column-types';
import { EncounterEntity } from '../encounters/encounter.entity';
import { StaffUserEntity } from '../users/user.entity';
import { PatientEntity } from './patient.entity';

/** One move along the lifecycle axis. Append-only, except an import-made history, which imports re-date from the visits (imports/derived-state.ts). */
@Entity('stage_transition')
@Index('IDX_stage_transition_patient_at', ['patientId', 'at'])
@Index('IDX_stage_transition_at_stages', ['at', 'fromStage', 'toStage', 'patientId'])
@Check(isOneOf('from_stage', LIFECYCLE_STAGES))
@Check(isOneOf('to_stage', LIFECYCLE_STAGES))
export class StageTransitionEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'patient_id', type: 'integer' })
  @ForeignKey(() => PatientEntity)
  patientId!: number;

  /** null on the registration entry. */
  @Column({ name: 'from_stage', type: 'varchar', length: 20, nullable: true })
  fromStage!: LifecycleStage | null;

  @Column({ name: 'to_stage', type: 'varchar', length: 20 })
  toStage!: LifecycleStage;

  @Index('IDX_stage_transition_at')
  @Column(timestampColumn())
  at!: Date;

  @Column({ name: 'by_id', type: 'integer', nullable: true })
  byId!: number | null;

  @ManyToOne(() => StaffUserEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'by_id' })
  by?: StaffUserEntity | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  reason!: string | null;

  @Column({ name: 'encounter_id', type: 'integer', nullable: true })
  @ForeignKey(() => EncounterEntity)
  encounterId!: number | null;
}
