import { daysBetween } from './calendar-day';
import type { RelationshipStatus } from './lifecycle';

/**
 * Relationship phases and patient value (DOMAIN.md, "Relationship phases and patient value"): the
 * shape of a patient's relationship over time, derived by the server from the record, never typed in.
 */
export const RELATIONSHIP_PHASES = ['exploration', 'development', 'stable', 'decline'] as const;
export type RelationshipPhase = (typeof RELATIONSHIP_PHASES)[number];

export const VALUE_TIERS = ['high', 'medium', 'low'] as const;
export type ValueTier = (typeof VALUE_TIERS)[number];

/** Tier thresholds on the 0-100 value score: high ≥ 70, medium 40-69.9, low < 40. */
export const VALUE_TIER_MIN = { high: 70, medium: 40 } as const;

export function valueTierOf(score: number): ValueTier {
  if (score >= VALUE_TIER_MIN.high) return 'high';
  return score >= VALUE_TIER_MIN.medium ? 'medium' : 'low';
}

/**
 * The value score's terms and the most each adds (DOMAIN.md: 35 × min(F, 6) / 6 + 25 × A + 20 × S + 20 × O):
 * the server's formula and the patient page's bars.
 */
export const VALUE_TERM_WEIGHTS = { frequency: 35, adherence: 25, satisfaction: 20, outcome: 20 } as const;

/** The thresholds of DOMAIN.md's phase rules (the server decides with them; the patient page explains with them). */
export const PHASE_THRESHOLDS = {
  /** Decline: days without a visit over this and over `declineGapFactor` × the median gap, after ≥ `declineMinVisits` visits. */
  declineMinDays: 60,
  declineGapFactor: 2,
  declineMinVisits: 3,
  /** Stable: at least this many visits, the first this many days back, this share of due returns kept, latest NPS at least this. */
  stableMinVisits: 4,
  stableMinDays: 365,
  stableMinKeptShare: 0.8,
  stableMinNps: 7,
  /** Value: visits a year count up to this many. */
  frequencyCap: 6,
} as const;

/** Which of the stable phase's conditions the record does not meet (all met: []). */
export function unmetStableConditions(f: RelationshipFactors): ('visits' | 'firstVisit' | 'kept' | 'nps')[] {
  const t = PHASE_THRESHOLDS;
  const unmet: ('visits' | 'firstVisit' | 'kept' | 'nps')[] = [];
  if (f.visits < t.stableMinVisits) unmet.push('visits');
  if (f.firstVisitOn === null || daysBetween(f.firstVisitOn, f.asOf) < t.stableMinDays) unmet.push('firstVisit');
  if (f.dueExpectations > 0 && f.keptExpectations / f.dueExpectations < t.stableMinKeptShare) unmet.push('kept');
  if (f.latestNps !== null && f.latestNps < t.stableMinNps) unmet.push('nps');
  return unmet;
}

/** CLV is money (CNY) once any visit carries a charge, else expected visits (DOMAIN.md). */
export const CLV_UNITS = ['CNY', 'visits'] as const;
export type ClvUnit = (typeof CLV_UNITS)[number];

/** Why a patient is in their phase, in the order DOMAIN.md tests the conditions. */
export const PHASE_REASONS = [
  'status_lapsed',
  'status_at_risk',
  'visits_stopped',
  'detractor_after_second_visit',
  'fewer_than_two_visits',
  'stable_record',
  'developing',
] as const;
export type PhaseReason = (typeof PHASE_REASONS)[number];

/** A win-back call's reason: this prefix, then the decline's reasons (PHASE_REASONS) joined by commas. */
export const WIN_BACK_REASON_PREFIX = 'decline:';

/** The decline's reasons a win-back call's reason names, or null for any other reason text. */
export function winBackReasons(reason: string | null): PhaseReason[] | null {
  if (!reason?.startsWith(WIN_BACK_REASON_PREFIX)) return null;
  const codes = reason.slice(WIN_BACK_REASON_PREFIX.length).split(',');
  return codes.every((code) => (PHASE_REASONS as readonly string[]).includes(code)) ? (codes as PhaseReason[]) : null;
}

/** The facts a patient's phase and value were worked out from, for the patient page's "why". */
export interface RelationshipFactors {
  /** The day they were worked out for (hospital time zone). */
  asOf: string;
  visits: number;
  visitsLast365Days: number;
  firstVisitOn: string | null;
  lastVisitOn: string | null;
  daysSinceLastVisit: number | null;
  /** Median days between consecutive visits (nearest rank); null with fewer than two visits. */
  medianGapDays: number | null;
  /** Return expectations whose date + grace has passed, and how many of them were kept. */
  dueExpectations: number;
  keptExpectations: number;
  /** Days the latest return came after its expected date (negative: early); null when none. */
  lastReturnDaysLate: number | null;
  latestNps: number | null;
  latestNpsOn: string | null;
  status: RelationshipStatus;
  /** The patient ever reached rehabilitation or follow-up (the treatment outcome term). */
  outcomeReached: boolean;
}

export interface ValueBreakdown {
  /** The four terms of the value score (DOMAIN.md), each already weighted; they add up to `score`. */
  frequency: number;
  adherence: number;
  satisfaction: number;
  outcome: number;
}

/** A patient's relationship as the patient page shows it. */
export interface PatientRelationship {
  phase: RelationshipPhase;
  phaseSince: string | null;
  valueScore: number;
  valueTier: ValueTier;
  clv: number;
  clvUnit: ClvUnit;
  reasons: PhaseReason[];
  value: ValueBreakdown;
  factors: RelationshipFactors;
  /**
   * The 12-month retention (percent) CLV used, with its n: the patient's phase's, or the hospital's
   * over all phases when nobody was in that phase a year ago (`hospitalWide`).
   */
  retention: { rate: number; n: number; hospitalWide: boolean };
  /** The phase history, newest first. */
  history: PhaseChange[];
}

export interface PhaseChange {
  on: string;
  from: RelationshipPhase | null;
  to: RelationshipPhase;
}

/** `GET /api/indicators/relationship`. */
export interface RelationshipIndicator {
  from: string;
  to: string;
  departmentId: number | null;
  /** Current patients per phase × value tier (the patients' last department). */
  counts: { phase: RelationshipPhase; tier: ValueTier; n: number; clv: number }[];
  total: number;
  clvUnit: ClvUnit;
  /** Σ CLV over the patients in scope now. */
  customerEquity: number;
  /** High-value patients in decline, of all high-value patients. */
  highValueInDecline: { n: number; of: number; share: number | null };
  /** One matrix per month in the period: phase on the month's first day → on its last day (or today). */
  migration: MonthlyPhaseMigration[];
  /** Customer equity at the end of each month in the period (the daily pass's snapshot), then now. */
  equityTrend: { month: string; equity: number | null; patients: number | null }[];
  /** Observed 12-month retention per phase, with n (what CLV uses). */
  retention: { phase: RelationshipPhase; rate: number | null; n: number }[];
  /** When the daily pass last ran (the migration and trend are as of then). */
  computedAt: string | null;
}

export interface MonthlyPhaseMigration {
  month: string;
  cells: { from: RelationshipPhase; to: RelationshipPhase; n: number }[];
  /** Patients who had no phase on the month's first day (new), by their phase at its end. */
  entered: { to: RelationshipPhase; n: number }[];
}

/** The settings' discount rate for CLV, in whole percent (DOMAIN.md default 0.08). */
export const DEFAULT_CLV_DISCOUNT_PERCENT = 8;
