export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** Chinese is the default and the fallback for missing keys. */
export const DEFAULT_LANG: Lang = 'zh';
export const LANG_STORAGE_KEY = 'huifang.lang';

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/**
 * The first language: the user's stored choice if any, else the browser's
 * (`en…` → English, anything else → Chinese).
 */
export function detectLanguage(stored: string | null | undefined, browserLanguage: string | null | undefined): Lang {
  if (isLang(stored)) {
    return stored;
  }
  return browserLanguage?.trim().toLowerCase().startsWith('en') ? 'en' : DEFAULT_LANG;
}

/** The value for `<html lang>`. */
export function htmlLangFor(lang: Lang): string {
  return lang === 'zh' ? 'zh-CN' : 'en';
}

export function otherLang(lang: Lang): Lang {
  return lang === 'zh' ? 'en' : 'zh';
}

/** The locale id for DatePipe / formatDate in the given UI language (see `registerDateLocales`). */
export function dateLocaleFor(lang: Lang): string {
  return lang === 'zh' ? 'zh-CN' : 'en-US';
}
