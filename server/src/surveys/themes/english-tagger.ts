import type { CommentSentiment, CommentTags, CommentThemeKey, CommentThemeMatch } from '@huifang/shared';
import { CUE_ONLY_THEMES, ENGLISH_THEME_CUES } from './english-lexicon';
import type { EnglishModel } from './english-model';
import { englishWords, featureStrings, fnv1a, hashFeatures } from './hashed-features';
import { scoreHead, sigmoid, softmax } from './linear-model';

/** At most this many words are highlighted per theme. */
const HIGHLIGHTED_WORDS = 3;

export function tagEnglish(text: string, model: EnglishModel): CommentTags {
  const themeScores = scoreHead(model.themes, hashFeatures(text, model.hashBits, true));
  const themes: CommentThemeMatch[] = [];
  model.themes.labels.forEach((key, label) => {
    if (sigmoid(themeScores[label]) >= model.themes.thresholds[label]) {
      themes.push({ key, matched: highlights(text, key, model.themes.weights[label], model.hashBits) });
    }
  });
  for (const key of CUE_ONLY_THEMES) {
    const hit = ENGLISH_THEME_CUES[key]?.exec(text);
    if (hit) themes.push({ key, matched: [hit[0]] });
  }
  const probabilities = softmax(scoreHead(model.sentiment, hashFeatures(text, model.hashBits, false)));
  const best = probabilities.indexOf(Math.max(...probabilities));
  return { themes, sentiment: model.sentiment.labels[best] as CommentSentiment };
}

/** The theme's cue words in the text, else the words that push its score up most (each word: itself and its character n-grams). */
function highlights(text: string, key: CommentThemeKey, row: Float32Array, hashBits: number): string[] {
  const cues = [...text.matchAll(new RegExp(ENGLISH_THEME_CUES[key]?.source ?? '(?!)', 'gi'))].map((m) => m[0]);
  if (cues.length) return [...new Set(cues)].slice(0, HIGHLIGHTED_WORDS);
  const mask = (1 << hashBits) - 1;
  const ranked = [...new Set(englishWords(text))]
    .map((word) => ({ word, push: featureStrings([word]).reduce((sum, [feature, weight]) => sum + weight * row[fnv1a(feature) & mask], 0) }))
    .filter(({ push }) => push > 0)
    .sort((a, b) => b.push - a.push);
  return ranked.slice(0, HIGHLIGHTED_WORDS).map(({ word }) => word);
}
