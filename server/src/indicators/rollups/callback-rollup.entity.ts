import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { timestampColumn } from '../../core/database/column-types';

/*
 * The follow-up indicator's day × department rollup (see callback-rollup.ts). Written and read with
 * SQL only; declared so the schema has no table the entities do not know.
 */

/** Per hospital day of `due_at` and department (0: none), the counts of the callbacks not cancelled. */
@Entity('callback_daily')
export class CallbackDailyEntity {
  @PrimaryColumn({ type: 'varchar', length: 10 })
  day!: string;

  /** 0 for callbacks without a department (a primary key column cannot be null). */
  @PrimaryColumn({ name: 'department_id', type: 'integer' })
  departmentId!: number;

  @Column({ type: 'integer' })
  n!: number;

  @Column({ type: 'integer' })
  completed!: number;

  @Column({ type: 'integer' })
  reached!: number;

  @Column({ type: 'integer' })
  failed!: number;

  @Column({ name: 'recovery_opened', type: 'integer' })
  recoveryOpened!: number;

  @Column({ name: 'recovery_closed', type: 'integer' })
  recoveryClosed!: number;
}

/** Per due day and department, the completed callbacks by time from due to completion (`completionKeySql`, for the median). */
@Entity('callback_duration_daily')
export class CallbackDurationDailyEntity {
  @PrimaryColumn({ type: 'varchar', length: 10 })
  day!: string;

  @PrimaryColumn({ name: 'department_id', type: 'integer' })
  departmentId!: number;

  /** Minutes, in classes that report alike (see completionKeySql). */
  @PrimaryColumn({ type: 'integer' })
  minutes!: number;

  @Column({ type: 'integer' })
  n!: number;
}

/**
 * What the database triggers on `callback` saw change, not yet added to the rollup: the old row's
 * figures with sign -1, the new row's with +1. Emptied into the rollup before each write commits.
 */
@Entity('callback_rollup_journal')
export class CallbackRollupJournalEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'integer' })
  sign!: number;

  @Column(timestampColumn({ name: 'due_at' }))
  dueAt!: Date;

  @Column({ name: 'department_id', type: 'integer', nullable: true })
  departmentId!: number | null;

  @Column({ type: 'varchar', length: 10 })
  status!: string;

  @Column({ type: 'varchar', length: 20 })
  kind!: string;

  @Column({ type: 'varchar', length: 20, nullable: true })
  outcome!: string | null;

  @Column(timestampColumn({ name: 'completed_at', nullable: true }))
  completedAt!: Date | null;
}

/** Which time zone a rollup's days were computed in (rebuilt at start-up when the setting changed). */
@Entity('rollup_state')
export class RollupStateEntity {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  name!: string;

  @Column({ name: 'time_zone', type: 'varchar', length: 64 })
  timeZone!: string;

  @Column(timestampColumn({ name: 'built_at' }))
  builtAt!: Date;
}
