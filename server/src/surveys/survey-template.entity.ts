import { Column, CreateDateColumn, Entity, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import { timestampColumnDefaultNow } from '../core/database/column-types';
import { SurveyTemplateVersionEntity } from './survey-template-version.entity';

@Entity('survey_template')
export class SurveyTemplateEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'name_zh', type: 'varchar', length: 100 })
  nameZh!: string;

  @Column({ name: 'name_en', type: 'varchar', length: 100 })
  nameEn!: string;

  @CreateDateColumn(timestampColumnDefaultNow({ name: 'created_at' }))
  createdAt!: Date;

  @OneToMany(() => SurveyTemplateVersionEntity, (version) => version.template)
  versions?: SurveyTemplateVersionEntity[];
}
