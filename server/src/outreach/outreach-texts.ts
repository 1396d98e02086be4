import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  OUTREACH_PURPOSE_OF,
  OUTREACH_TEMPLATE_LIMITS,
  renderOutreachTemplate,
  withOptOut,
  type OutreachKind,
  type OutreachTemplateInput,
  type OutreachTemplateLanguage,
  type OutreachTemplateValues,
} from '@huifang/shared';
import { DEFAULT_OUTREACH_TEMPLATES, GENERIC_HOSPITAL_NAME } from './default-templates';
import { OutreachTemplateEntity } from './outreach-template.entity';

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

  /** The template in force, read in the event's transaction: the hospital's own text, else the built-in one. */
  protected async templateOf(manager: EntityManager, kind: OutreachKind, language: OutreachTemplateLanguage): Promise<OutreachTemplateInput> {
    const own = await manager.findOneBy(OutreachTemplateEntity, { kind, language });
    return own ? { subject: own.subject, body: own.body } : DEFAULT_OUTREACH_TEMPLATES[kind][language];
  }
}

/**
 * The one renderer of message texts (the outbox's and the admins' preview): the template filled
 * with the values, `{hospital}` the generic word while the hospital is unnamed, and the opt-out
 * line of the kind's purpose appended.
 */
export function renderMessage(kind: OutreachKind, language: OutreachTemplateLanguage, template: OutreachTemplateInput, values: OutreachTemplateValues): MessageText {
  const filled = { ...values, hospital: values.hospital || GENERIC_HOSPITAL_NAME[language] };
  return {
    // Filled, a subject may outgrow the outbox's column (a long template and hospital name): clipped, never refused.
    subject: clip(renderOutreachTemplate(template.subject, filled), OUTREACH_TEMPLATE_LIMITS.subject),
    body: withOptOut(renderOutreachTemplate(template.body, filled), language, OUTREACH_PURPOSE_OF[kind]),
  };
}

/** At most `max` characters (code points, as varchar counts them), the last one an ellipsis when clipped. */
function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
