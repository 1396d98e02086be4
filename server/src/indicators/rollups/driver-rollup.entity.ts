import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/*
 * The drivers-of-dissatisfaction rollup (see driver-rollup.ts). Written and read with SQL only;
 * declared so the schema has no table the entities do not know.
 */

/** Per span (day, ISO week, month) × department (0: all) × kind × label × x × y: how many. */
// Without rowid on SQLite, department before day: a period reads adjacent rows in key order (as wait_histogram).
@Entity('driver_count', { withoutRowid: true })
export class DriverCountEntity {
  /** 'day', 'week' (ISO, from Monday) or 'month'. */
  @PrimaryColumn({ type: 'varchar', length: 5 })
  span!: string;

  @PrimaryColumn({ name: 'department_id', type: 'integer' })
  departmentId!: number;

  /** The span's first calendar day. */
  @PrimaryColumn({ name: 'first_day', type: 'varchar', length: 10 })
  firstDay!: string;

  /** 'commented', 'theme', 'rating' or 'wait' (DRIVER_KINDS). */
  @PrimaryColumn({ type: 'varchar', length: 10 })
  kind!: string;

  /** The theme key, rating dimension or wait band; '' for 'commented'. */
  @PrimaryColumn({ type: 'varchar', length: 40 })
  label!: string;

  /** NPS (commented, theme, wait) or rating value (rating); -1 for no answer. */
  @PrimaryColumn({ type: 'integer' })
  x!: number;

  /** NPS (rating) or CSAT (wait); -1 for no answer or unused. */
  @PrimaryColumn({ type: 'integer' })
  y!: number;

  @Column({ type: 'integer' })
  n!: number;
}

/** What the triggers saw change, not yet in the rollup (-1 old, +1 new), by the response's submission day. */
@Entity('driver_count_journal')
export class DriverCountJournalEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'integer' })
  sign!: number;

  @Column({ type: 'varchar', length: 10 })
  day!: string;

  @Column({ name: 'department_id', type: 'integer' })
  departmentId!: number;

  @Column({ type: 'varchar', length: 10 })
  kind!: string;

  @Column({ type: 'varchar', length: 40 })
  label!: string;

  @Column({ type: 'integer' })
  x!: number;

  @Column({ type: 'integer' })
  y!: number;
}
