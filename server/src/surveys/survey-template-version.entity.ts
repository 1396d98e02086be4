import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { TEMPLATE_VERSION_STATUSES, type SurveyQuestion, type TemplateVersionStatus } from '@huifang/shared';
import { isOneOf } from '../core/database/check-expressions';
import { timestampColumn, timestampColumnDefaultNow } from '../core/database/column-types';
import { SurveyTemplateEntity } from './survey-template.entity';

/** One version of a template. Published versions are never edited: answers stay tied to what was asked. */
@Entity('survey_template_version')
@Index('UQ_template_version', ['templateId', 'version'], { unique: true })
@Check(isOneOf('status', TEMPLATE_VERSION_STATUSES))
export class SurveyTemplateVersionEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'template_id', type: 'integer' })
  templateId!: number;

  @ManyToOne(() => SurveyTemplateEntity, (template) => template.versions)
  @JoinColumn({ name: 'template_id' })
  // Relation<>: no eager type reference, so the two modules may load in either order.
  template?: Relation<SurveyTemplateEntity>;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'varchar', length: 10 })
  status!: TemplateVersionStatus;

  @Column({ type: 'simple-json' })
  questions!: SurveyQuestion[];

  @CreateDateColumn(timestampColumnDefaultNow({ name: 'created_at' }))
  createdAt!: Date;

  @Column(timestampColumn({ name: 'published_at', nullable: true }))
  publishedAt!: Date | null;
}
