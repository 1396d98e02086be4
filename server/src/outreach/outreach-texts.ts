import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  OUTREACH_PURPOSE_OF,
  renderOutreachTemplate,
  withOptOut,
  type OutreachKind,
  type OutreachTemplateInput,
  type OutreachTemplateLanguage,
  type OutreachTemplateValues,
} from '@huifang/shared';
import { DEFAULT_OUTREACH_TEMPLATES, GENERIC_HOSPITAL_NAME } from './default-templates';

export interface MessageText {
  subject: string;
  body: string;
}

/**
 * A message's text in the patient's language: the kind's template filled with the event's values,
 * and the opt-out line of its purpose.
 */
@Injectable()
export class OutreachTexts {
  async render(manager: EntityManager, kind: OutreachKind, language: OutreachTemplateLanguage, values: OutreachTemplateValues): Promise<MessageText> {
    return renderMessage(kind, language, await this.templateOf(manager, kind, language), values);
  }

  /** The template in force (the built-in one until the hospital's own templates land). */
  protected async templateOf(_manager: EntityManager, kind: OutreachKind, language: OutreachTemplateLanguage): Promise<OutreachTemplateInput> {
    return DEFAULT_OUTREACH_TEMPLATES[kind][language];
  }
}

export function renderMessage(kind: OutreachKind, language: OutreachTemplateLanguage, template: OutreachTemplateInput, values: OutreachTemplateValues): MessageText {
  const filled = { ...values, hospital: values.hospital || GENERIC_HOSPITAL_NAME[language] };
  return {
    subject: renderOutreachTemplate(template.subject, filled),
    body: withOptOut(renderOutreachTemplate(template.body, filled), language, OUTREACH_PURPOSE_OF[kind]),
  };
}
