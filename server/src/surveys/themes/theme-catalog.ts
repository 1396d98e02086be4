import type { EntityManager } from 'typeorm';
import { runRawSql } from '../../core/database/raw-sql';
import type { CommentThemeEntity } from './comment-theme.entity';

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

/** The fields of a theme the tagger needs. */
export type CatalogRow = Pick<CommentThemeEntity, 'key' | 'builtIn' | 'enabled' | 'phrasesZh' | 'phrasesEn'>;

export function catalogOf(themes: readonly CatalogRow[]): ThemeCatalog {
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
 * About ten short rows. Plain SQL: the CLI's data source (retag-cli.ts) registers no entities.
 */
export async function loadThemeCatalog(manager: EntityManager): Promise<ThemeCatalog> {
  const rows = (await runRawSql(manager, 'SELECT key, built_in, enabled, phrases_zh, phrases_en FROM comment_theme', [])) as {
    key: string;
    built_in: unknown;
    enabled: unknown;
    phrases_zh: string;
    phrases_en: string;
  }[];
  // SQLite answers booleans as 0 / 1, PostgreSQL as true / false.
  const flag = (value: unknown) => value === true || value === 1 || value === '1';
  return catalogOf(rows.map((r) => ({ key: r.key, builtIn: flag(r.built_in), enabled: flag(r.enabled), phrasesZh: r.phrases_zh, phrasesEn: r.phrases_en })));
}
