import { RELATIONSHIP_PHASES, type ClvUnit, type RelationshipPhase } from '@huifang/shared';
import type { PatientHistory } from './patient-history';

/*
 * Customer lifetime value (DOMAIN.md): CLV = Σ t=1..5 of r × m × p^t / (1 + d)^t, with r the visits
 * of the last 365 days, m the patient's mean charge (else their department's, else the hospital's;
 * 1 when no visit carries a charge: CLV is then in expected visits), p the observed 12-month
 * retention of the patient's phase, d the discount rate.
 */

export const CLV_YEARS = 5;
/** The charges a patient's mean is taken over: the last three years. */
export const CHARGE_WINDOW_DAYS = 3 * 365;

export interface PhaseRetention {
  /** Of the patients in the phase 365 days before the day, the share with a visit since; null when n = 0. */
  rate: number | null;
  n: number;
}

export type RetentionByPhase = Record<RelationshipPhase, PhaseRetention>;

export interface ChargeMeans {
  /** Mean charge in fen per department over the window; departments without charges are absent. */
  byDepartment: ReadonlyMap<number, number>;
  /** Null when no visit in the window carries a charge. */
  hospital: number | null;
}

export function clvUnitOf(means: ChargeMeans): ClvUnit {
  return means.hospital === null ? 'visits' : 'CNY';
}

/**
 * The CLV in its unit (yuan, two decimals; or expected visits, two decimals). A phase nobody was in a
 * year ago has no observed retention: the hospital-wide one stands in, and 0 when there is none.
 */
export function clvOf(
  history: PatientHistory,
  input: { day: number; visitsLast365Days: number; phase: RelationshipPhase },
  retention: RetentionByPhase,
  means: ChargeMeans,
  discountRate: number,
): number {
  const m = meanChargeOf(ownMeanCharge(history, input.day), history.departmentId, means);
  return clvFrom(input.visitsLast365Days, m, effectiveRetention(retention, input.phase).rate, discountRate, means);
}

/** Σ t=1..5 of r × m × p^t / (1 + d)^t, in yuan (from fen) when money, else in visits; two decimals. */
export function clvFrom(visitsAYear: number, meanCharge: number, p: number, discountRate: number, means: ChargeMeans): number {
  let clv = 0;
  for (let t = 1; t <= CLV_YEARS; t += 1) clv += (visitsAYear * meanCharge * p ** t) / (1 + discountRate) ** t;
  const inUnit = means.hospital === null ? clv : clv / 100;
  return Math.round(inUnit * 100) / 100;
}

/** The patient's own mean charge (fen) over the window ending at `day`, or null without charged visits. */
export function ownMeanCharge(history: PatientHistory, day: number): number | null {
  let total = 0;
  let n = 0;
  for (const e of history.encounters) {
    if (!e.finished || e.chargeFen === null || e.day > day || e.day <= day - CHARGE_WINDOW_DAYS) continue;
    total += e.chargeFen;
    n += 1;
  }
  return n === 0 ? null : total / n;
}

/** m: the patient's own mean, else their department's, else the hospital's; 1 when no charges exist. */
export function meanChargeOf(own: number | null, departmentId: number | null, means: ChargeMeans): number {
  if (means.hospital === null) return 1;
  return own ?? (departmentId !== null ? means.byDepartment.get(departmentId) : undefined) ?? means.hospital;
}

/** The p CLV uses for a phase: its own observed retention, else the hospital-wide one, else 0. */
export function effectiveRetention(retention: RetentionByPhase, phase: RelationshipPhase): { rate: number; n: number; hospitalWide: boolean } {
  const own = retention[phase];
  if (own.rate !== null) return { rate: own.rate, n: own.n, hospitalWide: false };
  const n = RELATIONSHIP_PHASES.reduce((sum, p) => sum + retention[p].n, 0);
  return { rate: overallRate(retention) ?? 0, n, hospitalWide: true };
}

function overallRate(retention: RetentionByPhase): number | null {
  const n = RELATIONSHIP_PHASES.reduce((sum, phase) => sum + retention[phase].n, 0);
  if (n === 0) return null;
  return RELATIONSHIP_PHASES.reduce((sum, phase) => sum + (retention[phase].rate ?? 0) * retention[phase].n, 0) / n;
}
