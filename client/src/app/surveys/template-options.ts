import type { SurveyTemplate } from '@huifang/shared';
import type { Lang } from '../i18n/language';

export interface TemplateOption {
  id: number;
  label: string;
}

/** Survey templates as choices of a filter, named in the UI language (Chinese when a name lacks it). */
export function templateChoices(templates: readonly SurveyTemplate[], lang: Lang): TemplateOption[] {
  return templates.map((template) => ({ id: template.id, label: template.name[lang] || template.name.zh }));
}
