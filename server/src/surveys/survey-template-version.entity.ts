import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { SurveyQuestion, TemplateVersionStatus } from '@huifang/shared';
import { timestampColumn } from '../core/database/column-types';
import { SurveyTemplateEntity } from './survey-template.entity';

/** One version of a template. Published versions are never edited: answers stay tied to what was asked. */
@Entity('survey_template_version')
export class SurveyTemplateVersionEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'template_id', type: 'integer' })
  templateId!: number;

  @ManyToOne(() => SurveyTemplateEntity, (template) => template.versions)
  @JoinColumn({ name: 'template_id' })
  template?: SurveyTemplateEntity;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'varchar', length: 10 })
  status!: TemplateVersionStatus;

  @Column({ type: 'simple-json' })
  questions!: SurveyQuestion[];

  @CreateDateColumn(timestampColumn({ name: 'created_at' }))
  createdAt!: Date;

  @Column(timestampColumn({ name: 'published_at', nullable: true }))
  publishedAt!: Date | null;
}
