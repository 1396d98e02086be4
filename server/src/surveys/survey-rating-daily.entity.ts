import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Daily counts of rating answers per department, dimension and value (see rating-rollup.ts).
 * Written and read with SQL only; declared so the schema has no table the entities do not know.
 */
@Entity('survey_rating_daily')
export class SurveyRatingDailyEntity {
  @PrimaryColumn({ type: 'varchar', length: 10 })
  day!: string;

  @PrimaryColumn({ name: 'department_id', type: 'integer' })
  departmentId!: number;

  @PrimaryColumn({ type: 'varchar', length: 40 })
  dimension!: string;

  @PrimaryColumn({ type: 'integer' })
  value!: number;

  @Column({ type: 'integer' })
  n!: number;
}
