/**
 * English text → hashed sparse features for the linear theme and sentiment models: word unigrams,
 * word bigrams, character 3-5-grams of each word (these catch spelling variants such as "waitng"
 * and word forms such as "waited"/"waiting") and one `cue:<theme>` feature per theme whose cue
 * words occur. Hashing keeps the model a fixed-size array with no vocabulary to ship. Training and
 * tagging share this file, so they always agree.
 */
import { ENGLISH_THEME_CUES } from './english-lexicon';

/** 32-bit FNV-1a over UTF-16 code units: fast, deterministic, no dependency. */
export function fnv1a(text: string, seed = 0x811c9dc5): number {
  let hash = seed;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Lower-case words; apostrophes dropped so "didn't" and "didnt" are one word. */
export function englishWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0);
}

export interface SparseVector {
  indices: Int32Array;
  values: Float32Array;
}

/**
 * Character n-grams are many per word: they count for less than the word itself. A cue counts for
 * much more: after scaling to unit length it must still move the score on its own. Both weights
 * were chosen by the cross-validated macro-F1 on the training rows (npm run train:themes).
 */
const CHAR_GRAM_WEIGHT = 0.25;
const CUE_WEIGHT = 16;

/** The weighted feature strings of a word sequence (exported for finding the words to highlight). */
export function featureStrings(words: string[]): [string, number][] {
  const features: [string, number][] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    features.push([`w:${word}`, 1]);
    if (i > 0) features.push([`b:${words[i - 1]} ${word}`, 1]);
    const padded = ` ${word} `;
    for (let n = 3; n <= 5; n++) {
      for (let start = 0; start + n <= padded.length; start++) features.push([`c:${padded.slice(start, start + n)}`, CHAR_GRAM_WEIGHT]);
    }
  }
  return features;
}

function cueFeatures(text: string): [string, number][] {
  return Object.entries(ENGLISH_THEME_CUES)
    .filter(([, cue]) => cue.test(text))
    .map(([theme]) => [`cue:${theme}`, CUE_WEIGHT]);
}

/** FNV-1a of the prefixes, so that a feature's hash is computed without building its string. */
const WORD_SEED = fnv1a('w:');
const BIGRAM_SEED = fnv1a('b:');
const CHAR_GRAM_SEED = fnv1a('c:');

function step(hash: number, code: number): number {
  return Math.imul(hash ^ code, 0x01000193) >>> 0;
}

/**
 * The same buckets as hashing each of featureStrings(words), without the strings (tagging 200,000
 * comments makes tens of millions of n-grams).
 */
function addWordFeatures(words: string[], mask: number, buckets: Map<number, number>): void {
  const add = (hash: number, weight: number) => {
    const index = hash & mask;
    buckets.set(index, (buckets.get(index) ?? 0) + weight);
  };
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    add(fnv1a(word, WORD_SEED), 1);
    if (i > 0) add(fnv1a(word, step(fnv1a(words[i - 1], BIGRAM_SEED), 32)), 1);
    const padded = ` ${word} `;
    for (let start = 0; start + 3 <= padded.length; start++) {
      let hash = CHAR_GRAM_SEED;
      for (let n = 1; n <= 5 && start + n <= padded.length; n++) {
        hash = step(hash, padded.charCodeAt(start + n - 1));
        if (n >= 3) add(hash, CHAR_GRAM_WEIGHT);
      }
    }
  }
}

function unitVector(buckets: Map<number, number>): SparseVector {
  let squares = 0;
  for (const value of buckets.values()) squares += value * value;
  const norm = Math.sqrt(squares) || 1;
  return { indices: Int32Array.from(buckets.keys()), values: Float32Array.from(buckets.values(), (v) => v / norm) };
}

/**
 * A comment's two vectors, hashed, summed per bucket and scaled to unit length (long and short
 * comments weigh alike): the theme models read the cues, the sentiment model does not (cues name
 * topics, not judgements).
 */
export function commentVectors(text: string, hashBits: number): { themes: SparseVector; sentiment: SparseVector } {
  const mask = (1 << hashBits) - 1;
  const buckets = new Map<number, number>();
  addWordFeatures(englishWords(text), mask, buckets);
  const sentiment = unitVector(buckets);
  for (const [feature, weight] of cueFeatures(text)) {
    const index = fnv1a(feature) & mask;
    buckets.set(index, (buckets.get(index) ?? 0) + weight);
  }
  return { themes: unitVector(buckets), sentiment };
}
