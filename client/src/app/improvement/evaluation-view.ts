import { type ImprovementAction, type IndicatorKey, indicatorDefinition } from '@huifang/shared';
import type { Translate } from '../dashboard/figure-format';
import type { Lang } from '../i18n/language';
import { type Words, formatIndicatorChange, isInterim, formatIndicatorValue, formatPValue, verdictTone, verdictWords } from './indicator-words';

export interface WindowView {
  from: string;
  to: string;
  n: number;
  /** `—` for no observations. */
  value: string;
}

/** An action's before/after evaluation as the detail page shows it: figures with their units, the test named. */
export interface EvaluationView {
  verdict: Words;
  /** The follow-up still runs: the verdict may change. */
  interim: boolean;
  tone: 'good' | 'bad' | 'neutral';
  testKey: string;
  baseline: WindowView;
  followUp: WindowView;
  followUpComplete: boolean;
  change: string;
  ci95: string;
  pValue: string;
}

export function evaluationView(action: ImprovementAction, lang: Lang, t: Translate): EvaluationView {
  const { evaluation } = action;
  const unit = indicatorDefinition(action.indicator as IndicatorKey).unit;
  const value = (v: number | null) => (v === null ? '—' : formatIndicatorValue(v, unit, lang, t));
  const change = (v: number) => formatIndicatorChange(v, unit, lang, t);
  const window = (w: ImprovementAction['evaluation']['baseline']): WindowView => ({ from: w.from, to: w.to, n: w.n, value: value(w.value) });
  return {
    verdict: verdictWords({ ...action, verdict: evaluation.verdict, pValue: evaluation.pValue, evaluationAvailable: evaluation.available }),
    tone: verdictTone(evaluation.verdict),
    interim: isInterim({ verdict: evaluation.verdict, followUpComplete: evaluation.followUpComplete, evaluationAvailable: evaluation.available }),
    testKey: `improvement.tests.${evaluation.test}`,
    baseline: window(evaluation.baseline),
    followUp: window(evaluation.followUp),
    followUpComplete: evaluation.followUpComplete,
    change: evaluation.change === null ? '—' : change(evaluation.change),
    ci95: evaluation.ci95 === null ? '—' : `${change(evaluation.ci95[0])} … ${change(evaluation.ci95[1])}`,
    pValue: evaluation.pValue === null ? '—' : formatPValue(evaluation.pValue).replace(/^= /, ''),
  };
}
