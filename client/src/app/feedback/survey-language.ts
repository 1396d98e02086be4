import { SURVEY_LANGUAGES, type SurveyLanguage } from '@huifang/shared';

/**
 * The form's language: the link's `?lang=` (the patient's language, known to the hospital) wins;
 * otherwise the first of the phone's languages the survey has (`zh-Hant-TW` → zh, `en-GB` → en);
 * Chinese when neither says.
 */
export function pickSurveyLanguage(search: string, phoneLanguages: readonly string[]): SurveyLanguage {
  const fromLink = new URLSearchParams(search).get('lang');
  if (isSurveyLanguage(fromLink)) return fromLink;
  for (const tag of phoneLanguages) {
    const primary = tag.toLowerCase().split('-')[0];
    if (isSurveyLanguage(primary)) return primary;
  }
  return 'zh';
}

function isSurveyLanguage(value: string | null): value is SurveyLanguage {
  return (SURVEY_LANGUAGES as readonly (string | null)[]).includes(value);
}
