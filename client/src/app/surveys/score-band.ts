import { SCALE } from '@huifang/shared';

/** How a score reads at a glance: red, amber or green. */
export type ScoreBand = 'low' | 'mid' | 'high';

/**
 * An NPS answer (0-10): detractors 0-6 are `low` (red), passives 7-8 `mid` (amber), promoters 9-10
 * `high` (green), as in DOMAIN.md. Anything outside 0-10 or not a whole number has no band.
 */
export function npsBand(score: number | null | undefined): ScoreBand | null {
  if (!isWholeIn(score, SCALE.nps.min, SCALE.nps.max)) {
    return null;
  }
  return score <= 6 ? 'low' : score <= 8 ? 'mid' : 'high';
}

/**
 * A CSAT or dimension rating (1-5): 1-2 `low` (these open service recovery), 3 `mid`, 4-5 `high`
 * (the top-2-box answers).
 */
export function ratingBand(score: number | null | undefined): ScoreBand | null {
  if (!isWholeIn(score, SCALE.rating.min, SCALE.rating.max)) {
    return null;
  }
  return score <= 2 ? 'low' : score === 3 ? 'mid' : 'high';
}

function isWholeIn(score: number | null | undefined, min: number, max: number): score is number {
  return typeof score === 'number' && Number.isInteger(score) && score >= min && score <= max;
}
