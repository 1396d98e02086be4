import type { CommentSentiment, CommentThemeMatch } from '@huifang/shared';
import type { EntityManager } from 'typeorm';
import { runRawSql } from '../../core/database/raw-sql';
import { searchTerms } from './search-terms';
import { tagComment } from './tag-comment';
import { taggerVersion } from './tagger-version';
import { BUILT_IN_CATALOG, type ThemeCatalog } from './theme-catalog';

/** A comment's tags as stored: the sentiment and version on survey_response, the themes in response_theme. */
export interface StoredTags {
  sentiment: CommentSentiment;
  version: string;
  themes: CommentThemeMatch[];
  /** The comment's words for the search (comment_search_term). */
  terms: string[];
}

/** What response_theme copies from its response (see ResponseThemeEntity). */
export interface TaggedResponse {
  id: number;
  submittedOn: string;
  departmentId: number;
  nps: number | null;
}

/**
 * The tags of a comment to store; null for none (no comment, nothing to tag). CPU only: call it
 * outside a write transaction. `catalog`: the themes in force (loadThemeCatalog), whose version is stamped.
 */
export function tagsToStore(comment: string | null, catalog: ThemeCatalog): StoredTags | null {
  if (comment === null || !comment.trim()) return null;
  const tags = tagComment(comment, catalog);
  return { sentiment: tags.sentiment, version: taggerVersion(catalog), themes: tags.themes, terms: searchTerms(comment) };
}

const THEME_COLUMNS = 6;

/** The response_theme rows of many responses, in one multi-row INSERT (the caller keeps it under the bound-parameter limits). */
export async function insertResponseThemes(manager: EntityManager, rows: readonly { response: TaggedResponse; themes: readonly CommentThemeMatch[] }[]): Promise<void> {
  const flat = rows.flatMap(({ response, themes }) => themes.map((theme) => ({ response, theme })));
  if (flat.length === 0) return;
  const values = flat.map((_, i) => `(${Array.from({ length: THEME_COLUMNS }, (__, c) => `$${1 + i * THEME_COLUMNS + c}`).join(', ')})`);
  const params = flat.flatMap(({ response, theme }) => [response.id, theme.key, JSON.stringify(theme.matched), response.submittedOn, response.departmentId, response.nps]);
  await runRawSql(manager, `INSERT INTO response_theme (response_id, theme_key, matched, submitted_on, department_id, nps) VALUES ${values.join(', ')}`, params);
}

/** Rows per INSERT of search words: two values each, well under both databases' bound-parameter limits. */
const TERM_ROWS_PER_INSERT = 2000;

/** The comment_search_term rows of many responses, in multi-row INSERTs. */
export async function insertSearchTerms(manager: EntityManager, rows: readonly { responseId: number; terms: readonly string[] }[]): Promise<void> {
  const flat = rows.flatMap(({ responseId, terms }) => terms.map((term) => [term, responseId] as const));
  for (let i = 0; i < flat.length; i += TERM_ROWS_PER_INSERT) {
    const chunk = flat.slice(i, i + TERM_ROWS_PER_INSERT);
    const values = chunk.map((_, j) => `($${2 * j + 1}, $${2 * j + 2})`);
    await runRawSql(manager, `INSERT INTO comment_search_term (term, response_id) VALUES ${values.join(', ')}`, chunk.flat());
  }
}

/**
 * Loads jieba's dictionary, the English model and the version hash (about 0.9 s, once per
 * process) at start-up, so that the first patient's submit does not pay for them.
 */
export function warmUpTagger(): void {
  tagsToStore('排队', BUILT_IN_CATALOG);
  tagsToStore('wait', BUILT_IN_CATALOG);
}
