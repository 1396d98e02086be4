/**
 * npm run train:themes — trains the English theme and sentiment model on the training rows of the
 * NHS comments file (never its test split) and writes server/src/surveys/themes/en-model.json.
 * Deterministic: the same file gives byte-identical output.
 */
import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { COMMENT_SENTIMENTS } from '@huifang/shared';
import type { EnglishModelFile } from '../english-model';
import { commentVectors, fnv1a, type SparseVector } from '../hashed-features';
import { scoreHead, sigmoid, storeHead } from '../linear-model';
import { DEFAULT_FEEDBACK_FILE, isTestRow, MAPPED_THEMES, readFeedbackFile, rowHash, SPLIT_DESCRIPTION, type FeedbackRow } from './fft-dataset';
import { bestThreshold } from './metrics';
import { DEFAULT_TRAINING, trainBinary, trainSoftmax, type TrainingOptions } from './train-linear';

const MODEL_PATH = join(__dirname, '..', 'en-model.json');
const FOLDS = 5;

function main(): void {
  // THEMES_TRAINING='{"epochs":20}' tries other settings (judged by the cross-validated F1 on training rows only).
  const options: TrainingOptions = { ...DEFAULT_TRAINING, ...JSON.parse(process.env['THEMES_TRAINING'] ?? '{}') };
  const rows = readFeedbackFile(DEFAULT_FEEDBACK_FILE).filter((row) => !isTestRow(row.commentId));
  const themeRows = rows.filter((row) => row.themes !== null);
  const sentimentRows = rows.filter((row) => row.sentiment !== null);
  console.log(`Training on ${relative(process.cwd(), DEFAULT_FEEDBACK_FILE)}, training split only (${SPLIT_DESCRIPTION})`);
  console.log(`  ${themeRows.length} rows with theme labels, ${sentimentRows.length} with a sentiment label; ${JSON.stringify(options)}`);

  const themeVectors = themeRows.map((row) => commentVectors(row.text, options.hashBits).themes);
  const thresholds = crossValidatedThresholds(themeRows, themeVectors, options);
  if (process.env['THEMES_CV_ONLY']) return;
  const themeModels = MAPPED_THEMES.map((theme) => trainBinary(themeVectors, labelsOf(themeRows, theme), options));

  const sentimentVectors = sentimentRows.map((row) => commentVectors(row.text, options.hashBits).sentiment);
  const sentimentClasses = Uint8Array.from(sentimentRows, (row) => COMMENT_SENTIMENTS.indexOf(row.sentiment ?? 'mixed_neutral'));
  const sentiment = trainSoftmax(sentimentVectors, sentimentClasses, COMMENT_SENTIMENTS.length, options);
  console.log('  sentiment rows per class: ' + COMMENT_SENTIMENTS.map((s, c) => `${s} ${sentimentClasses.filter((x) => x === c).length}`).join(', '));

  const file: EnglishModelFile = {
    format: 1,
    hashBits: options.hashBits,
    themes: {
      ...storeHead({ labels: MAPPED_THEMES, bias: themeModels.map((m) => m.bias), weights: themeModels.map((m) => m.weights) }),
      thresholds,
    },
    sentiment: storeHead({ labels: [...COMMENT_SENTIMENTS], bias: sentiment.bias, weights: sentiment.weights }),
    trainedOn: { file: 'nhs_fft_comments.csv', themeRows: themeRows.length, sentimentRows: sentimentRows.length, split: SPLIT_DESCRIPTION },
    trainingRows: trainingRowHashes([...themeRows, ...sentimentRows]),
  };
  const json = JSON.stringify(file);
  writeFileSync(MODEL_PATH, json + '\n');
  console.log(`Wrote ${relative(process.cwd(), MODEL_PATH)} (${(json.length / 1024).toFixed(0)} KiB)`);
}

/** Per theme, the threshold with the best F1 on out-of-fold predictions (folds by another hash of Comment ID). */
function crossValidatedThresholds(rows: FeedbackRow[], vectors: SparseVector[], options: TrainingOptions): number[] {
  const fold = rows.map((row) => fnv1a(row.commentId, 0x9e3779b9) % FOLDS);
  const outOfFold = MAPPED_THEMES.map(() => new Array<number>(rows.length).fill(0));
  for (let k = 0; k < FOLDS; k++) {
    const inFold = rows.map((_row, i) => fold[i] !== k);
    const trainVectors = vectors.filter((_v, i) => inFold[i]);
    MAPPED_THEMES.forEach((theme, t) => {
      const labels = labelsOf(rows, theme).filter((_y, i) => inFold[i]);
      const model = trainBinary(trainVectors, labels, options);
      const head = { labels: [theme], bias: [model.bias], weights: [model.weights] };
      vectors.forEach((vector, i) => {
        if (!inFold[i]) outOfFold[t][i] = sigmoid(scoreHead(head, vector)[0]);
      });
    });
  }
  let f1Sum = 0;
  const thresholds = MAPPED_THEMES.map((theme, t) => {
    const actual = rows.map((row) => row.themes?.has(theme) ?? false);
    const { threshold, f1 } = bestThreshold(outOfFold[t], actual);
    f1Sum += f1;
    console.log(`  ${theme.padEnd(18)} ${String(actual.filter(Boolean).length).padStart(5)} positives  cross-validated F1 ${f1.toFixed(3)} at threshold ${threshold}`);
    return threshold;
  });
  console.log(`  cross-validated macro-F1 ${(f1Sum / MAPPED_THEMES.length).toFixed(3)}`);
  return thresholds;
}

function labelsOf(rows: FeedbackRow[], theme: (typeof MAPPED_THEMES)[number]): Uint8Array {
  return Uint8Array.from(rows, (row) => (row.themes?.has(theme) ? 1 : 0));
}

function trainingRowHashes(rows: FeedbackRow[]): string {
  const hashes = Uint32Array.from(new Set(rows.map(rowHash))).sort();
  return Buffer.from(hashes.buffer).toString('base64');
}

main();
