import { HEADLINE_NAMES, type Headline, type HeadlineName, SMALL_SAMPLE_N } from '@huifang/shared';
import type { Lang } from '../i18n/language';
import { type FigureUnit, type Translate, formatChange, formatFigure } from './figure-format';

export interface HeadlineSpec {
  unit: FigureUnit;
  /** Whether a rise is an improvement (satisfaction) or a worsening (waits, churn). */
  upIsGood: boolean;
}

export const HEADLINE_SPECS: Readonly<Record<HeadlineName, HeadlineSpec>> = {
  waitMedian: { unit: 'minutes', upIsGood: false },
  waitP90: { unit: 'minutes', upIsGood: false },
  waitOverThreshold: { unit: 'percent', upIsGood: false },
  nps: { unit: 'nps', upIsGood: true },
  csat: { unit: 'percent', upIsGood: true },
  responseRate: { unit: 'percent', upIsGood: true },
  fftPositive: { unit: 'percent', upIsGood: true },
  churnRate: { unit: 'percent', upIsGood: false },
  callbackCompletion: { unit: 'percent', upIsGood: true },
};

/**
 * - `none`: no data (n = 0 or a null figure), never shown as 0;
 * - `small`: n below SMALL_SAMPLE_N, shown with its n as a tentative figure;
 * - `ok`: a figure to rely on.
 */
export type FigureState = 'ok' | 'small' | 'none';

export interface ChangeView {
  direction: 'up' | 'down' | 'flat';
  /** Green for better, red for worse; neutral when flat or when either period is a small sample. */
  tone: 'good' | 'bad' | 'neutral';
  /** `+2.1 min`, `-3.4 pts`. */
  text: string;
}

export interface HeadlineView {
  name: HeadlineName;
  state: FigureState;
  /** The figure with its unit; null for no data. */
  value: string | null;
  n: number;
  /** The previous period's figure, null for no data. */
  previous: string | null;
  change: ChangeView | null;
}

export function figureState(value: number | null, n: number): FigureState {
  if (value === null || n === 0) return 'none';
  return n < SMALL_SAMPLE_N ? 'small' : 'ok';
}

export function headlineView(name: HeadlineName, headline: Headline, lang: Lang, t: Translate): HeadlineView {
  const spec = HEADLINE_SPECS[name];
  const state = figureState(headline.value, headline.n);
  const previousState = figureState(headline.previous, headline.previousN);
  return {
    name,
    state,
    value: state === 'none' || headline.value === null ? null : formatFigure(headline.value, spec.unit, lang, t),
    n: headline.n,
    previous: previousState === 'none' || headline.previous === null ? null : formatFigure(headline.previous, spec.unit, lang, t),
    change:
      headline.change === null || state === 'none' || previousState === 'none'
        ? null
        : changeView(headline.change, spec, state === 'small' || previousState === 'small', lang, t),
  };
}

/** Figures only some hospitals have (FFT answers come from imported NHS feedback): shown when either period has any. */
const SHOWN_WITH_DATA_ONLY: ReadonlySet<HeadlineName> = new Set(['fftPositive']);

/** Every headline of a summary, in the order of HEADLINE_NAMES (a data-only one left out while it has none). */
export function headlineViews(headlines: Record<HeadlineName, Headline>, lang: Lang, t: Translate): HeadlineView[] {
  return HEADLINE_NAMES.filter((name) => {
    const headline = headlines[name] as Headline | undefined;
    return headline !== undefined && !(SHOWN_WITH_DATA_ONLY.has(name) && headline.n === 0 && headline.previousN === 0);
  }).map((name) => headlineView(name, headlines[name], lang, t));
}

function changeView(change: number, spec: HeadlineSpec, tentative: boolean, lang: Lang, t: Translate): ChangeView {
  const direction = change > 0 ? 'up' : change < 0 ? 'down' : 'flat';
  const better = direction === 'up' ? spec.upIsGood : !spec.upIsGood;
  return {
    direction,
    tone: direction === 'flat' || tentative ? 'neutral' : better ? 'good' : 'bad',
    text: formatChange(change, spec.unit, lang, t),
  };
}
