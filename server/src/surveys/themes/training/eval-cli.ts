/**
 * npm run eval:themes [-- --file <csv>] — measures the tagger against people's labels.
 * Default file: its test split only (the rows train:themes never saw). Another file in the same
 * format: every row except those that were training rows (same Comment ID and text). Exits 1
 * when macro-F1 over the mapped themes < 0.65 or sentiment accuracy < 0.75.
 */
import { relative } from 'node:path';
import { COMMENT_SENTIMENTS, type CommentSentiment } from '@huifang/shared';
import { englishThemeModel, tagComment } from '../tag-comment';
import { DEFAULT_FEEDBACK_FILE, FRAMEWORK_COLUMNS, isTestRow, MAPPED_THEMES, readFeedbackFile, rowHash, SPLIT_DESCRIPTION } from './fft-dataset';
import { countBinary, precisionRecallF1 } from './metrics';

const MIN_MACRO_F1 = 0.65;
const MIN_SENTIMENT_ACCURACY = 0.75;

function main(): void {
  const fileArgument = process.argv.indexOf('--file');
  const file = fileArgument >= 0 ? process.argv[fileArgument + 1] : DEFAULT_FEEDBACK_FILE;
  if (!file) throw new Error('--file needs a path');
  const training = englishThemeModel().trainingRows;
  const rows = readFeedbackFile(file).filter((row) => (fileArgument >= 0 ? !training.has(rowHash(row)) : isTestRow(row.commentId)));
  console.log(`Evaluating on ${relative(process.cwd(), file)}: ${fileArgument >= 0 ? 'every row but the training rows' : `the test split (${SPLIT_DESCRIPTION})`}`);
  const tags = rows.map((row) => tagComment(row.text));

  const themed = rows.map((row, i) => ({ row, tags: tags[i] })).filter(({ row }) => row.themes !== null);
  console.log(`\nThemes: ${themed.length} comments with theme labels. Baseline: tagging every comment with the theme (never tagging scores F1 0).`);
  console.log(`${'theme'.padEnd(18)} ${'precision'.padStart(9)} ${'recall'.padStart(7)} ${'F1'.padStart(6)} ${'support'.padStart(8)} ${'baseline F1'.padStart(12)}  framework columns`);
  let f1Sum = 0;
  let baselineSum = 0;
  for (const theme of MAPPED_THEMES) {
    const actual = themed.map(({ row }) => row.themes?.has(theme) ?? false);
    const figures = precisionRecallF1(countBinary(actual, themed.map(({ tags: t }) => t.themes.some((m) => m.key === theme))));
    const baseline = precisionRecallF1(countBinary(actual, actual.map(() => true))).f1;
    f1Sum += figures.f1;
    baselineSum += baseline;
    console.log(
      `${theme.padEnd(18)} ${fixed(figures.precision, 9)} ${fixed(figures.recall, 7)} ${fixed(figures.f1, 6)} ${String(figures.support).padStart(8)} ${fixed(baseline, 12)}  ${(FRAMEWORK_COLUMNS[theme] ?? []).join(' | ')}`,
    );
  }
  const macroF1 = f1Sum / MAPPED_THEMES.length;
  console.log(`macro-F1 over ${MAPPED_THEMES.length} mapped themes: ${macroF1.toFixed(3)} (baseline ${(baselineSum / MAPPED_THEMES.length).toFixed(3)}; target ≥ ${MIN_MACRO_F1})`);

  const judged = rows.map((row, i) => ({ actual: row.sentiment, predicted: tags[i].sentiment })).filter((r): r is { actual: CommentSentiment; predicted: CommentSentiment } => r.actual !== null);
  const accuracy = judged.filter((r) => r.actual === r.predicted).length / Math.max(judged.length, 1);
  const counts = COMMENT_SENTIMENTS.map((s) => judged.filter((r) => r.actual === s).length);
  const majority = COMMENT_SENTIMENTS[counts.indexOf(Math.max(...counts))];
  console.log(`\nSentiment: ${judged.length} comments with a sentiment label (1-2 positive, 3 mixed_neutral, 4-5 negative)`);
  console.log(`accuracy ${accuracy.toFixed(3)} (majority-class baseline "${majority}": ${(Math.max(...counts) / Math.max(judged.length, 1)).toFixed(3)}; target ≥ ${MIN_SENTIMENT_ACCURACY})`);
  console.log(`confusion (rows: labelled, columns: predicted)\n${''.padEnd(14)}${COMMENT_SENTIMENTS.map((s) => s.padStart(14)).join('')}`);
  for (const actual of COMMENT_SENTIMENTS) {
    const cells = COMMENT_SENTIMENTS.map((predicted) => String(judged.filter((r) => r.actual === actual && r.predicted === predicted).length).padStart(14));
    console.log(actual.padEnd(14) + cells.join(''));
  }

  const missed = [macroF1 < MIN_MACRO_F1 && 'macro-F1', accuracy < MIN_SENTIMENT_ACCURACY && 'sentiment accuracy'].filter(Boolean);
  if (missed.length) {
    console.log(`\nMISSED: ${missed.join(' and ')} below target`);
    process.exitCode = 1;
  }
}

function fixed(value: number, width: number): string {
  return value.toFixed(3).padStart(width);
}

main();
