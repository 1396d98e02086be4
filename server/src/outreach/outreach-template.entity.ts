import { Check, Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { OUTREACH_KINDS, OUTREACH_TEMPLATE_LANGUAGES, OUTREACH_TEMPLATE_LIMITS, type OutreachKind, type OutreachTemplateLanguage } from '@huifang/shared';
import { isOneOf } from '../core/database/check-expressions';
import { timestampColumn } from '../core/database/column-types';
import { StaffUserEntity } from '../users/user.entity';

/**
 * The hospital's own text of a message kind in one language (issue #16), written by an admin; a
 * kind and language without a row use the built-in text (default-templates.ts). The opt-out line is
 * never part of it (shared `withOptOut`).
 */
@Entity('outreach_template')
@Check(isOneOf('kind', OUTREACH_KINDS))
@Check(isOneOf('language', OUTREACH_TEMPLATE_LANGUAGES))
export class OutreachTemplateEntity {
  @PrimaryColumn({ type: 'varchar', length: 24 })
  kind!: OutreachKind;

  @PrimaryColumn({ type: 'varchar', length: 2 })
  language!: OutreachTemplateLanguage;

  @Column({ type: 'varchar', length: OUTREACH_TEMPLATE_LIMITS.subject })
  subject!: string;

  @Column({ type: 'varchar', length: OUTREACH_TEMPLATE_LIMITS.body })
  body!: string;

  @Column(timestampColumn({ name: 'updated_at' }))
  updatedAt!: Date;

  @Column({ name: 'updated_by', type: 'integer', nullable: true })
  @ForeignKey(() => StaffUserEntity, { onDelete: 'SET NULL' })
  updatedBy!: number | null;
}
