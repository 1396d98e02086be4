import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import {
  BETTER_DIRECTIONS,
  IMPROVEMENT_STATUSES,
  IMPROVEMENT_WINDOW_RANGES,
  INDICATOR_KEY_MAX_LENGTH,
  type BetterDirection,
  type IndicatorKey,
  type ImprovementStatus,
} from '@huifang/shared';
import { isBetween, isOneOf } from '../../core/database/check-expressions';
import { timestampColumnDefaultNow } from '../../core/database/column-types';
import { DepartmentEntity } from '../../departments/department.entity';
import { StaffUserEntity } from '../../users/user.entity';

/**
 * An improvement action (issue #15, DOMAIN.md "Improvement actions"): what was done, by whom, for
 * which indicator and department, from when; its windows decide the before/after evaluation.
 */
@Entity('improvement_action')
@Index('IDX_improvement_action_start', ['startDate', 'id'])
@Index('IDX_improvement_action_department', ['departmentId', 'startDate'])
@Check(isOneOf('status', IMPROVEMENT_STATUSES))
@Check(isOneOf('better_direction', BETTER_DIRECTIONS))
@Check(isBetween('baseline_days', IMPROVEMENT_WINDOW_RANGES.baselineDays))
@Check(isBetween('lag_days', IMPROVEMENT_WINDOW_RANGES.lagDays))
@Check(isBetween('follow_up_days', IMPROVEMENT_WINDOW_RANGES.followUpDays))
@Check('end_date IS NULL OR end_date >= start_date')
export class ImprovementActionEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'text', default: '' })
  description!: string;

  /** null: the whole hospital. */
  @Column({ name: 'department_id', type: 'integer', nullable: true })
  departmentId!: number | null;

  @ManyToOne(() => DepartmentEntity, { nullable: true })
  @JoinColumn({ name: 'department_id' })
  department?: DepartmentEntity | null;

  @Column({ name: 'owner_user_id', type: 'integer' })
  ownerUserId!: number;

  @ManyToOne(() => StaffUserEntity)
  @JoinColumn({ name: 'owner_user_id' })
  owner?: StaffUserEntity;

  @Column({ type: 'varchar', length: INDICATOR_KEY_MAX_LENGTH })
  indicator!: IndicatorKey;

  @Column({ name: 'better_direction', type: 'varchar', length: 6 })
  betterDirection!: BetterDirection;

  /** Calendar days in the hospital's zone, `YYYY-MM-DD` (compared as text). */
  @Column({ name: 'start_date', type: 'varchar', length: 10 })
  startDate!: string;

  @Column({ name: 'end_date', type: 'varchar', length: 10, nullable: true })
  endDate!: string | null;

  @Column({ type: 'varchar', length: 12 })
  status!: ImprovementStatus;

  @Column({ name: 'baseline_days', type: 'integer' })
  baselineDays!: number;

  @Column({ name: 'lag_days', type: 'integer' })
  lagDays!: number;

  @Column({ name: 'follow_up_days', type: 'integer' })
  followUpDays!: number;

  @Column({ name: 'created_by', type: 'integer', nullable: true })
  @ForeignKey(() => StaffUserEntity, { onDelete: 'SET NULL' })
  createdBy!: number | null;

  @CreateDateColumn(timestampColumnDefaultNow({ name: 'created_at' }))
  createdAt!: Date;

  @UpdateDateColumn(timestampColumnDefaultNow({ name: 'updated_at' }))
  updatedAt!: Date;
}
