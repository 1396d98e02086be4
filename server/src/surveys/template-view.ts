import type { SurveyTemplate, SurveyTemplateVersion } from '@huifang/shared';
import type { SurveyTemplateVersionEntity } from './survey-template-version.entity';
import type { SurveyTemplateEntity } from './survey-template.entity';

export function toTemplateVersion(row: SurveyTemplateVersionEntity, responseCount: number): SurveyTemplateVersion {
  return {
    id: row.id,
    templateId: row.templateId,
    version: row.version,
    status: row.status,
    questions: row.questions,
    createdAt: row.createdAt.toISOString(),
    publishedAt: row.publishedAt?.toISOString() ?? null,
    responseCount,
  };
}

export function toTemplate(row: SurveyTemplateEntity, counts: ReadonlyMap<number, number>): SurveyTemplate {
  const versions = [...(row.versions ?? [])].sort((a, b) => b.version - a.version);
  return {
    id: row.id,
    name: { zh: row.nameZh, en: row.nameEn },
    publishedVersion: versions.find((v) => v.status === 'published')?.version ?? null,
    versions: versions.map((v) => toTemplateVersion(v, counts.get(v.id) ?? 0)),
  };
}
