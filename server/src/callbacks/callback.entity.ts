import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import {
  ATTEMPT_OUTCOMES,
  CALLBACK_KINDS,
  CALLBACK_PRIORITIES,
  CALLBACK_STATUSES,
  type AttemptOutcome,
  type CallbackKind,
  type CallbackPriority,
  type CallbackStatus,
} from '@huifang/shared';
import { isOneOf } from '../core/database/check-expressions';
import { timestampColumn, timestampColumnDefaultNow } from '../core/database/column-types';
import { DepartmentEntity } from '../departments/department.entity';
import { EncounterEntity } from '../encounters/encounter.entity';
import { PatientEntity } from '../patients/patient.entity';
import { SurveyResponseEntity } from '../surveys/survey-response.entity';
import { StaffUserEntity } from '../users/user.entity';
import { CallbackAttemptEntity } from './callback-attempt.entity';
import { OPEN_WHERE } from './callback-queue';

/** One planned call to one patient (回访): who, when, why, who holds it, and how it ended. */
@Entity('callback')
@Index('IDX_callback_status_due', ['status', 'dueAt'])
@Index('IDX_callback_patient', ['patientId'])
@Index('IDX_callback_due', ['dueAt'])
// One service-recovery case per response, whatever races.
@Index('UQ_callback_response', ['surveyResponseId'], { unique: true, where: 'survey_response_id IS NOT NULL' })
// Rule firing is idempotent: the database refuses a second callback for one trigger (NULL keys never collide).
@Index('UQ_callback_kind_source', ['kind', 'sourceKey'], { unique: true })
// Covering indexes for the follow-up indicator (migrations 1764200000000, 1764300000000).
@Index('IDX_callback_due_department', ['dueAt', 'departmentId', 'status', 'kind', 'outcome'])
@Index('IDX_callback_completed', ['status', 'dueAt', 'departmentId', 'completedAt'])
@Index('IDX_callback_department_due', ['departmentId', 'dueAt', 'status', 'kind', 'outcome', 'completedAt'])
// The queue (callback-queue.ts): open callbacks only, in the queue's order (rank, due time, id), alone
// or after the kind or department filter; and by due time for `?sort=dueAt` (migration 1765850000000).
// The status ends each index so that SQLite reads the view from the index alone (a count reads no row).
@Index('IDX_callback_queue', ['priorityRank', 'dueAt', 'id', 'status'], { where: OPEN_WHERE })
@Index('IDX_callback_queue_kind', ['kind', 'priorityRank', 'dueAt', 'id', 'status'], { where: OPEN_WHERE })
@Index('IDX_callback_queue_department', ['departmentId', 'priorityRank', 'dueAt', 'id', 'status'], { where: OPEN_WHERE })
@Index('IDX_callback_queue_due', ['dueAt', 'id', 'status'], { where: OPEN_WHERE })
@Check(isOneOf('kind', CALLBACK_KINDS))
@Check(isOneOf('priority', CALLBACK_PRIORITIES))
@Check(isOneOf('status', CALLBACK_STATUSES))
@Check(isOneOf('outcome', ATTEMPT_OUTCOMES))
@Check('attempt_count >= 0')
export class CallbackEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'patient_id', type: 'integer' })
  patientId!: number;

  @ManyToOne(() => PatientEntity)
  @JoinColumn({ name: 'patient_id' })
  patient?: PatientEntity;

  @Column({ type: 'varchar', length: 20 })
  kind!: CallbackKind;

  @Column({ type: 'varchar', length: 10 })
  priority!: CallbackPriority;

  /**
   * `callbackPriorityRank(priority)`, stored so an index serves the queue's order; every write that
   * sets `priority` sets it too. The default is the rank of "normal", the default priority.
   */
  @Column({ name: 'priority_rank', type: 'integer', default: 1 })
  priorityRank!: number;

  @Column({ type: 'varchar', length: 10 })
  status!: CallbackStatus;

  @Column(timestampColumn({ name: 'due_at' }))
  dueAt!: Date;

  @Column({ type: 'varchar', length: 500, nullable: true })
  reason!: string | null;

  @Column({ name: 'survey_response_id', type: 'integer', nullable: true })
  @ForeignKey(() => SurveyResponseEntity)
  surveyResponseId!: number | null;

  @Column({ name: 'encounter_id', type: 'integer', nullable: true })
  @ForeignKey(() => EncounterEntity)
  encounterId!: number | null;

  @Column({ name: 'department_id', type: 'integer', nullable: true })
  departmentId!: number | null;

  @ManyToOne(() => DepartmentEntity, { nullable: true })
  @JoinColumn({ name: 'department_id' })
  department?: DepartmentEntity | null;

  /** The expected return date a reminder or win-back is about. */
  @Column({ name: 'expected_on', type: 'varchar', length: 10, nullable: true })
  expectedOn!: string | null;

  /** The trigger that made it (`transition:12`, `due:7:2026-03-01`…); unique per kind, so firing is idempotent. */
  @Column({ name: 'source_key', type: 'varchar', length: 80, nullable: true })
  sourceKey!: string | null;

  @Column({ name: 'claimed_by', type: 'integer', nullable: true })
  claimedBy!: number | null;

  @ManyToOne(() => StaffUserEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'claimed_by' })
  claimer?: StaffUserEntity | null;

  @Column(timestampColumn({ name: 'claimed_at', nullable: true }))
  claimedAt!: Date | null;

  @Column(timestampColumn({ name: 'claim_expires_at', nullable: true }))
  claimExpiresAt!: Date | null;

  @Column({ name: 'attempt_count', type: 'integer', default: 0 })
  attemptCount!: number;

  @OneToMany(() => CallbackAttemptEntity, (attempt) => attempt.callback)
  attempts?: CallbackAttemptEntity[];

  @Column({ type: 'varchar', length: 20, nullable: true })
  outcome!: AttemptOutcome | null;

  /** When the completing attempt (reached, declined, wrong number) was recorded. */
  @Column(timestampColumn({ name: 'completed_at', nullable: true }))
  completedAt!: Date | null;

  @Column({ name: 'cancel_reason', type: 'varchar', length: 200, nullable: true })
  cancelReason!: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note!: string | null;

  @Column({ name: 'created_by', type: 'integer', nullable: true })
  @ForeignKey(() => StaffUserEntity, { onDelete: 'SET NULL' })
  createdBy!: number | null;

  @CreateDateColumn(timestampColumnDefaultNow({ name: 'created_at' }))
  createdAt!: Date;

  @UpdateDateColumn(timestampColumnDefaultNow({ name: 'updated_at' }))
  updatedAt!: Date;
}
