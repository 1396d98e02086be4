import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { ATTEMPT_OUTCOMES, type AttemptOutcome } from '@huifang/shared';
import { isOneOf } from '../core/database/check-expressions';
import { timestampColumn } from '../core/database/column-types';
import { StaffUserEntity } from '../users/user.entity';
import { CallbackEntity } from './callback.entity';

/** One call made: when, by whom, how it went. Append-only. */
@Entity('callback_attempt')
@Index('IDX_attempt_callback', ['callbackId'])
@Check(isOneOf('outcome', ATTEMPT_OUTCOMES))
export class CallbackAttemptEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'callback_id', type: 'integer' })
  callbackId!: number;

  @ManyToOne(() => CallbackEntity, (callback) => callback.attempts)
  @JoinColumn({ name: 'callback_id' })
  // Relation<>: no eager type reference, so the two modules may load in either order.
  callback?: Relation<CallbackEntity>;

  @Column(timestampColumn())
  at!: Date;

  @Column({ name: 'staff_id', type: 'integer', nullable: true })
  staffId!: number | null;

  @ManyToOne(() => StaffUserEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'staff_id' })
  staff?: StaffUserEntity | null;

  @Column({ type: 'varchar', length: 20 })
  outcome!: AttemptOutcome;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note!: string | null;
}
