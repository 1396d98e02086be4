import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { OUTREACH_CHANNELS, OUTREACH_KINDS, OUTREACH_PURPOSES, OUTREACH_STATUSES, type OutreachChannel, type OutreachKind, type OutreachPurpose, type OutreachStatus } from '@huifang/shared';
import { isOneOf } from '../core/database/check-expressions';
import { timestampColumn, timestampColumnDefaultNow } from '../core/database/column-types';
import { DepartmentEntity } from '../departments/department.entity';
import { PatientEntity } from '../patients/patient.entity';

/**
 * The outbox (DOMAIN.md "Outreach"): one row per message, inserted in the transaction of the event
 * that causes it, delivered by the worker (outreach-worker.ts).
 *
 * The text is rendered at enqueue (`subject`, `body`) rather than kept as a template key and
 * variables: a survey invitation's link carries the one-time token, which exists only in that
 * transaction (the invitation stores its hash). As the text holds that credential, it is emptied
 * once the message is sent, delivered or suppressed; the address is never stored here but read from
 * the patient at delivery, so an erasure reaches queued messages too.
 *
 * A row being delivered stays `queued` with `claimed_until` in the future; a claim that expired (its
 * server died mid-delivery) is claimed again: at-least-once, the idempotency key lets the gateway
 * drop the duplicate.
 */
@Entity('outreach_message')
@Check(isOneOf('kind', OUTREACH_KINDS))
@Check(isOneOf('channel', OUTREACH_CHANNELS))
@Check(isOneOf('purpose', OUTREACH_PURPOSES))
@Check(isOneOf('status', OUTREACH_STATUSES))
@Check('attempts >= 0')
// The worker's claim: due queued rows in order.
@Index('IDX_outreach_message_due', ['status', 'nextAttemptAt'])
// A patient's messages: the daily cap (by due day), the timeline.
@Index('IDX_outreach_message_patient', ['patientId', 'nextAttemptAt'])
// A kind's message of a causing record (a survey invitation's reminder, its response rate).
@Index('IDX_outreach_message_source', ['kind', 'sourceId'])
// The admin list: newest first, filtered by day.
@Index('IDX_outreach_message_created', ['createdAt', 'id'])
export class OutreachMessageEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 24 })
  kind!: OutreachKind;

  @Column({ name: 'patient_id', type: 'integer' })
  @ForeignKey(() => PatientEntity)
  patientId!: number;

  /** The department of the visit or call the message is about; null when it has none. */
  @Column({ name: 'department_id', type: 'integer', nullable: true })
  @ForeignKey(() => DepartmentEntity)
  departmentId!: number | null;

  /** The causing record, by kind: the survey invitation (survey_*), encounter (revisit_*, missed_*) or callback (callback_appointment). */
  @Column({ name: 'source_id', type: 'integer', nullable: true })
  sourceId!: number | null;

  @Column({ type: 'varchar', length: 8 })
  channel!: OutreachChannel;

  @Column({ type: 'varchar', length: 10 })
  purpose!: OutreachPurpose;

  /** `<kind>:<id of the causing record>`: the event enqueues once; sent to the channel with every try. */
  @Index('UQ_outreach_message_idempotency_key', { unique: true })
  @Column({ name: 'idempotency_key', type: 'varchar', length: 80 })
  idempotencyKey!: string;

  @Column({ type: 'varchar', length: 2 })
  language!: 'zh' | 'en';

  @Column({ type: 'varchar', length: 200, default: '' })
  subject!: string;

  @Column({ type: 'text', default: '' })
  body!: string;

  @Column({ type: 'varchar', length: 10 })
  status!: OutreachStatus;

  /** The channel's reason of a failure (its last), or the suppression rule. */
  @Column({ type: 'varchar', length: 300, nullable: true })
  reason!: string | null;

  /** Deliveries begun (counted at the claim, so a try cut short by a crash counts too). */
  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column(timestampColumn({ name: 'next_attempt_at' }))
  nextAttemptAt!: Date;

  @Column(timestampColumn({ name: 'claimed_until', nullable: true }))
  claimedUntil!: Date | null;

  /** The claim's token (instance and claim): only its holder records the outcome. */
  @Column({ name: 'claimed_by', type: 'varchar', length: 64, nullable: true })
  claimedBy!: string | null;

  @Index('IDX_outreach_message_provider_id')
  @Column({ name: 'provider_message_id', type: 'varchar', length: 128, nullable: true })
  providerMessageId!: string | null;

  @Column(timestampColumn({ name: 'sent_at', nullable: true }))
  sentAt!: Date | null;

  @Column(timestampColumn({ name: 'delivered_at', nullable: true }))
  deliveredAt!: Date | null;

  @CreateDateColumn(timestampColumnDefaultNow({ name: 'created_at' }))
  createdAt!: Date;
}
