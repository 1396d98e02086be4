import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { QUESTION_KINDS, RATING_DIMENSIONS, SCALE, type QuestionKind, type RatingDimension } from '@huifang/shared';
import { isBetween, isOneOf } from '../core/database/check-expressions';
import { SurveyResponseEntity } from './survey-response.entity';

@Entity('survey_answer')
@Index('IDX_answer_response', ['responseId'])
@Index('IDX_answer_response_rating', ['responseId', 'kind', 'dimension', 'valueNumber'])
@Check(isOneOf('kind', QUESTION_KINDS))
@Check(isOneOf('dimension', RATING_DIMENSIONS))
// A number only for the scaled kinds, within its scale.
@Check(
  `value_number IS NULL OR (kind = 'nps' AND ${isBetween('value_number', SCALE.nps)}) OR (kind = 'csat' AND ${isBetween('value_number', SCALE.csat)}) OR (kind = 'rating' AND ${isBetween('value_number', SCALE.rating)})`,
)
export class SurveyAnswerEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'response_id', type: 'integer' })
  responseId!: number;

  @ManyToOne(() => SurveyResponseEntity, (response) => response.answers)
  @JoinColumn({ name: 'response_id' })
  // Relation<>: no eager type reference, so the two modules may load in either order.
  response?: Relation<SurveyResponseEntity>;

  @Column({ name: 'question_id', type: 'varchar', length: 40 })
  questionId!: string;

  @Column({ type: 'varchar', length: 10 })
  kind!: QuestionKind;

  @Column({ type: 'varchar', length: 40, nullable: true })
  dimension!: RatingDimension | null;

  @Column({ name: 'value_number', type: 'integer', nullable: true })
  valueNumber!: number | null;

  @Column({ name: 'value_text', type: 'text', nullable: true })
  valueText!: string | null;
}
