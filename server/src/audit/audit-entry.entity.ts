import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { AuditAction } from '@huifang/shared';
import { timestampColumn } from '../core/database/column-types';
import { StaffUserEntity } from '../users/user.entity';

/** Append-only: who read or changed what, when, from where. Never updated or deleted by the app. */
@Entity('audit_entry')
@Index('IDX_audit_entry_patient_at', ['patientId', 'at'])
@Index('IDX_audit_entry_actor_at', ['actorId', 'at'])
export class AuditEntryEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Index('IDX_audit_entry_at')
  @Column(timestampColumn())
  at!: Date;

  @Column({ name: 'actor_id', type: 'integer', nullable: true })
  actorId!: number | null;

  @ManyToOne(() => StaffUserEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'actor_id' })
  actor?: StaffUserEntity | null;

  @Column({ type: 'varchar', length: 40 })
  action!: AuditAction;

  @Column({ name: 'entity_type', type: 'varchar', length: 40 })
  entityType!: string;

  @Column({ name: 'entity_id', type: 'integer', nullable: true })
  entityId!: number | null;

  @Column({ name: 'patient_id', type: 'integer', nullable: true })
  patientId!: number | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip!: string | null;

  /** Extra facts of some actions as JSON (a search's masked query and result count); never personal data. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  detail!: string | null;
}
