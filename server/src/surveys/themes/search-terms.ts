import { sharedJieba } from './jieba';

/** `comment_search_term.term` is a varchar(40): longer words are cut there, in the index and in a query alike. */
export const SEARCH_TERM_MAX_CHARS = 40;

/** A word to index holds a letter or digit (punctuation and spaces are not searched for). */
const SEARCHABLE = /[\p{L}\p{N}]/u;

/**
 * The words a comment is found by, and the words of a search: the lower-cased text cut by jieba in
 * its search mode (a long word also yields the words within it: "停车场" → 停车, 车场, 停车场;
 * English comes out as its words). A comment matches a search when it has every word of the search,
 * so the same cut on both sides is the whole rule, and both databases apply it with plain equality.
 */
export function searchTerms(text: string): string[] {
  const words = sharedJieba()
    .cutForSearch(text.toLowerCase(), true)
    .filter((word) => SEARCHABLE.test(word))
    .map((word) => [...word].slice(0, SEARCH_TERM_MAX_CHARS).join(''));
  return [...new Set(words)];
}
