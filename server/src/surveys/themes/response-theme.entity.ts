import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { SurveyResponseEntity } from '../survey-response.entity';
import { CommentThemeEntity } from './comment-theme.entity';

/**
 * One theme found in a response's comment, with the words that show it. The response's day,
 * department and NPS are copied in (they never change once submitted) so that "comments of theme X
 * in a period and department" and "theme frequency among detractors vs promoters" are read from
 * these indexes alone, without visiting survey_response.
 */
@Entity('response_theme')
// Theme first: the comments behind one theme (drill-down), by period and department.
@Index('IDX_response_theme_theme_day', ['themeKey', 'submittedOn', 'departmentId', 'nps'])
// Period first: the share of comments per theme over time, and the drivers' detractors vs promoters.
@Index('IDX_response_theme_day', ['submittedOn', 'departmentId', 'themeKey', 'nps'])
export class ResponseThemeEntity {
  @PrimaryColumn({ name: 'response_id', type: 'integer' })
  responseId!: number;

  @ManyToOne(() => SurveyResponseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'response_id' })
  response?: Relation<SurveyResponseEntity>;

  @PrimaryColumn({ name: 'theme_key', type: 'varchar', length: 40 })
  themeKey!: string;

  @ManyToOne(() => CommentThemeEntity)
  @JoinColumn({ name: 'theme_key' })
  theme?: Relation<CommentThemeEntity>;

  /** The words or phrases of the comment that show the theme (JSON array of strings), to highlight. */
  @Column({ type: 'text' })
  matched!: string;

  /** survey_response.submitted_on, copied. */
  @Column({ name: 'submitted_on', type: 'varchar', length: 10 })
  submittedOn!: string;

  /** survey_response.department_id, copied. */
  @Column({ name: 'department_id', type: 'integer' })
  departmentId!: number;

  /** survey_response.nps, copied. */
  @Column({ type: 'integer', nullable: true })
  nps!: number | null;
}
