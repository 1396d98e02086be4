import {
  type PatientRelationship,
  type PhaseReason,
  type RelationshipFactors,
  type ValueBreakdown,
  VALUE_TERM_WEIGHTS,
  unmetStableConditions,
} from '@huifang/shared';
import { type Translate, formatDecimal } from '../dashboard/figure-format';
import type { Lang } from '../i18n/language';
import { formatClv, formatPercent } from './relationship-format';

/** What the words are written with: the UI language's texts, numbers and dates (a calendar day → `Oct 28, 2026`). */
export interface WordsContext {
  t: Translate;
  lang: Lang;
  day: (calendarDay: string) => string;
}

/** The most each term of the value score can add (shared/, DOMAIN.md). */
export const TERM_MAX: Readonly<Record<keyof ValueBreakdown, number>> = VALUE_TERM_WEIGHTS;
const TERMS = Object.keys(TERM_MAX) as (keyof ValueBreakdown)[];

export interface TermWords {
  key: keyof ValueBreakdown;
  label: string;
  /** `17.5 of 35`. */
  points: string;
  /** The term's share of its maximum, 0-100 (a bar's width). */
  percent: number;
  /** What it was worked out from: `3 visits in 12 months; 6 or more count fully`. */
  detail: string;
}

/** A patient's relationship in words, for the patient page's card. */
export interface RelationshipWords {
  /** `since Oct 19, 2026`, or that the phase has only just changed. */
  since: string;
  score: string;
  clv: string;
  /** What CLV is in (money or expected visits) and the retention it used. */
  clvNotes: string[];
  /** Why the patient is in their phase: one sentence per reason, in DOMAIN.md's order. */
  reasons: string[];
  /** The record the phase and value were worked out from, on one line. */
  factors: string;
  terms: TermWords[];
  /** The phase history, newest first. */
  history: { on: string; text: string }[];
}

export function relationshipWords(r: PatientRelationship, ctx: WordsContext): RelationshipWords {
  const { t, lang } = ctx;
  const phase = (p: string) => t(`phases.${p}`);
  return {
    since: r.phaseSince ? t('relationship.card.since', { date: ctx.day(r.phaseSince) }) : t('relationship.card.sinceUnknown'),
    score: t('relationship.card.score', { score: formatDecimal(r.valueScore, lang) }),
    clv: formatClv(r.clv, r.clvUnit, lang, t),
    clvNotes: [t(r.clvUnit === 'CNY' ? 'relationship.card.clvMoney' : 'relationship.card.clvVisits'), retentionWords(r, ctx)],
    reasons: r.reasons.map((reason) => reasonWords(reason, r.factors, ctx)),
    factors: factorWords(r.factors, ctx).join(t('relationship.card.separator')),
    terms: TERMS.map((key) => ({
      key,
      label: t(`relationship.terms.${key}`),
      points: t('relationship.terms.points', { points: formatDecimal(r.value[key], lang), max: TERM_MAX[key] }),
      percent: Math.max(0, Math.min(100, (100 * r.value[key]) / TERM_MAX[key])),
      detail: termDetail(key, r.factors, t),
    })),
    history: r.history.map((change) => ({
      on: ctx.day(change.on),
      text: change.from
        ? t('relationship.card.change', { from: phase(change.from), to: phase(change.to) })
        : t('relationship.card.firstPhase', { phase: phase(change.to) }),
    })),
  };
}

function retentionWords(r: PatientRelationship, { t, lang }: WordsContext): string {
  const { rate, n, hospitalWide } = r.retention;
  if (n === 0) return t('relationship.card.retentionNone');
  const params = { rate: formatPercent(rate, lang, t), n, phase: t(`phases.${r.phase}`) };
  return t(hospitalWide ? 'relationship.card.retentionHospitalWide' : 'relationship.card.retentionOwn', params);
}

/** One reason as a sentence with the patient's own numbers. */
export function reasonWords(reason: PhaseReason, f: RelationshipFactors, ctx: WordsContext): string {
  const { t } = ctx;
  switch (reason) {
    case 'visits_stopped':
      return f.daysSinceLastVisit !== null && f.medianGapDays !== null
        ? t('relationship.reasons.visits_stopped', { days: f.daysSinceLastVisit, gap: f.medianGapDays })
        : t('relationship.reasons.visits_stopped_plain');
    case 'detractor_after_second_visit':
      return t('relationship.reasons.detractor_after_second_visit', { nps: f.latestNps ?? '—', date: f.latestNpsOn ? ctx.day(f.latestNpsOn) : '—' });
    case 'fewer_than_two_visits':
      return f.visits === 0 || !f.firstVisitOn
        ? t('relationship.reasons.no_visit_yet')
        : t('relationship.reasons.one_visit', { date: ctx.day(f.firstVisitOn) });
    case 'developing': {
      const missing = missingForStable(f, ctx);
      return missing.length > 0
        ? t('relationship.reasons.developing', { missing: missing.join(t('relationship.reasons.missingSeparator')) })
        : t('relationship.reasons.developing_plain');
    }
    default:
      return t(`relationship.reasons.${reason}`);
  }
}

/** What keeps a developing patient from stable (DOMAIN.md rule 3), each with the patient's figure. */
function missingForStable(f: RelationshipFactors, { t, day }: WordsContext): string[] {
  return unmetStableConditions(f).flatMap((condition) => {
    switch (condition) {
      case 'visits':
        return [t('relationship.reasons.missing.visits', { n: f.visits })];
      case 'firstVisit':
        return f.firstVisitOn ? [t('relationship.reasons.missing.firstVisit', { date: day(f.firstVisitOn) })] : [];
      case 'kept':
        return [t('relationship.reasons.missing.kept', { kept: f.keptExpectations, due: f.dueExpectations })];
      case 'nps':
        return [t('relationship.reasons.missing.nps', { nps: f.latestNps })];
    }
  });
}

/**
 * The record in short phrases: `3 visits in 12 months (5 in all); last visit Oct 3, 2026, 60 days ago;
 * usual gap between visits 30 days; 2 of 3 expected returns kept; last return 41 days late; last NPS 5
 * on Oct 28, 2026; reached rehabilitation or follow-up`.
 */
export function factorWords(f: RelationshipFactors, { t, day }: WordsContext): string[] {
  const counted = (key: string, n: number, params: Record<string, unknown> = {}) =>
    t(`relationship.factors.${key}.${n === 1 ? 'one' : 'other'}`, { n, ...params });
  if (f.visits === 0) return [t('relationship.factors.noVisits')];
  const words = [
    f.visits > f.visitsLast365Days
      ? counted('visitsInYearOfAll', f.visitsLast365Days, { total: f.visits })
      : counted('visitsInYear', f.visitsLast365Days),
  ];
  if (f.lastVisitOn && f.daysSinceLastVisit !== null) {
    words.push(
      f.daysSinceLastVisit === 0 ? t('relationship.factors.lastVisitToday') : counted('lastVisit', f.daysSinceLastVisit, { date: day(f.lastVisitOn) }),
    );
  }
  if (f.medianGapDays !== null) words.push(counted('usualGap', f.medianGapDays));
  words.push(
    f.dueExpectations > 0
      ? t('relationship.factors.kept', { kept: f.keptExpectations, due: f.dueExpectations })
      : t('relationship.factors.noneDue'),
  );
  if (f.lastReturnDaysLate !== null) {
    const late = f.lastReturnDaysLate;
    words.push(late === 0 ? t('relationship.factors.returnOnTime') : counted(late > 0 ? 'returnLate' : 'returnEarly', Math.abs(late)));
  }
  words.push(
    f.latestNps !== null && f.latestNpsOn
      ? t('relationship.factors.nps', { nps: f.latestNps, date: day(f.latestNpsOn) })
      : t('relationship.factors.noNps'),
  );
  words.push(t(f.outcomeReached ? 'relationship.factors.outcome' : 'relationship.factors.noOutcome'));
  return words;
}

function termDetail(key: keyof ValueBreakdown, f: RelationshipFactors, t: Translate): string {
  switch (key) {
    case 'frequency':
      return t('relationship.terms.detail.frequency', { n: f.visitsLast365Days });
    case 'adherence':
      return f.dueExpectations > 0
        ? t('relationship.terms.detail.adherenceKept', { kept: f.keptExpectations, due: f.dueExpectations })
        : t('relationship.terms.detail.adherenceNone');
    case 'satisfaction':
      return f.latestNps !== null ? t('relationship.terms.detail.satisfactionNps', { nps: f.latestNps }) : t('relationship.terms.detail.satisfactionNone');
    case 'outcome':
      return t(f.outcomeReached ? 'relationship.terms.detail.outcomeReached' : 'relationship.terms.detail.outcomeNone');
  }
}
