import { studentTCdf, studentTQuantile } from './distributions';
import { tallyTotal, type Tally } from './tally';

export interface SampleSummary {
  n: number;
  mean: number;
  /** Sample variance (n - 1 in the denominator). */
  variance: number;
}

export function summarize(values: ArrayLike<number>): SampleSummary {
  const n = values.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i];
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (values[i] - mean) ** 2;
  return { n, mean, variance: n > 1 ? squares / (n - 1) : 0 };
}

/** The same summary from tallies (ratings as counts per value). */
export function summarizeTallies(tallies: readonly Tally[]): SampleSummary {
  const n = tallyTotal(tallies);
  const mean = tallies.reduce((sum, t) => sum + t.value * t.count, 0) / n;
  const squares = tallies.reduce((sum, t) => sum + t.count * (t.value - mean) ** 2, 0);
  return { n, mean, variance: n > 1 ? squares / (n - 1) : 0 };
}

export interface WelchResult {
  /** mean(x) - mean(y). */
  difference: number;
  t: number;
  /** Welch-Satterthwaite degrees of freedom. */
  df: number;
  pValue: number;
  ci95: [number, number];
}

/** Welch's unequal-variances t test of mean(x) - mean(y), with its 95% interval. */
export function welch(x: SampleSummary, y: SampleSummary): WelchResult {
  if (x.n < 2 || y.n < 2) throw new Error("Welch's test needs at least two values per sample");
  const vx = x.variance / x.n;
  const vy = y.variance / y.n;
  const difference = x.mean - y.mean;
  const se = Math.sqrt(vx + vy);
  if (se === 0) return { difference, t: 0, df: x.n + y.n - 2, pValue: difference === 0 ? 1 : 0, ci95: [difference, difference] };
  const df = (vx + vy) ** 2 / (vx ** 2 / (x.n - 1) + vy ** 2 / (y.n - 1));
  const t = difference / se;
  const half = studentTQuantile(0.975, df) * se;
  return { difference, t, df, pValue: Math.min(1, 2 * studentTCdf(-Math.abs(t), df)), ci95: [difference - half, difference + half] };
}
