import { createHash } from 'node:crypto';
import { COMMENT_THEME_KEYS } from '@huifang/shared';
import * as chineseLexicon from './chinese-lexicon';
import * as englishLexicon from './english-lexicon';
import modelFile from './en-model.json';
import { BUILT_IN_CATALOG, type ThemeCatalog } from './theme-catalog';

/**
 * Bump when the taggers' code changes how a comment is read (chinese-tagger.ts, english-tagger.ts,
 * hashed-features.ts…); a change to the lexicons, the model file or the theme list changes the
 * version by itself (it is hashed below), and so does a change to the admins' themes (a theme
 * added, disabled or enabled, a phrase changed: the catalog is hashed too; names are not). Revision 2: the comment's search words are stored with its tags
 * (search-terms.ts), so comments tagged before have none until the re-tag job runs.
 */
const TAGGER_CODE_REVISION = 2;

let builtIn: string | undefined;

/**
 * The version stored with each response's tags (`survey_response.tagger_version`, ≤ 16 characters):
 * responses tagged by another version are stale, and `npm run themes:retag` (or the re-tag an
 * admin's change starts) tags them again. With no theme disabled and none added it is the version
 * of the built-in tagger alone, as before admins could change themes.
 */
export function taggerVersion(catalog: ThemeCatalog = BUILT_IN_CATALOG): string {
  builtIn ??= fingerprint();
  if (catalog.disabled.length === 0 && catalog.custom.length === 0) return `${TAGGER_CODE_REVISION}-${builtIn}`;
  const hash = createHash('sha256').update(builtIn).update(JSON.stringify(catalog)).digest('hex');
  return `${TAGGER_CODE_REVISION}-${hash.slice(0, 12)}`;
}

function fingerprint(): string {
  // RegExps would serialize as {}: their source text counts.
  const data = JSON.stringify([COMMENT_THEME_KEYS, chineseLexicon, englishLexicon, modelFile], (_key, value: unknown) =>
    value instanceof RegExp ? value.toString() : value,
  );
  return createHash('sha256').update(data).digest('hex').slice(0, 12);
}
