import { addDays, isCalendarDay, type CalendarDay } from './calendar-day';
import { COMMENT_THEME_KEY_PATTERN } from './comment-themes';
import { EARLIEST_DAY, LATEST_DAY } from './input-limits';
import { RATING_DIMENSIONS, type LocalizedText, type RatingDimension } from './surveys';

/*
 * Improvement actions, their before/after evaluation and indicator targets (DOMAIN.md, "Improvement
 * actions and the assessment report (PDCA)"; issue #15). The server validates and evaluates with
 * these rules; the client's forms and the report use the same ones.
 */

// ---------------------------------------------------------------------------------------------
// Indicators an action (or a target) can aim at
// ---------------------------------------------------------------------------------------------

/** Indicators without a parameter. */
export const FIXED_INDICATOR_KEYS = ['wait_median', 'wait_over_threshold', 'nps', 'csat', 'churn_rate', 'callback_completion'] as const;
export type FixedIndicatorKey = (typeof FIXED_INDICATOR_KEYS)[number];

/** Indicators with a parameter: `dimension:<RatingDimension>`, `theme_share:<comment theme key>`. */
export const PARAMETRIC_INDICATOR_PREFIXES = ['dimension', 'theme_share'] as const;
export type ParametricIndicatorPrefix = (typeof PARAMETRIC_INDICATOR_PREFIXES)[number];

export type IndicatorKey = FixedIndicatorKey | `dimension:${RatingDimension}` | `theme_share:${string}`;

/** The base of a key: the fixed key itself, or the prefix of a parametric one. */
export type IndicatorBase = FixedIndicatorKey | ParametricIndicatorPrefix;

/**
 * How an indicator is measured, hence which test judges a change:
 * - `wait`: minutes per visit, compared by median (Mann-Whitney U, bootstrap CI of the median difference)
 * - `proportion`: a share in % (two-proportion z test, CI of the difference in percentage points)
 * - `nps`: -100..100 (bootstrap CI of the NPS difference)
 * A rating dimension is a `proportion`: its top-2-box % (answers at or above TOP_BOX_MIN), the
 * dimension score the dashboard shows (indicators.ts ScoreFigure.value), not the mean rating.
 */
export const INDICATOR_KINDS = ['wait', 'proportion', 'nps'] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];

export const BETTER_DIRECTIONS = ['lower', 'higher'] as const;
export type BetterDirection = (typeof BETTER_DIRECTIONS)[number];

/**
 * `minutes`; `percent` (0-100, changes in percentage points); `nps` (-100..100). `rating` (a mean
 * on 1-5) is no indicator's unit any more (dimensions are judged by their top-2-box %); it stays
 * in the list only until the client's formatting drops its case, then goes.
 */
export const INDICATOR_UNITS = ['minutes', 'percent', 'nps', 'rating'] as const;
export type IndicatorUnit = (typeof INDICATOR_UNITS)[number];

export interface IndicatorDefinition {
  kind: IndicatorKind;
  betterDirection: BetterDirection;
  unit: IndicatorUnit;
  /** The range a value (and so a target) can take. */
  min: number;
  max: number;
  /** The indicator's name; a parametric one is followed by its dimension's or theme's name. */
  label: LocalizedText;
}

/** Wait medians and targets above a day are no figure a clinic works with. */
export const MAX_WAIT_MINUTES = 1440;

export const INDICATOR_DEFINITIONS: Readonly<Record<IndicatorBase, IndicatorDefinition>> = {
  wait_median: { kind: 'wait', betterDirection: 'lower', unit: 'minutes', min: 0, max: MAX_WAIT_MINUTES, label: { zh: '等候时间中位数', en: 'Median wait' } },
  wait_over_threshold: {
    kind: 'proportion',
    betterDirection: 'lower',
    unit: 'percent',
    min: 0,
    max: 100,
    label: { zh: '等候超时占比', en: 'Waits over threshold' },
  },
  nps: { kind: 'nps', betterDirection: 'higher', unit: 'nps', min: -100, max: 100, label: { zh: '净推荐值 (NPS)', en: 'NPS' } },
  csat: { kind: 'proportion', betterDirection: 'higher', unit: 'percent', min: 0, max: 100, label: { zh: '满意度 (CSAT)', en: 'CSAT' } },
  churn_rate: { kind: 'proportion', betterDirection: 'lower', unit: 'percent', min: 0, max: 100, label: { zh: '流失率', en: 'Churn rate' } },
  callback_completion: {
    kind: 'proportion',
    betterDirection: 'higher',
    unit: 'percent',
    min: 0,
    max: 100,
    label: { zh: '回访完成率', en: 'Callback completion' },
  },
  /** The dimension's top-2-box % (the dashboard's dimension score), judged as a share. */
  dimension: { kind: 'proportion', betterDirection: 'higher', unit: 'percent', min: 0, max: 100, label: { zh: '维度评分', en: 'Dimension rating' } },
  theme_share: { kind: 'proportion', betterDirection: 'lower', unit: 'percent', min: 0, max: 100, label: { zh: '留言主题占比', en: 'Comment theme share' } },
};

export interface ParsedIndicatorKey {
  base: IndicatorBase;
  /** The dimension or theme key of a parametric indicator, else null. */
  param: string | null;
}

/** Splits a key into its base and parameter; null when it is no indicator key (syntax and known dimensions only). */
export function parseIndicatorKey(value: unknown): ParsedIndicatorKey | null {
  if (typeof value !== 'string') return null;
  if ((FIXED_INDICATOR_KEYS as readonly string[]).includes(value)) return { base: value as FixedIndicatorKey, param: null };
  const colon = value.indexOf(':');
  if (colon < 0) return null;
  const prefix = value.slice(0, colon);
  const param = value.slice(colon + 1);
  if (prefix === 'dimension') return (RATING_DIMENSIONS as readonly string[]).includes(param) ? { base: 'dimension', param } : null;
  if (prefix === 'theme_share') return COMMENT_THEME_KEY_PATTERN.test(param) ? { base: 'theme_share', param } : null;
  return null;
}

/**
 * An indicator key's name: the definition's label, then its dimension's or theme's name, which the
 * caller words (dimensions are translated by each side; a theme's name is the hospital's own).
 */
export function indicatorKeyLabel(key: string, lang: 'zh' | 'en', paramName: (base: 'dimension' | 'theme_share', param: string) => string): string {
  const parsed = parseIndicatorKey(key);
  if (!parsed) return key;
  const label = INDICATOR_DEFINITIONS[parsed.base].label[lang];
  return parsed.param === null ? label : `${label}: ${paramName(parsed.base as 'dimension' | 'theme_share', parsed.param)}`;
}

/**
 * A well-formed indicator key. A theme key's existence is the server's to check (admins add
 * themes); dimensions are a fixed list, checked here.
 */
export function isIndicatorKey(value: unknown): value is IndicatorKey {
  return parseIndicatorKey(value) !== null;
}

export function indicatorDefinition(key: IndicatorKey): IndicatorDefinition {
  const parsed = parseIndicatorKey(key);
  if (!parsed) throw new Error(`not an indicator key: ${String(key)}`);
  return INDICATOR_DEFINITIONS[parsed.base];
}

/** The longest indicator key (`theme_share:` and a 40-character theme key): the column's width. */
export const INDICATOR_KEY_MAX_LENGTH = 60;

// ---------------------------------------------------------------------------------------------
// Actions
// ---------------------------------------------------------------------------------------------

export const IMPROVEMENT_STATUSES = ['planned', 'in_progress', 'done', 'abandoned'] as const;
export type ImprovementStatus = (typeof IMPROVEMENT_STATUSES)[number];

/** `pending`: the follow-up window has not begun yet, so nothing can be said. */
export const IMPROVEMENT_VERDICTS = ['improved', 'worse', 'no_change', 'too_few', 'pending'] as const;
export type ImprovementVerdict = (typeof IMPROVEMENT_VERDICTS)[number];

/** Below this many observations in either window, the verdict is `too_few` (DOMAIN.md). */
export const IMPROVEMENT_MIN_N = 30;

/**
 * The verdict claims only what both the interval and the test say: `improved` / `worse` when the
 * 95% interval of the change excludes 0 on that side AND the test's two-sided p is below this;
 * `no_change` otherwise. The interval and the p come from different procedures for waits
 * (bootstrap interval of the median's change, Mann-Whitney's p for the shift) and for shares
 * (Newcombe's interval, the pooled z test's p), so near the boundary one may say "changed" and the
 * other not: then there is no claim, never "improved (p = 0.2)" nor "no_change (p = 0.001)".
 */
export const IMPROVEMENT_ALPHA = 0.05;

export const IMPROVEMENT_TITLE_MAX_LENGTH = 200;
export const IMPROVEMENT_DESCRIPTION_MAX_LENGTH = 4000;
export const IMPROVEMENT_NOTE_MAX_LENGTH = 2000;

/** Window lengths in days (DOMAIN.md defaults: baseline 90 days before start, follow-up from start + 30 for 90). */
export const IMPROVEMENT_WINDOW_RANGES = {
  baselineDays: { min: 7, max: 365 },
  lagDays: { min: 0, max: 365 },
  followUpDays: { min: 7, max: 365 },
} as const;
export type ImprovementWindowSetting = keyof typeof IMPROVEMENT_WINDOW_RANGES;
export const IMPROVEMENT_WINDOW_DEFAULTS: Readonly<Record<ImprovementWindowSetting, number>> = {
  baselineDays: 90,
  lagDays: 30,
  followUpDays: 90,
};

/** A whole number inside the window setting's range. */
export function isImprovementWindowDays(setting: ImprovementWindowSetting, value: unknown): value is number {
  const range = IMPROVEMENT_WINDOW_RANGES[setting];
  return typeof value === 'number' && Number.isInteger(value) && value >= range.min && value <= range.max;
}

/** A calendar day the API accepts for start and end dates. */
export function isImprovementDay(value: unknown): value is CalendarDay {
  return isCalendarDay(value) && value >= EARLIEST_DAY && value <= LATEST_DAY;
}

/** An end date (if any) on or after the start: the rule behind `improvement.end_before_start`. */
export function isEndOnOrAfterStart(startDate: CalendarDay, endDate: CalendarDay | null | undefined): boolean {
  return endDate === null || endDate === undefined || endDate >= startDate;
}

/** Inclusive calendar days. */
export interface DayRange {
  from: CalendarDay;
  to: CalendarDay;
}

/** Baseline: the `baselineDays` before start; follow-up: from start + `lagDays`, for `followUpDays`. */
export function improvementWindows(
  startDate: CalendarDay,
  days: Readonly<Record<ImprovementWindowSetting, number>>,
): { baseline: DayRange; followUp: DayRange } {
  const followUpFrom = addDays(startDate, days.lagDays);
  return {
    baseline: { from: addDays(startDate, -days.baselineDays), to: addDays(startDate, -1) },
    followUp: { from: followUpFrom, to: addDays(followUpFrom, days.followUpDays - 1) },
  };
}

/** The statistical test used per indicator kind. */
export const IMPROVEMENT_TESTS = ['mann_whitney', 'two_proportion', 'bootstrap_nps'] as const;
export type ImprovementTest = (typeof IMPROVEMENT_TESTS)[number];

export const TEST_OF_KIND: Readonly<Record<IndicatorKind, ImprovementTest>> = {
  wait: 'mann_whitney',
  proportion: 'two_proportion',
  nps: 'bootstrap_nps',
};

export interface EvaluationWindow extends DayRange {
  /** Observations: visits with a wait, answers, cohort patients, callbacks due, comments. */
  n: number;
  /** The indicator over the window, in its unit (one decimal); null when n = 0. */
  value: number | null;
}

export interface ImprovementEvaluation {
  test: ImprovementTest;
  baseline: EvaluationWindow;
  /** Up to the follow-up window's end, or today while it runs (`followUpComplete` false). */
  followUp: EvaluationWindow;
  /** The follow-up window has ended: false means the verdict is interim (it may change as days are added). */
  followUpComplete: boolean;
  /** followUp.value - baseline.value in the indicator's unit (percentage points for shares); null when either is null. */
  change: number | null;
  /** The 95% interval of the change; null when the verdict is `too_few` or `pending`. */
  ci95: [number, number] | null;
  /**
   * Two-sided p (3 significant digits): Mann-Whitney's for waits, the pooled z test's for shares
   * (rating dimensions' top-2-box % too), the bootstrap's (twice the smaller tail) for NPS; null for `too_few`
   * and `pending`. The verdict needs both the interval and this p (IMPROVEMENT_ALPHA): when they
   * disagree it is `no_change`, so a shown p below 0.05 can stand next to `no_change`, never a p
   * of 0.05 or more next to `improved` / `worse`.
   */
  pValue: number | null;
  verdict: ImprovementVerdict;
  /**
   * false while the figures the indicator is read from are still being prepared (the survey
   * rollups after a start-up, for NPS, CSAT and rating dimensions): nothing could be read, so the
   * windows carry their days only (n 0, value null), change, interval and p are null and the verdict
   * is `pending`. Not an error: the action itself was read or saved; ask again shortly.
   */
  available: boolean;
}

export interface ImprovementActionSummary {
  id: number;
  title: string;
  /** null: the whole hospital. */
  departmentId: number | null;
  departmentName: string | null;
  ownerUserId: number;
  ownerName: string;
  indicator: IndicatorKey;
  betterDirection: BetterDirection;
  startDate: CalendarDay;
  endDate: CalendarDay | null;
  status: ImprovementStatus;
  baselineDays: number;
  lagDays: number;
  followUpDays: number;
  createdAt: string;
  updatedAt: string;
  /** The evaluation's verdict, change and p today (the detail has the windows and interval). */
  verdict: ImprovementVerdict;
  change: number | null;
  pValue: number | null;
  /**
   * The evaluation's `followUpComplete`: false while the follow-up window is still running (or has
   * not begun), so a verdict is interim and must be labelled so.
   */
  followUpComplete: boolean;
  /** The evaluation's `available`: false while its figures are being prepared (verdict `pending` then). */
  evaluationAvailable: boolean;
}

export interface ImprovementNote {
  id: number;
  text: string;
  at: string;
  author: { id: number; name: string } | null;
}

export interface ImprovementAction extends ImprovementActionSummary {
  description: string;
  createdBy: { id: number; name: string } | null;
  /** Oldest first. */
  notes: ImprovementNote[];
  evaluation: ImprovementEvaluation;
}

export interface ImprovementActionQuery {
  status?: ImprovementStatus;
  departmentId?: number;
  indicator?: IndicatorKey;
}

/** The fields of an action that a PATCH may change (and the create form edits), in the form's order. */
export const IMPROVEMENT_EDITABLE_FIELDS = [
  'title',
  'description',
  'departmentId',
  'ownerUserId',
  'indicator',
  'betterDirection',
  'startDate',
  'endDate',
  'status',
  'baselineDays',
  'lagDays',
  'followUpDays',
] as const;
export type ImprovementEditableField = (typeof IMPROVEMENT_EDITABLE_FIELDS)[number];

/**
 * A staff member an action can be given to (`GET /api/improvement-actions/owners`): the active
 * accounts by name only, for the quality managers who may not list accounts (`/api/users` is admin-only).
 */
export interface ImprovementOwner {
  id: number;
  name: string;
}

export interface ImprovementActionList {
  items: ImprovementActionSummary[];
}

export interface CreateImprovementActionRequest {
  title: string;
  description?: string;
  departmentId: number | null;
  ownerUserId: number;
  indicator: IndicatorKey;
  /** Default: the indicator's own (INDICATOR_DEFINITIONS). */
  betterDirection?: BetterDirection;
  startDate: CalendarDay;
  endDate?: CalendarDay | null;
  /** Default `planned`. */
  status?: ImprovementStatus;
  baselineDays?: number;
  lagDays?: number;
  followUpDays?: number;
}

/** Any editable field; `endDate: null` clears the end date. */
export type UpdateImprovementActionRequest = Partial<Omit<CreateImprovementActionRequest, 'endDate'>> & { endDate?: CalendarDay | null };

export interface CreateImprovementNoteRequest {
  text: string;
}

// ---------------------------------------------------------------------------------------------
// Targets
// ---------------------------------------------------------------------------------------------

export const TARGET_COMPARATORS = ['at_most', 'at_least'] as const;
export type TargetComparator = (typeof TARGET_COMPARATORS)[number];

/** A target for one indicator and one department (or the hospital, departmentId null). */
export interface IndicatorTarget {
  id: number;
  indicator: IndicatorKey;
  departmentId: number | null;
  departmentName: string | null;
  comparator: TargetComparator;
  value: number;
  updatedAt: string;
  updatedBy: { id: number; name: string } | null;
}

export interface IndicatorTargetList {
  items: IndicatorTarget[];
}

/** Upsert: one target per (indicator, department). */
export interface PutIndicatorTargetRequest {
  indicator: IndicatorKey;
  departmentId: number | null;
  comparator: TargetComparator;
  value: number;
}

/** The range a target's value may take for its indicator (INDICATOR_DEFINITIONS). */
export function targetValueRange(indicator: IndicatorKey): { min: number; max: number } {
  const { min, max } = indicatorDefinition(indicator);
  return { min, max };
}

/** A target's value carries at most this many decimals. */
export const TARGET_VALUE_MAX_DECIMALS = 2;

/**
 * The decimals of a number as written in its shortest decimal form (String(19.99) = "19.99": 2),
 * exponent notation included (1e-7: 7). Not `value * 100` against a whole number: in binary
 * floating point 19.99 · 100 = 1998.9999999999998.
 */
export function decimalPlaces(value: number): number {
  const [mantissa, exponent = '0'] = String(value).split('e');
  const fraction = mantissa.split('.')[1] ?? '';
  return Math.max(0, fraction.length - Number(exponent));
}

/** A finite number in the indicator's range, at most two decimals. */
export function isTargetValue(indicator: IndicatorKey, value: unknown): value is number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return false;
  const { min, max } = targetValueRange(indicator);
  return value >= min && value <= max && decimalPlaces(value) <= TARGET_VALUE_MAX_DECIMALS;
}

/** Whether `value` meets the target; null when there is no figure (n = 0) to judge. */
export function isTargetMet(target: Pick<IndicatorTarget, 'comparator' | 'value'>, value: number | null): boolean | null {
  if (value === null || !Number.isFinite(value)) return null;
  return target.comparator === 'at_most' ? value <= target.value : value >= target.value;
}

/**
 * The target that applies to an indicator in a department: the department's own, else the
 * hospital's (departmentId null). For the whole hospital (`departmentId` null), only the hospital's.
 */
export function targetFor<T extends Pick<IndicatorTarget, 'indicator' | 'departmentId'>>(
  targets: readonly T[],
  indicator: IndicatorKey,
  departmentId: number | null,
): T | undefined {
  const own = departmentId === null ? undefined : targets.find((t) => t.indicator === indicator && t.departmentId === departmentId);
  return own ?? targets.find((t) => t.indicator === indicator && t.departmentId === null);
}

/** The comparator a target takes by default: at most for lower-is-better indicators, at least otherwise. */
export function defaultComparator(indicator: IndicatorKey): TargetComparator {
  return indicatorDefinition(indicator).betterDirection === 'lower' ? 'at_most' : 'at_least';
}
