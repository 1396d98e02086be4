import { IMPROVEMENT_ALPHA, IMPROVEMENT_MIN_N, type BetterDirection, type ImprovementVerdict } from '@huifang/shared';
import { mannWhitneyTallies } from '../statistics/mann-whitney';
import { medianDifference } from '../statistics/median-difference';
import { npsDifference, npsOf } from '../statistics/nps-difference';
import { RankedSample } from '../statistics/tally';
import { twoProportion } from '../statistics/two-proportion';
import type { WindowSample } from './window-sample';

const round = (value: number, decimals: number) => {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
};

/** Figures keep one decimal (DOMAIN.md). */
const DECIMALS = 1;

/** A window's figure in the indicator's unit: median minutes, % of n, NPS; null when n = 0. */
export function windowValue(sample: WindowSample): number | null {
  if (sample.n === 0) return null;
  switch (sample.kind) {
    case 'wait':
      return round(new RankedSample(sample.tallies).percentile(50), 1);
    case 'proportion':
      return round((100 * sample.count) / sample.n, 1);
    case 'nps':
      return round(npsOf(sample.counts), 1);
  }
}

export interface Judgement {
  change: number | null;
  ci95: [number, number] | null;
  pValue: number | null;
  verdict: Exclude<ImprovementVerdict, 'pending'>;
}

/**
 * The change from baseline to follow-up, its 95% interval and p, and the verdict (DOMAIN.md):
 * `too_few` when either window has fewer than IMPROVEMENT_MIN_N observations (no interval, no p:
 * the data cannot carry a claim); `improved` / `worse` when the interval excludes 0 on the better /
 * worse side of `betterDirection` AND the test's p is below IMPROVEMENT_ALPHA (shared: the interval
 * and the p come from different procedures and may disagree near the boundary; then no claim);
 * `no_change` otherwise. The verdict is taken on the unrounded interval and p; the answer is
 * rounded for display (changes as the figures, intervals one decimal more).
 */
export function judge(before: WindowSample, after: WindowSample, betterDirection: BetterDirection): Judgement {
  const beforeValue = windowValue(before);
  const afterValue = windowValue(after);
  const decimals = DECIMALS;
  const change = beforeValue === null || afterValue === null ? null : round(afterValue - beforeValue, decimals);
  if (before.n < IMPROVEMENT_MIN_N || after.n < IMPROVEMENT_MIN_N) return { change, ci95: null, pValue: null, verdict: 'too_few' };

  const tested = test(before, after);
  const [lo, hi] = tested.ci95;
  const significant = tested.pValue < IMPROVEMENT_ALPHA;
  const better = significant && (betterDirection === 'higher' ? lo > 0 : hi < 0);
  const worse = significant && (betterDirection === 'higher' ? hi < 0 : lo > 0);
  return {
    change,
    ci95: [round(lo, decimals + 1), round(hi, decimals + 1)],
    pValue: Number(tested.pValue.toPrecision(3)),
    verdict: better ? 'improved' : worse ? 'worse' : 'no_change',
  };
}

/** The test of the indicator's kind (shared TEST_OF_KIND): change after - before in the indicator's unit. */
function test(before: WindowSample, after: WindowSample): { ci95: [number, number]; pValue: number } {
  if (before.kind === 'wait' && after.kind === 'wait') {
    // Mann-Whitney's p for the shift; the bootstrap interval for the median's change, which decides.
    const { ci95 } = medianDifference(before.tallies, after.tallies);
    return { ci95, pValue: mannWhitneyTallies(after.tallies, before.tallies).pValue };
  }
  if (before.kind === 'proportion' && after.kind === 'proportion') {
    const result = twoProportion(before, after);
    return { ci95: [100 * result.ci95[0], 100 * result.ci95[1]], pValue: result.pValue };
  }
  if (before.kind === 'nps' && after.kind === 'nps') {
    const { ci95, pValue } = npsDifference(before.counts, after.counts);
    return { ci95, pValue };
  }
  throw new Error('baseline and follow-up samples of different kinds');
}
