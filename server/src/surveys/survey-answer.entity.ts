import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { QuestionKind, RatingDimension } from '@huifang/shared';
import { SurveyResponseEntity } from './survey-response.entity';

@Entity('survey_answer')
export class SurveyAnswerEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'response_id', type: 'integer' })
  responseId!: number;

  @ManyToOne(() => SurveyResponseEntity, (response) => response.answers)
  @JoinColumn({ name: 'response_id' })
  response?: SurveyResponseEntity;

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
