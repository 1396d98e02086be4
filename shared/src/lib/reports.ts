import type { CalendarDay } from './calendar-day';
import type { ClvUnit, RelationshipPhase } from './relationship';
import type { DimensionScore, FollowUpPoint, HeadlineName, LifecycleFlowLink, NpsFigure, ScoreFigure } from './indicators';
import type { WaitBand } from './drivers';
import { INDICATOR_DEFINITIONS, type BetterDirection, type FixedIndicatorKey, type ImprovementActionSummary, type TargetComparator } from './improvement';

/*
 * The monthly assessment report (客户关系现状评估报告; DOMAIN.md, "Improvement actions and the
 * assessment report"; issue #15): one month's figures for a department or the whole hospital, frozen
 * when stored. Every figure comes with its n; a section without data for the month is `null`
 * ("no data for this month"), never zeros.
 */

export const REPORT_FORMATS = ['json', 'pdf', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** `YYYY-MM`, months 01-12. */
export const REPORT_MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

export function isReportMonth(value: unknown): value is string {
  return typeof value === 'string' && REPORT_MONTH_PATTERN.test(value);
}

/** The month `delta` months from `month` (`2026-01`, -1 → `2025-12`). */
export function shiftMonth(month: string, delta: number): string {
  const [year, m] = month.split('-').map(Number);
  const index = year * 12 + (m - 1) + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The first and last calendar day of a month. */
export function monthBounds(month: string): { from: CalendarDay; to: CalendarDay } {
  const [year, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/** One figure with its n; value null when n = 0. */
export interface ReportFigure {
  value: number | null;
  n: number;
}

/** Whether a headline meets the target that applies to it (the department's own, else the hospital's). */
export interface ReportTargetCheck {
  comparator: TargetComparator;
  value: number;
  /** null: no figure this month to judge. */
  met: boolean | null;
}

export interface ReportHeadline extends ReportFigure {
  name: HeadlineName;
  /** The improvement indicator this headline is (targets and actions aim at it), else null. */
  indicator: string | null;
  /** Which way is better, for the comparisons and findings. */
  betterDirection: 'lower' | 'higher';
  previousMonth: ReportFigure;
  lastYear: ReportFigure;
  /** value - previous, one decimal; null when either is null. */
  changeFromPreviousMonth: number | null;
  changeFromLastYear: number | null;
  /** The target that applies (the department's own, else the hospital's), and whether the month meets it; null when none is set. */
  target: ReportTargetCheck | null;
}

export interface ReportWaitDistribution {
  /** Visits with a wait checked in during the month. */
  n: number;
  bands: { band: WaitBand; n: number; share: number | null }[];
  median: number | null;
  p90: number | null;
  mean: number | null;
}

export interface ReportSatisfaction {
  responses: number;
  invitations: number;
  responseRate: number | null;
  nps: NpsFigure;
  csat: ScoreFigure;
  dimensions: DimensionScore[];
}

export interface ReportChurn {
  /** Patients whose expected return + grace fell in the month. */
  cohort: number;
  lapsed: number;
  retained: number;
  churnRate: number | null;
  retention: number | null;
}

export type ReportFollowUp = Omit<FollowUpPoint, 'key'>;

export interface ReportTheme {
  key: string;
  nameZh: string;
  nameEn: string;
  n: number;
  share: number | null;
}

export interface ReportDetractorThemes {
  /** Detractors who left a comment in the month: the n of the shares. */
  comments: number;
  themes: ReportTheme[];
}

export interface ReportRelationship {
  /** Patients per phase on the month's last day (the pass's migration matrix), with the total as n. */
  phasesAtEnd: { phase: RelationshipPhase; n: number }[];
  patients: number;
  /** Phase on the first day → phase on the last day. */
  migration: { from: RelationshipPhase; to: RelationshipPhase; n: number }[];
  /** Patients with no phase on the first day, by their phase at the end. */
  entered: { to: RelationshipPhase; n: number }[];
  /** Σ CLV at the month's end (the daily pass's last snapshot of the month); null when none was taken. */
  customerEquity: number | null;
  equityPatients: number | null;
  clvUnit: ClvUnit;
}

/** An improvement action under way in the month, with its verdict when the report was generated. */
export type ReportAction = Pick<
  ImprovementActionSummary,
  'id' | 'title' | 'departmentId' | 'departmentName' | 'indicator' | 'status' | 'startDate' | 'endDate' | 'ownerName' | 'verdict' | 'change' | 'pValue'
> & {
  /** A comment theme's name when the indicator is its share (the hospital's own names); absent in reports stored before. */
  themeName?: { zh: string; en: string } | null;
};

export const FINDING_KINDS = ['largest_worsening', 'worsened', 'target_missed', 'department_outlier'] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

/** A rule-generated finding (largest worsening, a target missed, a department outside its funnel limit), with its n. */
export interface ReportFinding {
  kind: FindingKind;
  headline: HeadlineName;
  value: number | null;
  n: number;
  /** largest_worsening / worsened: last month's figure and the change. */
  previous?: ReportFigure;
  change?: number | null;
  /** target_missed: the target. */
  target?: { comparator: 'at_most' | 'at_least'; value: number };
  /** department_outlier: the department, the hospital's figure, the limit crossed and on which side. */
  departmentId?: number;
  departmentName?: string;
  hospitalValue?: number;
  limit?: FunnelLevel;
  side?: 'better' | 'worse';
}

export interface AssessmentReport {
  month: string;
  from: CalendarDay;
  to: CalendarDay;
  /** null: the whole hospital. */
  departmentId: number | null;
  departmentName: string | null;
  departmentNameEn: string | null;
  generatedAt: string;
  /** Who asked for it (first view or regenerate); null when the monthly schedule made it. */
  generatedBy: { id: number; name: string } | null;
  /** The current month: figures so far, computed on each request and never stored. */
  provisional: boolean;
  /** Served from the archive (frozen). */
  stored: boolean;
  settings: { timeZone: string; waitThresholdMinutes: number; returnGraceDays: number };
  previousMonth: string;
  lastYearMonth: string;
  headlines: ReportHeadline[];
  waitDistribution: ReportWaitDistribution | null;
  satisfaction: ReportSatisfaction | null;
  churn: ReportChurn | null;
  followUp: ReportFollowUp | null;
  lifecycleFlow: LifecycleFlowLink[] | null;
  /** null: no detractor left a comment this month (or no themes are defined). */
  detractorThemes: ReportDetractorThemes | null;
  /** null: the relationship pass has no figures for the month. */
  relationship: ReportRelationship | null;
  /** The improvement actions under way in the month (the department's and the hospital-wide ones), each with its verdict when the report was generated. */
  actions: ReportAction[];
  findings: ReportFinding[];
}

/** One stored report in the archive. */
export interface ArchivedReport {
  month: string;
  departmentId: number | null;
  departmentName: string | null;
  generatedAt: string;
  generatedBy: { id: number; name: string } | null;
}

export interface ReportArchive {
  items: ArchivedReport[];
}

export interface RegenerateReportRequest {
  month: string;
  departmentId?: number | null;
}

// ---------------------------------------------------------------------------------------------
// Funnel plot (Spiegelhalter 2005): control limits around the hospital's proportion for each n
// ---------------------------------------------------------------------------------------------

export const FUNNEL_LEVELS = ['95', '99.8'] as const;
export type FunnelLevel = (typeof FUNNEL_LEVELS)[number];

/** Two-sided normal quantiles: 95% → 1.96, 99.8% → 3.09. */
export const FUNNEL_Z: Readonly<Record<FunnelLevel, number>> = { '95': 1.959964, '99.8': 3.090232 };

/** A department's proportion needs this many observations before it is judged against the funnel. */
export const FUNNEL_MIN_N = 10;

/**
 * The normal-approximation funnel limits p ± z √(p(1-p)/n), in %, clipped to 0..100 (Spiegelhalter,
 * "Funnel plots for comparing institutional performance", Stat Med 2005;24:1185-1202).
 */
export function funnelLimits(hospitalPercent: number, n: number, level: FunnelLevel): { lower: number; upper: number } {
  const p = hospitalPercent / 100;
  const half = FUNNEL_Z[level] * Math.sqrt((p * (1 - p)) / n);
  return { lower: Math.max(0, 100 * (p - half)), upper: Math.min(100, 100 * (p + half)) };
}

/** The widest limit a department's proportion lies outside of, or null when inside the 95% limits (or n too small). */
export function funnelOutside(hospitalPercent: number, departmentPercent: number, n: number): { level: FunnelLevel; above: boolean } | null {
  if (n < FUNNEL_MIN_N) return null;
  for (const level of ['99.8', '95'] as const) {
    const { lower, upper } = funnelLimits(hospitalPercent, n, level);
    if (departmentPercent > upper) return { level, above: true };
    if (departmentPercent < lower) return { level, above: false };
  }
  return null;
}

/**
 * The improvement indicator each headline is (its targets and actions), and which way is better for
 * the headlines no action aims at (the others take their indicator's direction).
 */
export const HEADLINE_INDICATORS: Readonly<Record<HeadlineName, FixedIndicatorKey | null>> = {
  waitMedian: 'wait_median',
  waitP90: null,
  waitOverThreshold: 'wait_over_threshold',
  nps: 'nps',
  csat: 'csat',
  responseRate: null,
  fftPositive: null,
  churnRate: 'churn_rate',
  callbackCompletion: 'callback_completion',
};
const UNKEYED_DIRECTIONS: Readonly<Record<string, BetterDirection>> = { waitP90: 'lower', responseRate: 'higher', fftPositive: 'higher' };

export function headlineDirection(name: HeadlineName): BetterDirection {
  const key = HEADLINE_INDICATORS[name];
  return key === null ? UNKEYED_DIRECTIONS[name] : INDICATOR_DEFINITIONS[key].betterDirection;
}

/** Headlines that are shares in % of their n: each department is judged against the hospital's funnel. */
export const FUNNEL_HEADLINES: readonly HeadlineName[] = ['waitOverThreshold', 'csat', 'responseRate', 'churnRate', 'callbackCompletion'];
