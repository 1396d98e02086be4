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

/**
 * Hashed, summed per bucket, scaled to unit length (long and short comments weigh alike). Theme
 * models read the cues; the sentiment model does not (cues name topics, not judgements).
 */
export function hashFeatures(text: string, hashBits: number, withCues: boolean): SparseVector {
  const mask = (1 << hashBits) - 1;
  const buckets = new Map<number, number>();
  for (const [feature, weight] of [...featureStrings(englishWords(text)), ...(withCues ? cueFeatures(text) : [])]) {
    const index = fnv1a(feature) & mask;
    buckets.set(index, (buckets.get(index) ?? 0) + weight);
  }
  const norm = Math.sqrt([...buckets.values()].reduce((sum, v) => sum + v * v, 0)) || 1;
  return { indices: Int32Array.from(buckets.keys()), values: Float32Array.from(buckets.values(), (v) => v / norm) };
}
