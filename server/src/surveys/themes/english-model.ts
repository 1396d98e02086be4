import type { CommentThemeKey } from '@huifang/shared';
import { loadHead, type LinearHead, type StoredHead } from './linear-model';

/** The English model file as `npm run train:themes` writes it (en-model.json). */
export interface EnglishModelFile {
  format: 1;
  hashBits: number;
  /** One-vs-rest logistic regression per theme, with the decision threshold picked by cross-validation on the training rows. */
  themes: StoredHead & { thresholds: number[] };
  /** Multinomial logistic regression over COMMENT_SENTIMENTS. */
  sentiment: StoredHead;
  trainedOn: { file: string; themeRows: number; sentimentRows: number; split: string };
  /** base64 of the sorted FNV-1a hashes of `Comment ID` + NUL + text of every training row (to leave them out of evaluations). */
  trainingRows: string;
}

export interface EnglishModel {
  hashBits: number;
  themes: Omit<LinearHead, 'labels'> & { labels: CommentThemeKey[]; thresholds: number[] };
  sentiment: LinearHead;
  trainingRows: Set<number>;
}

export function loadEnglishModel(file: EnglishModelFile): EnglishModel {
  if (file.format !== 1) throw new Error(`Unknown theme model format ${String(file.format)}`);
  // Copied into a fresh buffer: a pooled Buffer's offset need not be a multiple of 4.
  const hashes = new Uint32Array(new Uint8Array(Buffer.from(file.trainingRows, 'base64')).buffer);
  return {
    hashBits: file.hashBits,
    themes: { ...loadHead(file.themes, file.hashBits), labels: file.themes.labels as CommentThemeKey[], thresholds: file.themes.thresholds },
    sentiment: loadHead(file.sentiment, file.hashBits),
    trainingRows: new Set(hashes),
  };
}
