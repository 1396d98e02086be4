/*
 * The NHS Friends and Family Test (FFT): "Overall, how was your experience of our service?" on a
 * 6-point scale. Historical answers come in through the import (format `nhs_fft`); Huifang's own
 * surveys ask NPS / CSAT, so FFT answers never count as NPS answers.
 */

/** The FFT scale as the NHS codes it: 1 very good … 5 very poor, 6 don't know. */
export const FFT_ANSWERS = ['very_good', 'good', 'neither', 'poor', 'very_poor', 'dont_know'] as const;
export type FftAnswer = (typeof FFT_ANSWERS)[number];
export const FFT_SCALE = { min: 1, max: 6 } as const;
/** Code 7 in NHS exports: other / unlabelled. The row is kept (its comment counts), with no FFT answer. */
export const FFT_UNLABELLED_CODE = 7;
/** Codes that are positive: very good and good. */
export const FFT_POSITIVE_MAX = 2;
/** Codes that are negative: poor and very poor. */
export const FFT_NEGATIVE_CODES = [4, 5] as const;
/** The code of "don't know" (counted in n, neither positive nor negative). */
export const FFT_DONT_KNOW_CODE = 6;

/** The key of the FFT survey template and of its question (the template is created by a migration). */
export const FFT_TEMPLATE_CODE = 'nhs_fft';
export const FFT_QUESTION_ID = 'fft';
export const FFT_COMMENT_QUESTION_ID = 'comment';

/** FFT figure of a bucket: answers coded 1-6 (7 = unlabelled is not an answer). */
export interface FftFigure {
  /** % positive = (very good + good) / all answers including don't know; null with no answers. */
  value: number | null;
  /** All answers 1-6. */
  n: number;
  positive: number;
  /** Poor + very poor. */
  negative: number;
  dontKnow: number;
}

/** FFT % positive (NHS England's definition): (very good + good) / all answers 1-6, don't know included; one decimal. */
export function fftPercentPositive(positive: number, n: number): number | null {
  return n > 0 ? Math.round((1000 * positive) / n) / 10 : null;
}
