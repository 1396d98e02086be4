import { Column, Entity, PrimaryColumn } from 'typeorm';
import { timestampColumn } from '../core/database/column-types';

/*
 * The relationship pass's own tables (relationship-pass.ts). Written and read with SQL; declared so
 * the schema has no table the entities do not know.
 */

/** Patients whose phase and value must be worked out again: filled by triggers on their records. */
@Entity('relationship_dirty')
export class RelationshipDirtyEntity {
  @PrimaryColumn({ name: 'patient_id', type: 'integer' })
  patientId!: number;

  /** Bumped by every mark (PostgreSQL), so the worker deletes only the marks it has worked out. */
  @Column({ type: 'integer', default: 0 })
  version!: number;
}

/**
 * The hospital-wide inputs of CLV the last pass measured (phase retention with n, mean charges, the
 * unit) and when it ran. One row, id 1.
 */
@Entity('relationship_state')
export class RelationshipStateEntity {
  @PrimaryColumn({ type: 'integer' })
  id!: number;

  /** The day the pass worked the phases out for (hospital time zone). */
  @Column({ name: 'computed_on', type: 'varchar', length: 10 })
  computedOn!: string;

  @Column(timestampColumn({ name: 'computed_at' }))
  computedAt!: Date;

  /** JSON: `RelationshipInputs` (relationship-inputs.ts). */
  @Column({ type: 'text' })
  inputs!: string;

  /** A pass under way holds this lease, so that a second server instance does not run the same pass. */
  @Column(timestampColumn({ name: 'lease_until', nullable: true }))
  leaseUntil!: Date | null;
}

/** Patients and Σ CLV per day × department (0 = all) × phase × value tier, as each pass left them. */
@Entity('relationship_snapshot')
export class RelationshipSnapshotEntity {
  @PrimaryColumn({ type: 'varchar', length: 10 })
  day!: string;

  @PrimaryColumn({ name: 'department_id', type: 'integer' })
  departmentId!: number;

  @PrimaryColumn({ type: 'varchar', length: 12 })
  phase!: string;

  @PrimaryColumn({ name: 'value_tier', type: 'varchar', length: 6 })
  valueTier!: string;

  @Column({ type: 'integer' })
  patients!: number;

  @Column({ type: 'double precision' })
  clv!: number;
}

/** Patients per month × department (0 = all) × phase on the month's first day ('' = none yet) × on its last. */
@Entity('phase_migration_month')
export class PhaseMigrationMonthEntity {
  @PrimaryColumn({ type: 'varchar', length: 7 })
  month!: string;

  @PrimaryColumn({ name: 'department_id', type: 'integer' })
  departmentId!: number;

  @PrimaryColumn({ name: 'from_phase', type: 'varchar', length: 12 })
  fromPhase!: string;

  @PrimaryColumn({ name: 'to_phase', type: 'varchar', length: 12 })
  toPhase!: string;

  @Column({ type: 'integer' })
  patients!: number;
}
