import { ERROR_CODES } from '@huifang/shared';
import { describeHttpError, type ErrorDescription } from '../core/api-error';

export const THEME_FORM_FIELDS = ['key', 'nameZh', 'nameEn', 'phrasesZh', 'phrasesEn'] as const;
export type ThemeFormField = (typeof THEME_FORM_FIELDS)[number];

/**
 * The form fields a refused save names: the validation error's `fields` (`phrasesZh.3` → phrasesZh),
 * or the key for a taken key. The error itself, translated, is shown under each of them.
 */
export function themeFieldsOf(err: unknown): { fields: ThemeFormField[]; error: ErrorDescription } {
  const error = describeHttpError(err);
  const named = Array.isArray(error.params['fields']) ? error.params['fields'] : [];
  const fields = new Set(named.map((path) => path.split('.')[0]).filter((name): name is ThemeFormField => (THEME_FORM_FIELDS as readonly string[]).includes(name)));
  if (error.key === `errorCodes.${ERROR_CODES.commentThemeKeyTaken}`) fields.add('key');
  return { fields: [...fields], error };
}
