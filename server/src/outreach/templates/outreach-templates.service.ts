import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import {
  calendarDayOf,
  OUTREACH_KINDS,
  OUTREACH_TEMPLATE_LANGUAGES,
  OUTREACH_VARIABLES_OF,
  type OutreachKind,
  type OutreachTemplate,
  type OutreachTemplateInput,
  type OutreachTemplateLanguage,
  type OutreachTemplatePreview,
  type OutreachTemplatePreviewRequest,
} from '@huifang/shared';
import type { AuditContext } from '../../audit/audit-context.decorator';
import { AuditService } from '../../audit/audit.service';
import { AppConfig } from '../../core/config/app-config';
import { WriteTransaction } from '../../core/database/write-transaction';
import { DepartmentEntity } from '../../departments/department.entity';
import { HospitalSettingsService } from '../../hospital-settings/hospital-settings.service';
import { surveyUrl } from '../../surveys/survey-invitations.service';
import { StaffUserEntity } from '../../users/user.entity';
import { DEFAULT_OUTREACH_TEMPLATES } from '../default-templates';
import { OutreachTemplateEntity } from '../outreach-template.entity';
import { renderMessage } from '../outreach-texts';
import { PREVIEW_TOKEN, previewValues } from './preview-values';
import { assertUsableTemplate } from './template-checks';

/**
 * The message templates admins edit (issue #16): the hospital's own text per kind and language, or
 * the built-in one. Saves are audited with the kind and language only, never the text.
 */
@Injectable()
export class OutreachTemplatesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writes: WriteTransaction,
    private readonly audit: AuditService,
    private readonly hospital: HospitalSettingsService,
    private readonly config: AppConfig,
  ) {}

  /** Every kind in every language, in the order of the lists in shared/. */
  async list(): Promise<OutreachTemplate[]> {
    const manager = this.dataSource.manager;
    const rows = await manager.find(OutreachTemplateEntity);
    const authors = await this.authorsOf(manager, rows);
    return OUTREACH_KINDS.flatMap((kind) =>
      OUTREACH_TEMPLATE_LANGUAGES.map((language) => toTemplate(kind, language, rows.find((r) => r.kind === kind && r.language === language) ?? null, authors)),
    );
  }

  /** Saves the hospital's text; two saves at once: the later one wins (an upsert on the primary key). */
  async save(kind: OutreachKind, language: OutreachTemplateLanguage, input: OutreachTemplateInput, context: AuditContext): Promise<OutreachTemplate> {
    assertUsableTemplate(kind, input);
    return this.writes.run(async (manager) => {
      const row = { kind, language, subject: input.subject, body: input.body, updatedAt: new Date(), updatedBy: context.actor.id };
      await manager.upsert(OutreachTemplateEntity, row, ['kind', 'language']);
      await this.audit.record(context, { action: 'outreach.template_update', entityType: 'outreach_template', entityId: null, detail: JSON.stringify({ kind, language }) }, manager);
      return toTemplate(kind, language, row, await this.authorsOf(manager, [row]));
    });
  }

  /** Back to the built-in text (audited when there was a text of the hospital's own). */
  async reset(kind: OutreachKind, language: OutreachTemplateLanguage, context: AuditContext): Promise<OutreachTemplate> {
    await this.writes.run(async (manager) => {
      const removed = await manager.delete(OutreachTemplateEntity, { kind, language });
      if (removed.affected) {
        await this.audit.record(context, { action: 'outreach.template_reset', entityType: 'outreach_template', entityId: null, detail: JSON.stringify({ kind, language }) }, manager);
      }
    });
    return toTemplate(kind, language, null, new Map());
  }

  /** The text as a patient would get it, through the outbox's own renderer, with sample values. */
  async preview(request: OutreachTemplatePreviewRequest): Promise<OutreachTemplatePreview> {
    const { kind, language } = request;
    assertUsableTemplate(kind, request);
    const manager = this.dataSource.manager;
    const { hospitalName, timeZone } = await this.hospital.current(manager);
    const department = await manager.findOne(DepartmentEntity, { where: { active: true }, order: { id: 'ASC' } });
    const values = previewValues(kind, language, {
      hospital: hospitalName[language],
      department: department ? (language === 'en' ? department.nameEn : department.name) : null,
      today: calendarDayOf(new Date(), timeZone),
      link: surveyUrl(this.config.publicUrl, PREVIEW_TOKEN, language),
    });
    return renderMessage(kind, language, { subject: request.subject, body: request.body }, values);
  }

  private async authorsOf(manager: EntityManager, rows: readonly Pick<OutreachTemplateEntity, 'updatedBy'>[]): Promise<Map<number, string>> {
    const ids = [...new Set(rows.map((row) => row.updatedBy).filter((id): id is number => id !== null))];
    const users = ids.length ? await manager.find(StaffUserEntity, { where: { id: In(ids) }, select: { id: true, displayName: true } }) : [];
    return new Map(users.map((user) => [user.id, user.displayName]));
  }
}

function toTemplate(
  kind: OutreachKind,
  language: OutreachTemplateLanguage,
  row: Pick<OutreachTemplateEntity, 'subject' | 'body' | 'updatedAt' | 'updatedBy'> | null,
  authors: ReadonlyMap<number, string>,
): OutreachTemplate {
  const text = row ?? DEFAULT_OUTREACH_TEMPLATES[kind][language];
  const author = row?.updatedBy != null ? { id: row.updatedBy, displayName: authors.get(row.updatedBy) ?? '' } : null;
  return {
    kind,
    language,
    subject: text.subject,
    body: text.body,
    custom: row !== null,
    variables: OUTREACH_VARIABLES_OF[kind],
    updatedAt: row ? row.updatedAt.toISOString() : null,
    updatedBy: author,
  };
}
