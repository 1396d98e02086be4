import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { LifecycleStage } from '@huifang/shared';
import { timestampColumn } from '../core/database/column-types';
import { StaffUserEntity } from '../users/user.entity';

/** One move along the lifecycle axis. Append-only: never updated or deleted. */
@Entity('stage_transition')
@Index('IDX_stage_transition_patient_at', ['patientId', 'at'])
export class StageTransitionEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'patient_id', type: 'integer' })
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

  @ManyToOne(() => StaffUserEntity, { nullable: true })
  @JoinColumn({ name: 'by_id' })
  by?: StaffUserEntity | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  reason!: string | null;

  @Column({ name: 'encounter_id', type: 'integer', nullable: true })
  encounterId!: number | null;
}
