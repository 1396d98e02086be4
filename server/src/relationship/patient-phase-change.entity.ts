import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { RELATIONSHIP_PHASES, VALUE_TIERS, type RelationshipPhase, type ValueTier } from '@huifang/shared';
import { isOneOf } from '../core/database/check-expressions';
import { timestampColumnDefaultNow } from '../core/database/column-types';
import { PatientEntity } from '../patients/patient.entity';

/**
 * A change of a patient's relationship phase, on the day the record says it happened. Unlike a stage
 * transition (typed in by staff) the phase is derived, so its history is what the record supports:
 * a visit imported with past dates puts a change in the past (relationship-work.ts). One row per
 * patient and day, so recording is idempotent across server instances. Monthly migration between
 * phases is counted from these rows.
 */
@Entity('patient_phase_change')
@Index('UQ_phase_change_patient_day', ['patientId', 'changedOn'], { unique: true })
@Index('IDX_phase_change_day', ['changedOn'])
@Check(isOneOf('to_phase', RELATIONSHIP_PHASES))
@Check(isOneOf('value_tier', VALUE_TIERS))
export class PatientPhaseChangeEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'patient_id', type: 'integer' })
  @ForeignKey(() => PatientEntity, { onDelete: 'CASCADE' })
  patientId!: number;

  /** Calendar day of the change (hospital time zone). */
  @Column({ name: 'changed_on', type: 'varchar', length: 10 })
  changedOn!: string;

  /** Null for the patient's first phase. */
  @Column({ name: 'from_phase', type: 'varchar', length: 12, nullable: true })
  fromPhase!: RelationshipPhase | null;

  @Column({ name: 'to_phase', type: 'varchar', length: 12 })
  toPhase!: RelationshipPhase;

  /** The value tier on entering the phase (win-back calls are high priority for high-value patients). */
  @Column({ name: 'value_tier', type: 'varchar', length: 6 })
  valueTier!: ValueTier;

  @Column(timestampColumnDefaultNow({ name: 'recorded_at' }))
  recordedAt!: Date;
}
