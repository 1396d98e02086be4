import type { OutreachKind, OutreachPurpose } from './outreach';

/*
 * Message templates (issue #16): per kind and language, editable by admins, with `{variable}`
 * placeholders. The opt-out instruction is not part of the editable text: it is appended to every
 * message by `withOptOut`, so no template can leave it out.
 */

export const OUTREACH_TEMPLATE_LANGUAGES = ['zh', 'en'] as const;
export type OutreachTemplateLanguage = (typeof OUTREACH_TEMPLATE_LANGUAGES)[number];

export const OUTREACH_TEMPLATE_VARIABLES = ['givenName', 'hospital', 'department', 'date', 'time', 'link'] as const;
export type OutreachTemplateVariable = (typeof OUTREACH_TEMPLATE_VARIABLES)[number];

/**
 * The variables each kind's template may use. `date`: the visit's day (survey), the expected return
 * day (revisit reminder, missed-revisit nudge) or the call's day (callback appointment); `time`: the
 * call's time of day; `link`: the survey's one-time link.
 */
export const OUTREACH_VARIABLES_OF: Readonly<Record<OutreachKind, readonly OutreachTemplateVariable[]>> = {
  survey_invitation: ['givenName', 'hospital', 'department', 'date', 'link'],
  survey_reminder: ['givenName', 'hospital', 'department', 'date', 'link'],
  revisit_reminder: ['givenName', 'hospital', 'department', 'date'],
  missed_revisit_nudge: ['givenName', 'hospital', 'department', 'date'],
  callback_appointment: ['givenName', 'hospital', 'department', 'date', 'time'],
};

export type OutreachTemplateValues = Partial<Record<OutreachTemplateVariable, string>>;

export const OUTREACH_TEMPLATE_LIMITS = { subject: 200, body: 1000 } as const;

/** A `{name}` placeholder as rendered: the name exactly, letters only. */
const PLACEHOLDER = /\{([A-Za-z]+)\}/g;
/**
 * Anything in braces, as checked: `{given_name}`, `{link1}` or `{ link }` would otherwise reach the
 * patient as written, so each counts as a variable of that (unknown) name.
 */
const BRACED = /\{([^{}\n]{1,40})\}/g;

/** The names in braces a text uses, each once, in order of first use. */
export function templateVariablesIn(text: string): string[] {
  return [...new Set([...text.matchAll(BRACED)].map((match) => match[1]))];
}

/** The placeholders in `texts` that the kind does not offer (a 400 names them). */
export function unknownTemplateVariables(kind: OutreachKind, texts: readonly string[]): string[] {
  const known = OUTREACH_VARIABLES_OF[kind] as readonly string[];
  return [...new Set(texts.flatMap(templateVariablesIn))].filter((name) => !known.includes(name));
}

/**
 * The variables a kind's body must use: a survey message without its link could not be answered.
 * The body, not the subject, as an SMS carries the body only.
 */
export const OUTREACH_REQUIRED_VARIABLES: Readonly<Record<OutreachKind, readonly OutreachTemplateVariable[]>> = {
  survey_invitation: ['link'],
  survey_reminder: ['link'],
  revisit_reminder: [],
  missed_revisit_nudge: [],
  callback_appointment: [],
};

/** The required variables (OUTREACH_REQUIRED_VARIABLES) a body leaves out. */
export function missingTemplateVariables(kind: OutreachKind, body: string): OutreachTemplateVariable[] {
  const used = templateVariablesIn(body);
  return OUTREACH_REQUIRED_VARIABLES[kind].filter((name) => !used.includes(name));
}

/** Fills the placeholders; a value not given becomes empty. */
export function renderOutreachTemplate(text: string, values: OutreachTemplateValues): string {
  return text.replace(PLACEHOLDER, (whole, name: string) =>
    (OUTREACH_TEMPLATE_VARIABLES as readonly string[]).includes(name) ? (values[name as OutreachTemplateVariable] ?? '') : whole,
  );
}

/** How to opt out, by purpose (DOMAIN.md, Outreach: every SMS and email says it). */
export const OUTREACH_OPT_OUT_LINES: Readonly<Record<OutreachTemplateLanguage, Readonly<Record<OutreachPurpose, string>>>> = {
  zh: { surveys: '回复“退订”不再接收调查。', follow_up: '回复“退订”不再接收提醒。' },
  en: { surveys: 'Reply STOP to receive no more surveys.', follow_up: 'Reply STOP to receive no more reminders.' },
};

export function withOptOut(body: string, language: OutreachTemplateLanguage, purpose: OutreachPurpose): string {
  return `${body.trimEnd()}\n${OUTREACH_OPT_OUT_LINES[language][purpose]}`;
}

/** A template as admins see it: the hospital's own text, or the built-in default (`custom: false`). */
export interface OutreachTemplate {
  kind: OutreachKind;
  language: OutreachTemplateLanguage;
  subject: string;
  body: string;
  custom: boolean;
  /** The variables this kind offers (OUTREACH_VARIABLES_OF). */
  variables: readonly OutreachTemplateVariable[];
  updatedAt: string | null;
  updatedBy: { id: number; displayName: string } | null;
}

/** `PUT /api/outreach/templates/:kind/:language`, and `POST /api/outreach/templates/preview` with kind and language. */
export interface OutreachTemplateInput {
  subject: string;
  body: string;
}

export interface OutreachTemplatePreviewRequest extends OutreachTemplateInput {
  kind: OutreachKind;
  language: OutreachTemplateLanguage;
}

/** The text as a patient would get it, with sample values and the opt-out line. */
export interface OutreachTemplatePreview {
  subject: string;
  body: string;
}

/** Two-character surnames, so that 欧阳娜娜's given name is 娜娜, not 阳娜娜. */
const COMPOUND_SURNAMES = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '令狐', '长孙', '宇文', '司徒', '夏侯', '轩辕', '端木', '独孤', '南宫', '西门', '百里'];

/** `{givenName}`: a Chinese name without its surname (王芳 → 芳), a Western name's first word. */
export function givenNameOf(name: string): string {
  const full = name.trim();
  if (/^\p{Script=Han}{2,}$/u.test(full)) {
    const surname = COMPOUND_SURNAMES.find((s) => full.startsWith(s) && full.length > s.length) ?? full[0];
    return full.slice(surname.length);
  }
  return full.split(/\s+/)[0] ?? '';
}

/** `{date}` for a calendar day `YYYY-MM-DD`: 2026年12月2日, or 2 December 2026. */
export function outreachDate(day: string, language: OutreachTemplateLanguage): string {
  const [year, month, date] = day.split('-').map(Number);
  if (language === 'zh') return `${year}年${month}月${date}日`;
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  return `${date} ${months[month - 1]} ${year}`;
}
