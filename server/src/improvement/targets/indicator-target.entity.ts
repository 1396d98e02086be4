import { Check, Column, Entity, ForeignKey, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { INDICATOR_KEY_MAX_LENGTH, TARGET_COMPARATORS, type IndicatorKey, type TargetComparator } from '@huifang/shared';
import { isOneOf } from '../../core/database/check-expressions';
import { timestampColumnDefaultNow } from '../../core/database/column-types';
import { DepartmentEntity } from '../../departments/department.entity';
import { StaffUserEntity } from '../../users/user.entity';

/**
 * A target for one indicator in one department, or the hospital's (department null). At most one
 * each: the hospital's row is unique on its own partial index, since NULLs never collide in a
 * plain unique one.
 */
@Entity('indicator_target')
@Index('UQ_indicator_target_department', ['indicator', 'departmentId'], { unique: true, where: 'department_id IS NOT NULL' })
@Index('UQ_indicator_target_hospital', ['indicator'], { unique: true, where: 'department_id IS NULL' })
@Check(isOneOf('comparator', TARGET_COMPARATORS))
export class IndicatorTargetEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: INDICATOR_KEY_MAX_LENGTH })
  indicator!: IndicatorKey;

  @Column({ name: 'department_id', type: 'integer', nullable: true })
  departmentId!: number | null;

  @ManyToOne(() => DepartmentEntity, { nullable: true })
  @JoinColumn({ name: 'department_id' })
  department?: DepartmentEntity | null;

  @Column({ type: 'varchar', length: 8 })
  comparator!: TargetComparator;

  @Column({ type: 'double precision' })
  value!: number;

  @Column({ name: 'updated_by', type: 'integer', nullable: true })
  @ForeignKey(() => StaffUserEntity, { onDelete: 'SET NULL' })
  updatedBy!: number | null;

  @UpdateDateColumn(timestampColumnDefaultNow({ name: 'updated_at' }))
  updatedAt!: Date;
}
