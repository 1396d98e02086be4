/**
 * A sample as distinct values with their counts, ascending: how the database hands over waits
 * (the wait histograms) and ratings (counts per value), so a window of 100 000 visits is a few
 * hundred rows and no test touches each visit.
 */
export interface Tally {
  value: number;
  count: number;
}

/** The tallies of raw values, ascending (empty counts dropped). */
export function talliesOf(values: ArrayLike<number>): Tally[] {
  const counts = new Map<number, number>();
  for (let i = 0; i < values.length; i++) counts.set(values[i], (counts.get(values[i]) ?? 0) + 1);
  return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => a.value - b.value);
}

/** Ascending, each value once, no empty counts: what every test here expects. */
export function normalizeTallies(tallies: readonly Tally[]): Tally[] {
  const merged = new Map<number, number>();
  for (const { value, count } of tallies) if (count > 0) merged.set(value, (merged.get(value) ?? 0) + count);
  return [...merged].map(([value, count]) => ({ value, count })).sort((a, b) => a.value - b.value);
}

export function tallyTotal(tallies: readonly Tally[]): number {
  return tallies.reduce((sum, t) => sum + t.count, 0);
}

/** The value at a 1-based rank of the sorted sample (binary search over the running counts). */
export class RankedSample {
  readonly n: number;
  private readonly values: Float64Array;
  private readonly cumulative: Float64Array;

  constructor(tallies: readonly Tally[]) {
    const sorted = normalizeTallies(tallies);
    this.values = Float64Array.from(sorted, (t) => t.value);
    this.cumulative = new Float64Array(sorted.length);
    let running = 0;
    sorted.forEach((t, i) => (this.cumulative[i] = running += t.count));
    this.n = running;
  }

  valueAt(rank: number): number {
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid] >= rank) hi = mid;
      else lo = mid + 1;
    }
    return this.values[lo];
  }

  /** Nearest-rank percentile (DOMAIN.md, Statistics): the value at rank ceil(p/100 · n). */
  percentile(percent: number): number {
    return this.valueAt(Math.max(1, Math.ceil((percent / 100) * this.n)));
  }
}
