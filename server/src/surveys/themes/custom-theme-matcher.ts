import type { CommentThemeMatch } from '@huifang/shared';
import type { CustomThemePhrases } from './theme-catalog';

/**
 * Full-width letters and digits as half-width (NFKC), lower case, no white space: "ＡＰＰ 预约" and
 * "app预约" read the same. Chinese phrases are looked for as substrings of the comment so normalised
 * (Chinese has no spaces between words, and jieba might cut an admin's new word apart).
 */
export function normaliseForPhrases(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');
}

const REGEX_SPECIAL = /[.*+?^${}()|[\]\\]/g;

/**
 * An English phrase as whole words, case-insensitive: "bed" finds "Bed" and "bed," but not
 * "bedside"; the phrase's own spaces match any run of white space.
 */
export function englishPhrasePattern(phrase: string): RegExp {
  const words = phrase.normalize('NFKC').trim().split(/\s+/u).map((word) => word.replace(REGEX_SPECIAL, '\\$&'));
  return new RegExp(`(?<![\\p{L}\\p{N}_])${words.join('\\s+')}(?![\\p{L}\\p{N}_])`, 'iu');
}

/** The admins' themes a comment has, each with the phrases found (Chinese as written in the theme, English as written in the comment). */
export function customThemeMatches(text: string, themes: readonly CustomThemePhrases[]): CommentThemeMatch[] {
  if (themes.length === 0) return [];
  const normalised = normaliseForPhrases(text);
  const plain = text.normalize('NFKC');
  const found: CommentThemeMatch[] = [];
  for (const theme of themes) {
    const matched = new Set<string>();
    for (const phrase of theme.zh) {
      const needle = normaliseForPhrases(phrase);
      if (needle && normalised.includes(needle)) matched.add(phrase);
    }
    for (const phrase of theme.en) {
      if (!phrase.trim()) continue;
      const hit = englishPhrasePattern(phrase).exec(plain);
      if (hit) matched.add(hit[0]);
    }
    if (matched.size) found.push({ key: theme.key, matched: [...matched] });
  }
  return found;
}
