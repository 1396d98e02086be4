import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Monthly wait histograms per department in tenths of a minute (see wait-rollup.ts).
 * Written and read with SQL only; declared so the schema has no table the entities do not know.
 */
@Entity('wait_monthly')
export class WaitMonthlyEntity {
  @PrimaryColumn({ type: 'varchar', length: 7 })
  month!: string;

  @PrimaryColumn({ name: 'department_id', type: 'integer' })
  departmentId!: number;

  @PrimaryColumn({ type: 'integer' })
  tenths!: number;

  @Column({ type: 'integer' })
  n!: number;

  /** The sum of the waits in seconds, for the mean (bigint: TypeORM reads it as a string). */
  @Column({ type: 'bigint' })
  seconds!: string;

  /** The waits of the bucket longer than its own value (seconds > tenths × 6): answers any whole-minute threshold. */
  @Column({ name: 'above_tenth_n', type: 'integer' })
  aboveTenthN!: number;
}
