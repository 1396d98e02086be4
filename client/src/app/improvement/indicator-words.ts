import {
  type BetterDirection,
  type CommentTheme,
  FIXED_INDICATOR_KEYS,
  IMPROVEMENT_MIN_N,
  type ImprovementActionSummary,
  type ImprovementVerdict,
  type IndicatorKey,
  type IndicatorUnit,
  improvementWindows,
  indicatorDefinition,
  RATING_DIMENSIONS,
  parseIndicatorKey,
} from '@huifang/shared';
import { type Translate, formatDecimal } from '../dashboard/figure-format';
import type { Lang } from '../i18n/language';


/**
 * An indicator's name in the UI language: the shared label, and for a parametric one its
 * dimension (root `dimensions.*`) or comment theme (by the theme list; the key while it is not loaded).
 */
export function indicatorLabel(key: IndicatorKey, lang: Lang, t: Translate, themes: readonly CommentTheme[] = []): string {
  const parsed = parseIndicatorKey(key);
  if (!parsed) return key;
  const label = indicatorDefinition(key).label[lang];
  if (parsed.param === null) return label;
  if (parsed.base === 'dimension') {
    const dimensionKey = `dimensions.${parsed.param}`;
    const name = t(dimensionKey);
    return `${label}: ${name && name !== dimensionKey ? name : parsed.param}`;
  }
  const theme = themes.find((candidate) => candidate.key === parsed.param);
  return `${label}: ${theme ? (lang === 'en' ? theme.nameEn : theme.nameZh) : parsed.param}`;
}

/** A value in its unit: `12.5 min`, `45.0%`, `32.0` (NPS), `4.25` (a mean rating). */
export function formatIndicatorValue(value: number, unit: IndicatorUnit, lang: Lang, t: Translate): string {
  switch (unit) {
    case 'minutes':
      return t('improvement.units.minutes', { value: formatDecimal(value, lang) });
    case 'percent':
      return t('improvement.units.percent', { value: formatDecimal(value, lang) });
    case 'nps':
      return formatDecimal(value, lang);
    case 'rating':
      return ratingFormat(lang).format(value);
  }
}

/** A change in its unit: `+2.1 min`, `-3.4 pts` (shares change by percentage points), `+5.0`, `+0.12`. */
export function formatIndicatorChange(change: number, unit: IndicatorUnit, lang: Lang, t: Translate): string {
  switch (unit) {
    case 'minutes':
      return t('improvement.units.minutes', { value: formatDecimal(change, lang, true) });
    case 'percent':
      return t('improvement.units.points', { value: formatDecimal(change, lang, true) });
    case 'nps':
      return formatDecimal(change, lang, true);
    case 'rating':
      return ratingFormat(lang, true).format(change);
  }
}

/** `0.003`, `< 0.001`: never `0.000`, which would claim certainty no test gives. */
export function formatPValue(p: number): string {
  return p < 0.001 ? '< 0.001' : `= ${p.toFixed(3)}`;
}

/** A translation key with its params (the template translates it, so it follows the words as they load). */
export interface Words {
  key: string;
  params: Record<string, unknown>;
}

/**
 * The verdict in words: "improved (p = 0.003)", "no detectable change", "worse (p = 0.020)",
 * "too few answers to tell (n < 30)", that the follow-up has not begun (and when it will), or that
 * the figures are still being prepared.
 */
export function verdictWords(
  action: Pick<ImprovementActionSummary, 'verdict' | 'pValue' | 'startDate' | 'baselineDays' | 'lagDays' | 'followUpDays' | 'evaluationAvailable'>,
): Words {
  // The figures are being prepared (the satisfaction rollups at a start-up): no verdict yet, but not for want of days.
  if (!action.evaluationAvailable) return { key: 'improvement.verdicts.unavailable', params: {} };
  switch (action.verdict) {
    case 'improved':
    case 'worse':
      return action.pValue === null
        ? { key: `improvement.verdicts.${action.verdict}`, params: {} }
        : { key: `improvement.verdicts.${action.verdict}WithP`, params: { p: formatPValue(action.pValue) } };
    case 'no_change':
      return { key: 'improvement.verdicts.no_change', params: {} };
    case 'too_few':
      return { key: 'improvement.verdicts.too_few', params: { n: IMPROVEMENT_MIN_N } };
    case 'pending':
      return { key: 'improvement.verdicts.pending', params: { from: improvementWindows(action.startDate, action).followUp.from } };
  }
}

/** A verdict on a follow-up still running: it may change as days are added, and says so. */
export function isInterim(action: Pick<ImprovementActionSummary, 'verdict' | 'followUpComplete' | 'evaluationAvailable'>): boolean {
  return action.evaluationAvailable && action.verdict !== 'pending' && !action.followUpComplete;
}

/** The badge's colour: green for better, red for worse, grey when nothing can be said. */
export function verdictTone(verdict: ImprovementVerdict): 'good' | 'bad' | 'neutral' {
  return verdict === 'improved' ? 'good' : verdict === 'worse' ? 'bad' : 'neutral';
}

export function directionText(direction: BetterDirection, t: Translate): string {
  return t(`improvement.directions.${direction}`);
}

const RATING_FORMATS = new Map<string, Intl.NumberFormat>();

/** Mean ratings carry two decimals (the API's rounding for `rating`). */
function ratingFormat(lang: Lang, signed = false): Intl.NumberFormat {
  const key = `${lang}:${signed}`;
  let format = RATING_FORMATS.get(key);
  if (!format) {
    format = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US', {
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
      signDisplay: signed ? 'exceptZero' : 'auto',
    });
    RATING_FORMATS.set(key, format);
  }
  return format;
}

export interface IndicatorChoiceGroup {
  labelKey: string;
  options: { key: IndicatorKey; label: string }[];
}

/**
 * The indicators to choose from, in groups: the figures, each rating dimension, each comment theme
 * (the enabled ones, and `chosen` if it is a theme switched off since).
 */
export function indicatorChoices(themes: readonly CommentTheme[], lang: Lang, t: Translate, chosen: string | null): IndicatorChoiceGroup[] {
  const option = (key: IndicatorKey) => ({ key, label: indicatorLabel(key, lang, t, themes) });
  const themeKeys = themes.filter((theme) => theme.enabled || chosen === `theme_share:${theme.key}`).map((theme) => `theme_share:${theme.key}` as const);
  return [
    { labelKey: 'improvement.indicatorGroups.figures', options: FIXED_INDICATOR_KEYS.map(option) },
    { labelKey: 'improvement.indicatorGroups.dimensions', options: RATING_DIMENSIONS.map((d) => option(`dimension:${d}`)) },
    { labelKey: 'improvement.indicatorGroups.themes', options: themeKeys.map(option) },
  ].filter((group) => group.options.length > 0);
}
