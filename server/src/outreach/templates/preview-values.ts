import { givenNameOf, outreachDate, OUTREACH_VARIABLES_OF, type OutreachKind, type OutreachTemplateLanguage, type OutreachTemplateValues } from '@huifang/shared';

/** The token of the preview's example link (`<public URL>/feedback/EXAMPLE`): opens no survey. */
export const PREVIEW_TOKEN = 'EXAMPLE';

const SAMPLE_PATIENT: Readonly<Record<OutreachTemplateLanguage, string>> = { zh: '王芳', en: 'Emma Smith' };
/** Only while the hospital has no active department. */
const SAMPLE_DEPARTMENT: Readonly<Record<OutreachTemplateLanguage, string>> = { zh: '内科', en: 'Internal Medicine' };
const SAMPLE_TIME = '10:30';

export interface PreviewFacts {
  /** The hospital's name in the language; empty while unnamed (the renderer then uses the generic word). */
  hospital: string;
  /** A department of the hospital, named in the language; null when it has none. */
  department: string | null;
  /** Today in the hospital's time zone, `YYYY-MM-DD`. */
  today: string;
  link: string;
}

/** What a patient's message would be filled with, for the kind's variables only (as the outbox fills them). */
export function previewValues(kind: OutreachKind, language: OutreachTemplateLanguage, facts: PreviewFacts): OutreachTemplateValues {
  const all: Required<OutreachTemplateValues> = {
    givenName: givenNameOf(SAMPLE_PATIENT[language]),
    hospital: facts.hospital,
    department: facts.department || SAMPLE_DEPARTMENT[language],
    date: outreachDate(facts.today, language),
    time: SAMPLE_TIME,
    link: facts.link,
  };
  return Object.fromEntries(OUTREACH_VARIABLES_OF[kind].map((name) => [name, all[name]]));
}
