import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/*
 * The relationship-status rollup (see status-rollup.ts). Written and read with SQL only; declared so
 * the schema has no table the entities do not know.
 */

/** How many patients share the figures their status is derived from. */
@Entity('patient_status_counts')
export class PatientStatusCountsEntity {
  /** The latest visit's department, 0 for none (a primary key column cannot be null). */
  @PrimaryColumn({ name: 'department_id', type: 'integer' })
  departmentId!: number;

  /** `next_visit_due` while no visit came on or after it, else '' (no return outstanding). */
  @PrimaryColumn({ name: 'due_on', type: 'varchar', length: 10 })
  dueOn!: string;

  @PrimaryColumn({ type: 'boolean' })
  detractor!: boolean;

  @Column({ type: 'integer' })
  n!: number;
}

/**
 * What the triggers on `patient` saw change, not yet added to the counts: the old row's key with
 * sign -1, the new row's with +1. Emptied into the counts before each write commits.
 */
@Entity('patient_status_journal')
export class PatientStatusJournalEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'integer' })
  sign!: number;

  @Column({ name: 'department_id', type: 'integer' })
  departmentId!: number;

  @Column({ name: 'due_on', type: 'varchar', length: 10 })
  dueOn!: string;

  @Column({ type: 'boolean' })
  detractor!: boolean;
}
