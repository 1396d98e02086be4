import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/*
 * The dimension rollup (see rating-rollup.ts). Written and read with SQL only; declared so the
 * schema has no table the entities do not know.
 */

const count = (name: string) => Column({ name, type: 'integer' });

/** Per hospital day, department, template and dimension: how many answers gave each rating. */
@Entity('survey_rating_daily')
export class SurveyRatingDailyEntity {
  @PrimaryColumn({ type: 'varchar', length: 10 })
  day!: string;

  @PrimaryColumn({ name: 'department_id', type: 'integer' })
  departmentId!: number;

  @PrimaryColumn({ name: 'template_id', type: 'integer' })
  templateId!: number;

  @PrimaryColumn({ type: 'varchar', length: 40 })
  dimension!: string;

  @count('rating_1') rating1!: number;
  @count('rating_2') rating2!: number;
  @count('rating_3') rating3!: number;
  @count('rating_4') rating4!: number;
  @count('rating_5') rating5!: number;
}

/** What the triggers on `survey_answer` and `survey_response` saw change, not yet in the rollup (-1 old, +1 new). */
@Entity('survey_rating_journal')
export class SurveyRatingJournalEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'integer' })
  sign!: number;

  /** The response's submission day. */
  @Column({ type: 'varchar', length: 10 })
  day!: string;

  @Column({ name: 'department_id', type: 'integer' })
  departmentId!: number;

  @Column({ name: 'template_version_id', type: 'integer' })
  templateVersionId!: number;

  @Column({ type: 'varchar', length: 40 })
  dimension!: string;

  @Column({ type: 'integer' })
  value!: number;
}
