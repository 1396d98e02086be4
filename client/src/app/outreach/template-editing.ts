import { HttpErrorResponse } from '@angular/common/http';
import {
  ERROR_CODES,
  OUTREACH_KINDS,
  OUTREACH_TEMPLATE_LANGUAGES,
  type OutreachKind,
  type OutreachTemplate,
  type OutreachTemplateInput,
  type OutreachTemplateLanguage,
} from '@huifang/shared';

/** A template's identity: one per kind and language. */
export type TemplateKey = `${OutreachKind}:${OutreachTemplateLanguage}`;

export function templateKey(template: Pick<OutreachTemplate, 'kind' | 'language'>): TemplateKey {
  return `${template.kind}:${template.language}`;
}

/** Kinds in their order (invitation, reminder, …), each in Chinese then English. */
export function orderedTemplates(templates: readonly OutreachTemplate[]): OutreachTemplate[] {
  const rank = (t: OutreachTemplate) => OUTREACH_KINDS.indexOf(t.kind) * OUTREACH_TEMPLATE_LANGUAGES.length + OUTREACH_TEMPLATE_LANGUAGES.indexOf(t.language);
  return [...templates].sort((a, b) => rank(a) - rank(b));
}

/** Put back in the list in place of the template of the same kind and language. */
export function replaceTemplate(templates: readonly OutreachTemplate[], changed: OutreachTemplate): OutreachTemplate[] {
  return templates.map((t) => (templateKey(t) === templateKey(changed) ? changed : t));
}

export function isChanged(template: OutreachTemplateInput, draft: OutreachTemplateInput): boolean {
  return template.subject !== draft.subject || template.body !== draft.body;
}

/**
 * `{variable}` typed where the cursor is (replacing a selection); where to put the cursor after it.
 * Without a known cursor the placeholder goes at the end.
 */
export function insertPlaceholder(text: string, variable: string, start: number | null, end: number | null): { text: string; caret: number } {
  const placeholder = `{${variable}}`;
  const from = start === null ? text.length : Math.max(0, Math.min(start, text.length));
  const to = end === null ? from : Math.max(from, Math.min(end, text.length));
  return { text: text.slice(0, from) + placeholder + text.slice(to), caret: from + placeholder.length };
}

/** The variables a 400 named as unknown to the kind (`outreach.unknown_template_variables`), else none. */
export function unknownVariablesOf(error: unknown): string[] {
  if (!(error instanceof HttpErrorResponse) || error.status !== 400) return [];
  const body = error.error as { code?: unknown; params?: { variables?: unknown } } | null;
  const variables = body?.code === ERROR_CODES.outreachUnknownTemplateVariables ? body.params?.variables : undefined;
  return Array.isArray(variables) ? variables.filter((v): v is string => typeof v === 'string') : [];
}
