import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { AttemptOutcome } from '@huifang/shared';
import { timestampColumn } from '../core/database/column-types';
import { StaffUserEntity } from '../users/user.entity';
import { CallbackEntity } from './callback.entity';

/** One call made: when, by whom, how it went. Append-only. */
@Entity('callback_attempt')
export class CallbackAttemptEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'callback_id', type: 'integer' })
  callbackId!: number;

  @ManyToOne(() => CallbackEntity, (callback) => callback.attempts)
  @JoinColumn({ name: 'callback_id' })
  callback?: CallbackEntity;

  @Column(timestampColumn())
  at!: Date;

  @Column({ name: 'staff_id', type: 'integer', nullable: true })
  staffId!: number | null;

  @ManyToOne(() => StaffUserEntity, { nullable: true })
  @JoinColumn({ name: 'staff_id' })
  staff?: StaffUserEntity | null;

  @Column({ type: 'varchar', length: 20 })
  outcome!: AttemptOutcome;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note!: string | null;
}
