import { Column, CreateDateColumn, Entity, Index, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import { timestampColumnDefaultNow } from '../core/database/column-types';
import { SurveyTemplateVersionEntity } from './survey-template-version.entity';

@Entity('survey_template')
@Index('UQ_template_code', ['code'], { unique: true })
export class SurveyTemplateEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'name_zh', type: 'varchar', length: 100 })
  nameZh!: string;

  @Column({ name: 'name_en', type: 'varchar', length: 100 })
  nameEn!: string;

  /**
   * A template the system keeps for itself (`nhs_fft`: imported Friends and Family Test answers);
   * null for the hospital's own. Invitations never use a coded template.
   */
  @Column({ type: 'varchar', length: 20, nullable: true })
  code!: string | null;

  @CreateDateColumn(timestampColumnDefaultNow({ name: 'created_at' }))
  createdAt!: Date;

  @OneToMany(() => SurveyTemplateVersionEntity, (version) => version.template)
  versions?: SurveyTemplateVersionEntity[];
}
