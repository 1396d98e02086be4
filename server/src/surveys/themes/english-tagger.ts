import type { CommentSentiment, CommentTags, CommentThemeKey, CommentThemeMatch } from '@huifang/shared';
import { ENGLISH_CUE_ONLY, ENGLISH_THEME_CUES } from './english-lexicon';
import type { EnglishModel } from './english-model';
import { commentVectors, englishWords, featureStrings, fnv1a } from './hashed-features';
import { scoreHead, sigmoid, softmax } from './linear-model';

/** At most this many words are highlighted per theme. */
const HIGHLIGHTED_WORDS = 3;

export function tagEnglish(text: string, model: EnglishModel): CommentTags {
  const vectors = commentVectors(text, model.hashBits);
  const themeScores = scoreHead(model.themes, vectors.themes);
  const themes: CommentThemeMatch[] = [];
  model.themes.labels.forEach((key, label) => {
    if (sigmoid(themeScores[label]) >= model.themes.thresholds[label]) {
      themes.push({ key, matched: highlights(text, key, model.themes.weights[label], model.hashBits) });
    }
  });
  for (const [key, cue] of Object.entries(ENGLISH_CUE_ONLY) as [CommentThemeKey, RegExp][]) {
    const hit = cue.exec(text);
    const found = themes.find((theme) => theme.key === key);
    if (hit && found) found.matched = [...new Set([...found.matched, hit[0]])];
    else if (hit) themes.push({ key, matched: [hit[0]] });
  }
  const probabilities = softmax(scoreHead(model.sentiment, vectors.sentiment));
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
