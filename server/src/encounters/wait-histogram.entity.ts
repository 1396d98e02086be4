import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Wait histograms by day, week and month, per department and for all (0), in tenths of a minute
 * (see wait-histogram.ts). Written and read with SQL only; declared so the schema has no table the
 * entities do not know.
 */
// Without rowid on SQLite: the primary key is the table, so a period reads its rows in key order
// without a lookup per row; department before day, so one department's (or all's) rows are adjacent.
@Entity('wait_histogram', { withoutRowid: true })
export class WaitHistogramEntity {
  /** 'day', 'week' (ISO, from Monday) or 'month'. */
  @PrimaryColumn({ type: 'varchar', length: 5 })
  span!: string;

  /** 0: all departments together. */
  @PrimaryColumn({ name: 'department_id', type: 'integer' })
  departmentId!: number;

  /** The span's first calendar day. */
  @PrimaryColumn({ name: 'first_day', type: 'varchar', length: 10 })
  firstDay!: string;

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
