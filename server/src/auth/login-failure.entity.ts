import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { timestampColumn } from '../core/database/column-types';

/**
 * Failed-login counters, shared by every server instance on the database. One row per scope: a
 * source address (the spraying throttle) or a username from one source address (the lock-out).
 * The scope is stored only as a SHA-256 hash: a username field sometimes holds a mistyped password.
 */
@Entity('login_failure')
@Index('IDX_login_failure_last_failure_at', ['lastFailureAt'])
export class LoginFailureEntity {
  @PrimaryColumn({ name: 'scope_hash', type: 'varchar', length: 64 })
  scopeHash!: string;

  /** Attempts since `firstFailureAt` (counted before the password check, given back on success); the count starts again once its window has passed. */
  @Column({ type: 'integer' })
  failures!: number;

  @Column(timestampColumn({ name: 'first_failure_at' }))
  firstFailureAt!: Date;

  @Column(timestampColumn({ name: 'last_failure_at' }))
  lastFailureAt!: Date;

  /** Set on a username-and-source scope by the attempt that reaches the limit; no attempt is checked before. */
  @Column(timestampColumn({ name: 'locked_until', nullable: true }))
  lockedUntil!: Date | null;
}
