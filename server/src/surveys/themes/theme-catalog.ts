import type { EntityManager } from 'typeorm';
import { CommentThemeEntity } from './comment-theme.entity';

/** An admin's theme as the tagger sees it: the key and the phrases that find it. */
export interface CustomThemePhrases {
  key: string;
  zh: readonly string[];
  en: readonly string[];
}

/**
 * What the tagger needs from `comment_theme` besides its own lexicons and model: the themes it must
 * no longer assign, and the enabled themes admins added, with their phrases. Keys and phrases are
 * sorted, so one set of themes always gives one tagger version (tagger-version.ts).
 */
export interface ThemeCatalog {
  disabled: readonly string[];
  custom: readonly CustomThemePhrases[];
}

/** The built-in themes alone, all enabled: a database no admin changed. */
export const BUILT_IN_CATALOG: ThemeCatalog = { disabled: [], custom: [] };

export function parsePhrases(json: string): string[] {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.filter((p): p is string => typeof p === 'string') : [];
}

export function catalogOf(themes: readonly CommentThemeEntity[]): ThemeCatalog {
  const sorted = [...themes].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return {
    disabled: sorted.filter((t) => !t.enabled).map((t) => t.key),
    custom: sorted
      .filter((t) => t.enabled && !t.builtIn)
      .map((t) => ({ key: t.key, zh: parsePhrases(t.phrasesZh).sort(), en: parsePhrases(t.phrasesEn).sort() })),
  };
}

/**
 * Read per use, never cached (as the hospital settings): several server processes may share one
 * database, and a comment must be tagged, and its version stamped, with the themes in force.
 * About ten short rows.
 */
export async function loadThemeCatalog(manager: EntityManager): Promise<ThemeCatalog> {
  return catalogOf(await manager.find(CommentThemeEntity));
}
