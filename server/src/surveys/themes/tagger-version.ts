import { createHash } from 'node:crypto';
import { COMMENT_THEME_KEYS } from '@huifang/shared';
import * as chineseLexicon from './chinese-lexicon';
import * as englishLexicon from './english-lexicon';
import modelFile from './en-model.json';

/**
 * Bump when the taggers' code changes how a comment is read (chinese-tagger.ts, english-tagger.ts,
 * hashed-features.ts…); a change to the lexicons, the model file or the theme list changes the
 * version by itself (it is hashed below). Revision 2: the comment's search words are stored with its tags
 * (search-terms.ts), so comments tagged before have none until the re-tag job runs.
 */
const TAGGER_CODE_REVISION = 2;

let version: string | undefined;

/**
 * The version stored with each response's tags (`survey_response.tagger_version`, ≤ 16 characters):
 * responses tagged by another version are stale, and `npm run themes:retag` tags them again.
 */
export function taggerVersion(): string {
  version ??= `${TAGGER_CODE_REVISION}-${fingerprint()}`;
  return version;
}

function fingerprint(): string {
  // RegExps would serialize as {}: their source text counts.
  const data = JSON.stringify([COMMENT_THEME_KEYS, chineseLexicon, englishLexicon, modelFile], (_key, value: unknown) =>
    value instanceof RegExp ? value.toString() : value,
  );
  return createHash('sha256').update(data).digest('hex').slice(0, 12);
}
