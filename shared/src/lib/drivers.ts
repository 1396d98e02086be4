import { CONFIDENCE_Z, type ConfidenceInterval } from './indicator-samples';
import { NPS_DETRACTOR_MAX, NPS_PROMOTER_MIN, SCALE, TOP_BOX_MIN } from './surveys';

/*
 * Drivers of dissatisfaction (issue #13, GET /api/indicators/drivers): which comment themes
 * over-represent among detractors, which rating dimensions move with the NPS answer, and how
 * satisfaction changes with the wait. The server's SQL returns counts only; every figure is worked
 * out here from those counts, so the maths lives once and is unit-tested (drivers.spec.ts).
 */

/** NPS answer bands (DOMAIN.md, Formulas), by the shared NPS constants. */
export const NPS_BANDS = ['detractor', 'passive', 'promoter'] as const;
export type NpsBandName = (typeof NPS_BANDS)[number];

export function npsBandName(nps: number | null | undefined): NpsBandName | null {
  if (typeof nps !== 'number' || !Number.isInteger(nps) || nps < SCALE.nps.min || nps > SCALE.nps.max) return null;
  return nps <= NPS_DETRACTOR_MAX ? 'detractor' : nps < NPS_PROMOTER_MIN ? 'passive' : 'promoter';
}

/**
 * Wait bands of the visit a response answers (wait = called - checked in, DOMAIN.md): each band
 * holds waits from `fromMinutes` (inclusive) up to `toMinutes` (exclusive): < 15, 15-30, 30-60, ≥ 60.
 * Visits never called have no wait and fall in no band.
 */
export const WAIT_BANDS = [
  { key: 'under_15', fromMinutes: 0, toMinutes: 15 },
  { key: '15_30', fromMinutes: 15, toMinutes: 30 },
  { key: '30_60', fromMinutes: 30, toMinutes: 60 },
  { key: 'over_60', fromMinutes: 60, toMinutes: null },
] as const satisfies readonly { key: string; fromMinutes: number; toMinutes: number | null }[];
export type WaitBand = (typeof WAIT_BANDS)[number]['key'];
export const WAIT_BAND_KEYS: readonly WaitBand[] = WAIT_BANDS.map((band) => band.key);

/** The band of a wait in seconds; null for no wait. */
export function waitBandOf(waitSeconds: number | null | undefined): WaitBand | null {
  if (typeof waitSeconds !== 'number' || !Number.isFinite(waitSeconds) || waitSeconds < 0) return null;
  return WAIT_BANDS.find((band) => band.toMinutes === null || waitSeconds < band.toMinutes * 60)?.key ?? null;
}

/**
 * The 95% interval of a difference of two independent shares: Newcombe's hybrid score interval
 * (Newcombe 1998, method 10), built from each share's Wilson interval. Unlike the Wald interval it
 * stays inside [-100, 100] and keeps a sensible width for small n or shares near 0 or 100 %.
 */
export const DRIVER_DIFFERENCE_CI_METHOD = 'newcombe_wilson' as const;
/** Impact of a dimension: Spearman's rank correlation with the NPS answer, ties given average ranks. */
export const DRIVER_CORRELATION_METHOD = 'spearman' as const;

/** Rounded figures: shares and percentage points one decimal, correlations three. */
const round1 = (x: number) => Math.round(x * 10) / 10;
const round3 = (x: number) => Math.round(x * 1000) / 1000;
const percentOf = (count: number, n: number) => (n === 0 ? null : round1((100 * count) / n));

/** The Wilson score interval of `hits` of `n` as fractions, unrounded (n > 0). */
function wilson(hits: number, n: number): [number, number] {
  const p = hits / n;
  const z2 = CONFIDENCE_Z * CONFIDENCE_Z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const margin = (CONFIDENCE_Z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return [Math.max(0, centre - margin), Math.min(1, centre + margin)];
}

/**
 * Newcombe's hybrid score 95% interval of p1 - p2 (x1 of n1 minus x2 of n2), in percentage points,
 * one decimal; null when either n is 0.
 */
export function differenceInterval(x1: number, n1: number, x2: number, n2: number): ConfidenceInterval | null {
  if (n1 <= 0 || n2 <= 0) return null;
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const [l1, u1] = wilson(x1, n1);
  const [l2, u2] = wilson(x2, n2);
  const d = p1 - p2;
  const low = d - Math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2);
  const high = d + Math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2);
  return { low: round1(100 * low), high: round1(100 * high) };
}

/** How many answers gave rating `x` and NPS `y` (one cell of the count table). */
export interface PairCount {
  x: number;
  y: number;
  count: number;
}

/** Average (mid) ranks of each value, 1-based, from the values' counts. */
function averageRanks(counts: Map<number, number>): Map<number, number> {
  const ranks = new Map<number, number>();
  let before = 0;
  for (const value of [...counts.keys()].sort((a, b) => a - b)) {
    const count = counts.get(value) ?? 0;
    ranks.set(value, before + (count + 1) / 2);
    before += count;
  }
  return ranks;
}

/**
 * Spearman's rho from a count table: the Pearson correlation of the average ranks (ties share
 * the mean of the ranks they span), weighted by each cell's count. Null when n < 2 or either
 * variable does not vary (three decimals otherwise).
 */
export function spearmanFromCounts(cells: readonly PairCount[]): { rho: number | null; n: number } {
  const xs = new Map<number, number>();
  const ys = new Map<number, number>();
  let n = 0;
  for (const { x, y, count } of cells) {
    if (count <= 0) continue;
    xs.set(x, (xs.get(x) ?? 0) + count);
    ys.set(y, (ys.get(y) ?? 0) + count);
    n += count;
  }
  if (n < 2) return { rho: null, n };
  const rx = averageRanks(xs);
  const ry = averageRanks(ys);
  const mean = (n + 1) / 2;
  let cov = 0;
  for (const { x, y, count } of cells) if (count > 0) cov += count * ((rx.get(x) ?? mean) - mean) * ((ry.get(y) ?? mean) - mean);
  const variance = (counts: Map<number, number>, ranks: Map<number, number>) =>
    [...counts].reduce((sum, [value, count]) => sum + count * ((ranks.get(value) ?? mean) - mean) ** 2, 0);
  const vx = variance(xs, rx);
  const vy = variance(ys, ry);
  if (vx === 0 || vy === 0) return { rho: null, n };
  return { rho: round3(cov / Math.sqrt(vx * vy)), n };
}

/**
 * Key-driver quadrants: impact (rho) against the current score (top-2-box %), each split at the
 * mean over the dimensions that have both. High impact and a low score: fix first.
 */
export const DRIVER_QUADRANTS = ['fix_first', 'maintain', 'monitor', 'secondary'] as const;
export type DriverQuadrant = (typeof DRIVER_QUADRANTS)[number];

export function quadrantOf(rho: number, score: number, cut: { rho: number; score: number }): DriverQuadrant {
  const highImpact = rho >= cut.rho;
  const lowScore = score < cut.score;
  if (highImpact) return lowScore ? 'fix_first' : 'maintain';
  return lowScore ? 'monitor' : 'secondary';
}

/** A share with what it counts: `count` of `n`, `value` in % (null when n = 0). */
export interface DriverShare {
  value: number | null;
  count: number;
  n: number;
}

export interface DriverTheme {
  theme: string;
  nameZh: string;
  nameEn: string;
  /** Of the detractors' tagged comments, those of this theme. */
  detractors: DriverShare;
  /** Of the promoters' tagged comments, those of this theme. */
  promoters: DriverShare;
  /** Detractors' share minus promoters' share, in percentage points; null when either n is 0. */
  difference: number | null;
  /** Its 95% interval (DRIVER_DIFFERENCE_CI_METHOD), in percentage points. */
  ci: ConfidenceInterval | null;
}

export interface DriverDimension {
  dimension: string;
  /** Spearman's rho of the rating against the NPS answer, over the `n` responses with both. */
  rho: number | null;
  n: number;
  /** The current score (DOMAIN.md: top-2-box % and mean) over every rating of the dimension (`scoreN`). */
  score: number | null;
  mean: number | null;
  scoreN: number;
  quadrant: DriverQuadrant | null;
}

export interface DriverWaitBand {
  band: WaitBand;
  /** Responses whose visit's wait falls in the band. */
  n: number;
  nps: { value: number | null; n: number };
  csat: { value: number | null; mean: number | null; n: number };
}

export interface DriversAnswer {
  from: string;
  to: string;
  departmentId: number | null;
  themes: {
    ciMethod: typeof DRIVER_DIFFERENCE_CI_METHOD;
    /** Responses with a tagged comment, by NPS band: the shares' denominators. */
    commented: { detractors: number; promoters: number };
    /** Largest difference first; themes never found in the period are left out. */
    items: DriverTheme[];
  };
  dimensions: {
    correlation: typeof DRIVER_CORRELATION_METHOD;
    /** Where the quadrants split (mean rho, mean score); null with no dimension having both. */
    cut: { rho: number; score: number } | null;
    items: DriverDimension[];
  };
  waitBands: DriverWaitBand[];
}

/** The counts the server's SQL returns (server/src/indicators/drivers.query.ts). */
export interface DriverCounts {
  /** Responses with a tagged comment per NPS band. */
  commented: { band: NpsBandName; count: number }[];
  /** Per theme and NPS band, responses whose comment shows the theme. */
  themes: { theme: string; nameZh: string; nameEn: string; band: NpsBandName; count: number }[];
  /** Per dimension, rating and NPS answer (null: no NPS answer), how many responses. */
  ratings: { dimension: string; rating: number; nps: number | null; count: number }[];
  /** Per wait band, NPS answer and CSAT answer (either may be null), how many responses. */
  waits: { band: WaitBand; nps: number | null; csat: number | null; count: number }[];
}

export function driversFromCounts(scope: { from: string; to: string; departmentId: number | null }, counts: DriverCounts): DriversAnswer {
  return { ...scope, themes: themeDrivers(counts), dimensions: dimensionDrivers(counts), waitBands: waitBandDrivers(counts) };
}

function themeDrivers(counts: DriverCounts): DriversAnswer['themes'] {
  const commentedIn = (band: NpsBandName) => counts.commented.filter((row) => row.band === band).reduce((sum, row) => sum + row.count, 0);
  const commented = { detractors: commentedIn('detractor'), promoters: commentedIn('promoter') };
  const byTheme = new Map<string, { nameZh: string; nameEn: string; detractor: number; promoter: number }>();
  for (const row of counts.themes) {
    const entry = byTheme.get(row.theme) ?? { nameZh: row.nameZh, nameEn: row.nameEn, detractor: 0, promoter: 0 };
    if (row.band !== 'passive') entry[row.band] += row.count;
    byTheme.set(row.theme, entry);
  }
  const items = [...byTheme].map(([theme, entry]): DriverTheme => {
    const detractors = { value: percentOf(entry.detractor, commented.detractors), count: entry.detractor, n: commented.detractors };
    const promoters = { value: percentOf(entry.promoter, commented.promoters), count: entry.promoter, n: commented.promoters };
    const both = commented.detractors > 0 && commented.promoters > 0;
    const difference = both ? round1((100 * entry.detractor) / commented.detractors - (100 * entry.promoter) / commented.promoters) : null;
    const ci = differenceInterval(entry.detractor, commented.detractors, entry.promoter, commented.promoters);
    return { theme, nameZh: entry.nameZh, nameEn: entry.nameEn, detractors, promoters, difference, ci };
  });
  items.sort((a, b) => (b.difference ?? -Infinity) - (a.difference ?? -Infinity) || a.theme.localeCompare(b.theme));
  return { ciMethod: DRIVER_DIFFERENCE_CI_METHOD, commented, items };
}

function dimensionDrivers(counts: DriverCounts): DriversAnswer['dimensions'] {
  const byDimension = new Map<string, DriverCounts['ratings']>();
  for (const row of counts.ratings) byDimension.set(row.dimension, [...(byDimension.get(row.dimension) ?? []), row]);
  const items = [...byDimension].map(([dimension, rows]): DriverDimension => {
    const { rho, n } = spearmanFromCounts(rows.flatMap((row) => (row.nps === null ? [] : [{ x: row.rating, y: row.nps, count: row.count }])));
    const scoreN = rows.reduce((sum, row) => sum + row.count, 0);
    const top = rows.reduce((sum, row) => sum + (row.rating >= TOP_BOX_MIN ? row.count : 0), 0);
    const total = rows.reduce((sum, row) => sum + row.rating * row.count, 0);
    return { dimension, rho, n, score: percentOf(top, scoreN), mean: scoreN === 0 ? null : round1(total / scoreN), scoreN, quadrant: null };
  });
  items.sort((a, b) => a.dimension.localeCompare(b.dimension));
  const placed = items.filter((item) => item.rho !== null && item.score !== null);
  if (placed.length === 0) return { correlation: DRIVER_CORRELATION_METHOD, cut: null, items };
  const cut = {
    rho: round3(placed.reduce((sum, item) => sum + (item.rho ?? 0), 0) / placed.length),
    score: round1(placed.reduce((sum, item) => sum + (item.score ?? 0), 0) / placed.length),
  };
  for (const item of placed) item.quadrant = quadrantOf(item.rho ?? 0, item.score ?? 0, cut);
  return { correlation: DRIVER_CORRELATION_METHOD, cut, items };
}

function waitBandDrivers(counts: DriverCounts): DriverWaitBand[] {
  return WAIT_BAND_KEYS.map((band) => {
    const rows = counts.waits.filter((row) => row.band === band);
    const sum = (pick: (row: DriverCounts['waits'][number]) => number) => rows.reduce((total, row) => total + pick(row), 0);
    const npsN = sum((row) => (row.nps === null ? 0 : row.count));
    const promoters = sum((row) => (npsBandName(row.nps) === 'promoter' ? row.count : 0));
    const detractors = sum((row) => (npsBandName(row.nps) === 'detractor' ? row.count : 0));
    const csatN = sum((row) => (row.csat === null ? 0 : row.count));
    const csatTop = sum((row) => (row.csat !== null && row.csat >= TOP_BOX_MIN ? row.count : 0));
    const csatTotal = sum((row) => (row.csat === null ? 0 : row.csat * row.count));
    return {
      band,
      n: sum((row) => row.count),
      nps: { value: percentOf(promoters - detractors, npsN), n: npsN },
      csat: { value: percentOf(csatTop, csatN), mean: csatN === 0 ? null : round1(csatTotal / csatN), n: csatN },
    };
  });
}

/** The Feedback responses list's filters behind a drivers cell (GET /api/survey-responses). */
export interface DriverResponseFilter {
  /** Responses whose NPS answer is in the band. */
  npsBand?: NpsBandName;
  /** Responses whose visit's wait is in the band. */
  waitBand?: WaitBand;
  /** Responses whose comment shows the theme (a comment_theme key). */
  themeId?: string;
}
