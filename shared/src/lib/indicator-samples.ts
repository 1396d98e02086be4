/**
 * How far a figure on a small sample can be trusted (DOMAIN.md, Statistics and Indicators): the
 * small-sample threshold, 95% intervals of NPS and of shares, and the trend buckets a period's data
 * can carry. One rule for the server and the dashboard.
 */

/**
 * Below this n a figure is a "small sample": shown with its n and its interval, never as a confident
 * number (the same n the improvement verdicts call `too_few`).
 */
export const SMALL_SAMPLE_N = 30;

/** The two-sided 95% normal quantile. */
export const CONFIDENCE_Z = 1.959964;

/** A 95% interval on the figure's own scale (NPS -100..100, shares 0..100), one decimal. */
export interface ConfidenceInterval {
  low: number;
  high: number;
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const clamp = (x: number, min: number, max: number) => Math.min(max, Math.max(min, x));

/**
 * The 95% interval of an NPS (DOMAIN.md, Surveys: 100 × (promoters - detractors) / answers). Each
 * answer scores promoter +1, passive 0, detractor -1, so NPS is 100 × the mean score; the interval is
 * the normal (Wald) interval of that mean, with the variance of the scores, after adding one
 * pseudo-answer of each kind (as Agresti-Coull does for shares) so that three promoters out of three
 * get a wide interval, not a zero-width one. Null for no answers.
 */
export function npsInterval(counts: { promoters: number; passives: number; detractors: number }): ConfidenceInterval | null {
  const answers = counts.promoters + counts.passives + counts.detractors;
  if (answers === 0) return null;
  const n = answers + 3;
  const promoters = (counts.promoters + 1) / n;
  const detractors = (counts.detractors + 1) / n;
  const mean = promoters - detractors;
  const variance = promoters + detractors - mean * mean;
  const margin = CONFIDENCE_Z * Math.sqrt(variance / n);
  return { low: round1(clamp(100 * (mean - margin), -100, 100)), high: round1(clamp(100 * (mean + margin), -100, 100)) };
}

/**
 * The Wilson score 95% interval of a share in % (CSAT top-2-box, response, churn and completion
 * rates): `hits` of `n`. Null when n = 0.
 */
export function wilsonInterval(hits: number, n: number): ConfidenceInterval | null {
  if (n <= 0) return null;
  const p = clamp(hits / n, 0, 1);
  const z2 = CONFIDENCE_Z * CONFIDENCE_Z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const margin = (CONFIDENCE_Z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { low: round1(clamp(100 * (centre - margin), 0, 100)), high: round1(clamp(100 * (centre + margin), 0, 100)) };
}

/** The groupings of a trend, finest first. */
export const TREND_GROUPINGS = ['day', 'week', 'month'] as const;
export type TrendGrouping = (typeof TREND_GROUPINGS)[number];

const DAY_MS = 86_400_000;
const dayNumber = (day: string) => Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS);

/** Calendar days from `from` to `to`, both included. */
export function periodDays(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from) + 1;
}

/** How many buckets of a grouping the period touches (ISO weeks start on Monday). */
export function bucketCount(grouping: TrendGrouping, from: string, to: string): number {
  switch (grouping) {
    case 'day':
      return periodDays(from, to);
    case 'week': {
      // Day 0 of the Unix epoch was a Thursday: (day + 3) counts Mondays.
      const monday = (day: string) => Math.floor((dayNumber(day) + 3) / 7);
      return monday(to) - monday(from) + 1;
    }
    case 'month': {
      const months = (day: string) => Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7));
      return months(to) - months(from) + 1;
    }
  }
}

/** The finest buckets a chart of the period can show legibly: days up to a month, weeks up to about four months, else months. */
export function finestTrendGrouping(from: string, to: string): TrendGrouping {
  const days = periodDays(from, to);
  if (days <= 31) return 'day';
  if (days <= 120) return 'week';
  return 'month';
}

/**
 * The trend grouping the period's data can carry: the finest grouping (no finer than
 * finestTrendGrouping) whose buckets hold, on average, at least SMALL_SAMPLE_N of the period's `n`;
 * months when even they do not. A daily NPS on three answers a day swings from -100 to +100: noise.
 */
export function carriedGrouping(period: { from: string; to: string }, n: number): TrendGrouping {
  const finest = TREND_GROUPINGS.indexOf(finestTrendGrouping(period.from, period.to));
  const carried = TREND_GROUPINGS.slice(finest).find((grouping) => n / bucketCount(grouping, period.from, period.to) >= SMALL_SAMPLE_N);
  return carried ?? 'month';
}
