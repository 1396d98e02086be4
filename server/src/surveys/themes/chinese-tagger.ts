import type { CommentSentiment, CommentTags, CommentThemeKey } from '@huifang/shared';
import {
  CHINESE_CLAUSE_BREAK,
  CHINESE_DEGREE_WORDS,
  CHINESE_LONG_WAIT,
  CHINESE_NEGATIVE_WORDS,
  CHINESE_NEGATORS,
  CHINESE_POSITIVE_WORDS,
  CHINESE_THEME_WORDS,
} from './chinese-lexicon';
import { sharedJieba } from './jieba';

interface LexiconEntry {
  themes: CommentThemeKey[];
  polarity: -1 | 0 | 1;
}

/** A lexicon term found in a clause, negation applied. */
interface Hit {
  text: string;
  themes: CommentThemeKey[];
  polarity: number;
}

const LONGEST_TERM_IN_WORDS = 4;
const NEGATORS = new Set(CHINESE_NEGATORS);
const DEGREE_WORDS = new Set(CHINESE_DEGREE_WORDS);
const LEXICON = buildLexicon();

function segment(text: string): string[] {
  return sharedJieba().cut(text, true).filter((word) => word.trim().length > 0);
}

export function tagChinese(text: string): CommentTags {
  const matched = new Map<CommentThemeKey, Set<string>>();
  let positiveClauses = 0;
  let negativeClauses = 0;
  for (const clause of text.split(CHINESE_CLAUSE_BREAK)) {
    if (!clause?.trim()) continue;
    const hits = [...lexiconHits(segment(clause)), ...longWaitHits(clause)];
    const polarity = hits.reduce((sum, hit) => sum + hit.polarity, 0);
    if (polarity > 0) positiveClauses++;
    if (polarity < 0) negativeClauses++;
    const judged = hits.filter((hit) => hit.polarity !== 0).map((hit) => hit.text);
    for (const hit of hits) {
      for (const theme of hit.themes) {
        const words = matched.get(theme) ?? new Set<string>();
        // The judgement words of the clause are highlighted with the theme's own words ("排队" + "太久").
        [hit.text, ...judged].forEach((word) => words.add(word));
        matched.set(theme, words);
      }
    }
  }
  return {
    themes: [...matched].map(([key, words]) => ({ key, matched: [...words] })),
    sentiment: sentimentOf(positiveClauses, negativeClauses),
  };
}

function sentimentOf(positiveClauses: number, negativeClauses: number): CommentSentiment {
  if (positiveClauses > 0 && negativeClauses === 0) return 'positive';
  if (negativeClauses > 0 && positiveClauses === 0) return 'negative';
  return 'mixed_neutral';
}

/** Longest lexicon term first at each word; a negator (and degree words) before a judgement turns it round. */
function lexiconHits(words: string[]): Hit[] {
  const hits: Hit[] = [];
  let i = 0;
  while (i < words.length) {
    const found = longestTermAt(words, i);
    if (!found) {
      i++;
      continue;
    }
    const { entry, length } = found;
    let start = i;
    let polarity: number = entry.polarity;
    if (polarity !== 0) {
      let before = i - 1;
      while (before >= 0 && DEGREE_WORDS.has(words[before])) before--;
      if (before >= 0 && NEGATORS.has(words[before])) {
        polarity = -polarity;
        start = before;
      }
    }
    hits.push({ text: words.slice(start, i + length).join(''), themes: entry.themes, polarity });
    i += length;
  }
  return hits;
}

function longestTermAt(words: string[], i: number): { entry: LexiconEntry; length: number } | undefined {
  for (let length = Math.min(LONGEST_TERM_IN_WORDS, words.length - i); length >= 1; length--) {
    const entry = LEXICON.get(words.slice(i, i + length).join(''));
    if (entry) return { entry, length };
  }
  return undefined;
}

function longWaitHits(clause: string): Hit[] {
  return [...clause.matchAll(CHINESE_LONG_WAIT)].map((m) => ({ text: m[0], themes: ['waiting'], polarity: -1 }));
}

function buildLexicon(): Map<string, LexiconEntry> {
  const lexicon = new Map<string, LexiconEntry>();
  const entry = (term: string) => {
    const existing = lexicon.get(term) ?? { themes: [], polarity: 0 };
    lexicon.set(term, existing);
    return existing;
  };
  for (const [theme, terms] of Object.entries(CHINESE_THEME_WORDS) as [CommentThemeKey, string[]][]) {
    for (const term of terms) entry(term).themes.push(theme);
  }
  for (const term of CHINESE_POSITIVE_WORDS) entry(term).polarity = 1;
  for (const term of CHINESE_NEGATIVE_WORDS) entry(term).polarity = -1;
  return lexicon;
}
