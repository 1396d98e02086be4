import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { ROLES, type Role } from '@huifang/shared';
import { isOneOf } from '../core/database/check-expressions';
import { timestampColumn, timestampColumnDefaultNow } from '../core/database/column-types';

@Entity('staff_user')
@Check(isOneOf('role', ROLES))
export class StaffUserEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  /** Lower case; unique. */
  @Column({ type: 'varchar', length: 32, unique: true })
  username!: string;

  @Column({ name: 'display_name', type: 'varchar', length: 64 })
  displayName!: string;

  @Column({ type: 'varchar', length: 20 })
  role!: Role;

  @Column({ name: 'password_hash', type: 'varchar', length: 255, select: false })
  passwordHash!: string;

  @Column(timestampColumnDefaultNow({ name: 'password_changed_at' }))
  passwordChangedAt!: Date;

  /**
   * Carried in every token as `ver`; a password reset or deactivation increments it, so every token
   * issued before refuses at once (a timestamp in whole seconds let same-second tokens through).
   */
  @Column({ name: 'token_version', type: 'integer', default: 0 })
  tokenVersion!: number;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @Column(timestampColumn({ name: 'last_login_at', nullable: true }))
  lastLoginAt!: Date | null;

  @CreateDateColumn(timestampColumnDefaultNow({ name: 'created_at' }))
  createdAt!: Date;

  @UpdateDateColumn(timestampColumnDefaultNow({ name: 'updated_at' }))
  updatedAt!: Date;
}
