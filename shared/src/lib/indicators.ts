import type { FftFigure } from './fft';
import type { LifecycleStage, RelationshipStatus } from './lifecycle';
import type { SurveyLanguage } from './surveys';

/** A share in percent (CSAT, a band's share, a theme's share) runs from 0 to this. */
export const FULL_SHARE_PERCENT = 100;

export * from './indicator-samples';

/**
 * Indicators (DOMAIN.md, Indicators and Statistics). Every figure comes with its `n`; a figure
 * with n = 0 is `null`, never 0. Minutes and percentages carry one decimal.
 */
export const INDICATOR_NAMES = ['wait-time', 'satisfaction', 'churn', 'follow-up'] as const;
export type IndicatorName = (typeof INDICATOR_NAMES)[number];

export const INDICATOR_GROUPINGS = ['day', 'week', 'month', 'department'] as const;
export type IndicatorGrouping = (typeof INDICATOR_GROUPINGS)[number];


/** The longest period one request may cover, and the longest for `groupBy=day`. */
export const MAX_PERIOD_DAYS = 1100;
export const MAX_DAILY_PERIOD_DAYS = 366;

/** `from`/`to` are inclusive calendar days in the hospital's time zone. */
export interface IndicatorQuery {
  from: string;
  to: string;
  departmentId?: number;
  /** Series only; default `month`. */
  groupBy?: IndicatorGrouping;
  /** Satisfaction only (series, CSV, drill-down): responses to, and invitations of, one survey template. */
  templateId?: number;
}

/**
 * The bucket a point stands for: `2026-03-05` (day), `2026-03-02` (the Monday starting the ISO
 * week), `2026-03` (month), or a department id as a string (`department`).
 */
export type GroupKey = string;

export interface WaitTimePoint {
  key: GroupKey;
  /** Encounters with both check-in and call times. */
  n: number;
  mean: number | null;
  median: number | null;
  p90: number | null;
  /** How many waited longer than the threshold, and their share in %. */
  overThresholdCount: number;
  overThreshold: number | null;
}

export interface ScoreFigure {
  /** NPS (-100..100) or top-2-box % (0..100). */
  value: number | null;
  /** Mean on the question's own scale (CSAT and dimensions: 1-5). */
  mean: number | null;
  n: number;
}

export interface NpsFigure {
  value: number | null;
  n: number;
  promoters: number;
  passives: number;
  detractors: number;
}

export interface DimensionScore extends ScoreFigure {
  dimension: string;
}

export interface SatisfactionPoint {
  key: GroupKey;
  /** Responses submitted in the bucket. */
  n: number;
  /** Invitations created in the bucket. */
  invitations: number;
  /** Of those invitations, how many have been answered (whenever the answer came). */
  answered: number;
  /** answered / invitations, in %: responses counted against the invitations they answer, never above 100. */
  responseRate: number | null;
  nps: NpsFigure;
  csat: ScoreFigure;
  /** NHS Friends and Family Test answers (imported historical feedback): % positive of answers 1-6. Never in `nps`. */
  fft: FftFigure;
  dimensions: DimensionScore[];
}

export interface ChurnPoint {
  key: GroupKey;
  /** Cohort size: patients whose expected return + grace fell in the bucket. */
  n: number;
  lapsed: number;
  churnRate: number | null;
  retention: number | null;
}

export interface FollowUpPoint {
  key: GroupKey;
  /** Callbacks due in the bucket whose due time has passed (cancelled ones excluded). */
  n: number;
  completed: number;
  reached: number;
  failed: number;
  completionRate: number | null;
  /** reached / completed, in %. */
  reachedRate: number | null;
  /** Median hours from due to completion, over the completed ones. */
  medianHoursToComplete: number | null;
  serviceRecoveryOpened: number;
  serviceRecoveryClosed: number;
}

export interface IndicatorPointMap {
  'wait-time': WaitTimePoint;
  satisfaction: SatisfactionPoint;
  churn: ChurnPoint;
  'follow-up': FollowUpPoint;
}

/** A series: one point per bucket of the period (empty buckets included, with n = 0). */
export interface IndicatorSeries<N extends IndicatorName = IndicatorName> {
  indicator: N;
  from: string;
  to: string;
  departmentId: number | null;
  groupBy: IndicatorGrouping;
  /** The survey template a satisfaction series is narrowed to, else null. */
  templateId: number | null;
  points: IndicatorPointMap[N][];
}

/** One headline figure with the same figure for the previous period of equal length. */
export interface Headline {
  value: number | null;
  n: number;
  previous: number | null;
  previousN: number;
  /** value - previous, one decimal; null when either is null. */
  change: number | null;
}

export const HEADLINE_NAMES = [
  'waitMedian',
  'waitP90',
  'waitOverThreshold',
  'nps',
  'csat',
  'responseRate',
  'fftPositive',
  'churnRate',
  'callbackCompletion',
] as const;
export type HeadlineName = (typeof HEADLINE_NAMES)[number];

export interface IndicatorSummary {
  from: string;
  to: string;
  previousFrom: string;
  previousTo: string;
  departmentId: number | null;
  headlines: Record<HeadlineName, Headline>;
  /** Current counts (today), not per period; filtered by the patient's last department. */
  statusCounts: Record<RelationshipStatus, number>;
  /** Callbacks overdue right now. */
  overdueCallbacks: number;
}

/**
 * Which rows of a figure a drill-down lists. `all` is every row behind the bucket's `n`.
 * - wait-time: `all` (encounters with a wait), `over_threshold`
 * - satisfaction: `all` (responses), `promoters`, `passives`, `detractors`, `csat_low` (CSAT <= 2)
 * - churn: `all` (cohort), `lapsed`, `retained`
 * - follow-up: `all` (due), `completed`, `reached`, `failed`, `open` (not yet completed), `service_recovery`
 */
export const DRILL_DOWN_SEGMENTS = {
  'wait-time': ['all', 'over_threshold'],
  satisfaction: ['all', 'promoters', 'passives', 'detractors', 'csat_low'],
  churn: ['all', 'lapsed', 'retained'],
  'follow-up': ['all', 'completed', 'reached', 'failed', 'open', 'service_recovery'],
} as const satisfies Record<IndicatorName, readonly string[]>;
export type DrillDownSegment = (typeof DRILL_DOWN_SEGMENTS)[IndicatorName][number];

/**
 * One drill-down CSV holds at most this many rows; a wider one is refused (`indicator.export_too_large`)
 * rather than building a file no spreadsheet opens and an audit trail of that many entries at once.
 */
export const DRILL_DOWN_EXPORT_MAX_ROWS = 10_000;

/** The columns a drill-down sorts on: the day it counted, its value, the patient's name, department, stage, status. */
export const DRILL_DOWN_SORT_KEYS = ['on', 'value', 'patient', 'department', 'stage', 'status'] as const;
export type DrillDownSortKey = (typeof DRILL_DOWN_SORT_KEYS)[number];

/** `on` ascending, `-on` descending; ties keep the newest row first, so pages never shuffle. */
export const DRILL_DOWN_SORTS = DRILL_DOWN_SORT_KEYS.flatMap((key) => [key, `-${key}`] as const);
export type DrillDownSort = (typeof DRILL_DOWN_SORTS)[number];
export const DEFAULT_DRILL_DOWN_SORT: DrillDownSort = '-on';

export function drillDownSort(key: DrillDownSortKey, direction: 'asc' | 'desc'): DrillDownSort {
  return direction === 'asc' ? key : `-${key}`;
}

/** The language of an exported CSV's headers and labels (the user's UI language). */
export type ExportLanguage = SurveyLanguage;

export interface DrillDownQuery extends IndicatorQuery {
  /** Narrow to one point of a series (with the `groupBy` it came from); omitted = the whole period. */
  key?: GroupKey;
  segment?: DrillDownSegment;
  sort?: DrillDownSort;
  page?: number;
  pageSize?: number;
}

/** One row behind a figure: the patient, and the encounter / response / callback that counted. */
export interface DrillDownRow {
  /** null (name and phone empty, no stage or status) for imported historical feedback: anonymous. */
  patientId: number | null;
  patientName: string;
  phoneMasked: string;
  departmentId: number | null;
  departmentName: string | null;
  /** The calendar day the row counted on (check-in, submission, expected return + grace, due). */
  on: string;
  /** The row's measure: wait minutes, NPS answer, days overdue, hours to completion; null if none. */
  value: number | null;
  /** The encounter, response or callback id. */
  refId: number;
  stage: LifecycleStage | null;
  status: RelationshipStatus | null;
}

/** Lifecycle flow: stage transitions in the period, plus patients who lapsed from their stage. */
export const FLOW_TARGETS = ['first_visit', 'treatment', 'rehabilitation', 'follow_up', 'lapsed'] as const;
export type FlowTarget = (typeof FLOW_TARGETS)[number];

export interface LifecycleFlowLink {
  from: LifecycleStage;
  to: FlowTarget;
  n: number;
}

export interface LifecycleFlow {
  from: string;
  to: string;
  departmentId: number | null;
  links: LifecycleFlowLink[];
}

/** Front desk's live board for today. */
export interface LiveBoard {
  today: string;
  waitingNow: number;
  departments: { departmentId: number; departmentName: string; waiting: number; medianWaitSoFar: number | null; n: number }[];
  callbacksDueToday: number;
  callbacksOverdue: number;
}
