import type { PatientRelationship, RelationshipFactors } from '@huifang/shared';
import mainEn from '../../../public/i18n/en.json';
import mainZh from '../../../public/i18n/zh.json';
import en from '../../../public/i18n/relationship/en.json';
import zh from '../../../public/i18n/relationship/zh.json';
import type { Translate } from '../dashboard/figure-format';
import { type WordsContext, factorWords, reasonWords, relationshipWords } from './relationship-words';

/** Like Transloco with the `relationship` scope loaded: the main file's keys, and the scope's under `relationship.`. */
function translator(main: object, scope: object): Translate {
  const all = { ...main, relationship: scope };
  return (key, params = {}) => {
    const text = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], all);
    if (typeof text !== 'string') throw new Error(`missing translation ${key}`);
    return text.replace(/{{\s*(\w+)\s*}}/g, (_, name: string) => String(params[name]));
  };
}

const EN: WordsContext = { t: translator(mainEn, en), lang: 'en', day: (d) => `<${d}>` };
const ZH: WordsContext = { t: translator(mainZh, zh), lang: 'zh', day: (d) => `<${d}>` };

const FACTORS: RelationshipFactors = {
  asOf: '2026-12-02',
  visits: 5,
  visitsLast365Days: 3,
  firstVisitOn: '2025-03-01',
  lastVisitOn: '2026-09-23',
  daysSinceLastVisit: 70,
  medianGapDays: 30,
  dueExpectations: 3,
  keptExpectations: 2,
  lastReturnDaysLate: 41,
  latestNps: 5,
  latestNpsOn: '2026-10-28',
  status: 'at_risk',
  outcomeReached: true,
};

const RELATIONSHIP: PatientRelationship = {
  phase: 'decline',
  phaseSince: '2026-10-28',
  valueScore: 57.2,
  valueTier: 'medium',
  clv: 3456.78,
  clvUnit: 'CNY',
  reasons: ['status_at_risk', 'visits_stopped', 'detractor_after_second_visit'],
  value: { frequency: 17.5, adherence: 16.7, satisfaction: 10, outcome: 20 },
  factors: FACTORS,
  retention: { rate: 41.5, n: 120, hospitalWide: false },
  history: [
    { on: '2026-10-28', from: 'development', to: 'decline' },
    { on: '2025-04-02', from: 'exploration', to: 'development' },
    { on: '2025-03-01', from: null, to: 'exploration' },
  ],
};

describe('relationship words', () => {
  it('write the record in short phrases with the patient’s own figures', () => {
    expect(factorWords(FACTORS, EN)).toEqual([
      '3 visits in 12 months (5 in all)',
      'last visit <2026-09-23>, 70 days ago',
      'usual gap between visits 30 days',
      '2 of 3 expected returns kept',
      'last return 41 days late',
      'last NPS 5 on <2026-10-28>',
      'reached rehabilitation or follow-up',
    ]);
    expect(relationshipWords(RELATIONSHIP, ZH).factors).toBe(
      '12 个月内就诊 3 次（共 5 次）；最近就诊 <2026-09-23>，70 天前；平常就诊间隔 30 天；预计复诊如期完成 2/3；最近一次复诊晚了 41 天；<2026-10-28> 最近一次 NPS 为 5；已进入康复或复诊阶段',
    );
  });

  it('say one, early, on time and "none yet" as such', () => {
    const first = factorWords(
      { ...FACTORS, visits: 1, visitsLast365Days: 1, daysSinceLastVisit: 1, medianGapDays: null, dueExpectations: 0, keptExpectations: 0, lastReturnDaysLate: null, latestNps: null, latestNpsOn: null, outcomeReached: false },
      EN,
    );
    expect(first).toEqual(['1 visit in 12 months', 'last visit <2026-09-23>, 1 day ago', 'no expected return due yet', 'no survey answer yet', 'not yet in rehabilitation or follow-up']);
    expect(factorWords({ ...FACTORS, lastReturnDaysLate: -2 }, EN)).toContain('last return 2 days early');
    expect(factorWords({ ...FACTORS, lastReturnDaysLate: 0, daysSinceLastVisit: 0 }, EN)).toEqual(expect.arrayContaining(['last return on time', 'last visit today']));
    expect(factorWords({ ...FACTORS, visits: 0, visitsLast365Days: 0 }, EN)).toEqual(['No visits yet']);
  });

  it('explain each reason with the numbers behind it', () => {
    expect(reasonWords('visits_stopped', { ...FACTORS, daysSinceLastVisit: 75 }, EN)).toBe('No visit for 75 days, more than twice the usual 30-day gap.');
    expect(reasonWords('detractor_after_second_visit', FACTORS, EN)).toBe('Last NPS 5 on <2026-10-28> is dissatisfied (0–6), given after the second visit.');
    expect(reasonWords('fewer_than_two_visits', { ...FACTORS, visits: 0, firstVisitOn: null }, EN)).toBe('No visit yet: every relationship starts in exploration.');
    expect(reasonWords('fewer_than_two_visits', { ...FACTORS, visits: 1 }, EN)).toBe('One visit so far (on <2025-03-01>): a second visit starts development.');
    expect(reasonWords('status_lapsed', FACTORS, EN)).toMatch(/^Status lapsed/);
  });

  it('name what keeps a developing patient from stable', () => {
    // 3 visits, first one 9 months before the day, 2 of 3 returns kept (67% < 80%), last NPS 5.
    const developing = { ...FACTORS, visits: 3, firstVisitOn: '2026-03-01' };
    expect(reasonWords('developing', developing, EN)).toBe(
      'Two or more visits, not yet stable: only 3 visits (stable needs 4), first visit less than a year ago (<2026-03-01>), 2 of 3 expected returns kept (stable needs 80%), last NPS 5 is below 7.',
    );
    // A year and a day since the first of four visits, every return kept, no answer: nothing named missing.
    const almost = { ...FACTORS, visits: 4, firstVisitOn: '2025-12-01', keptExpectations: 3, latestNps: null };
    expect(reasonWords('developing', almost, EN)).toBe('Two or more visits, not yet stable.');
  });

  it('give the phase’s since, the score, CLV with its unit and retention, the terms and the history newest first', () => {
    const words = relationshipWords(RELATIONSHIP, EN);
    expect(words.since).toBe('since <2026-10-28>');
    expect(words.score).toBe('57.2 / 100');
    expect(words.clv).toBe('¥3,457');
    expect(words.clvNotes).toEqual([
      "Present value of the next 5 years' expected revenue.",
      'Uses the 12-month retention of Decline patients: 41.5% (n = 120).',
    ]);
    expect(words.reasons).toHaveLength(3);
    expect(words.terms.map((term) => [term.label, term.points, term.detail])).toEqual([
      ['Visit frequency', '17.5 of 35', '3 visits in 12 months; 6 or more count fully'],
      ['Returns kept', '16.7 of 25', '2 of 3 expected returns kept'],
      ['Satisfaction', '10.0 of 20', 'last NPS 5 of 10'],
      ['Treatment outcome', '20.0 of 20', 'reached rehabilitation or follow-up'],
    ]);
    expect(words.terms[0].percent).toBe(50);
    expect(words.history).toEqual([
      { on: '<2026-10-28>', text: 'Development → Decline' },
      { on: '<2025-04-02>', text: 'Exploration → Development' },
      { on: '<2025-03-01>', text: 'Exploration (first phase)' },
    ]);
  });

  it('say when CLV counts expected visits and when the retention is hospital-wide or not measured', () => {
    const visits = relationshipWords({ ...RELATIONSHIP, clv: 15.81, clvUnit: 'visits', retention: { rate: 85.7, n: 7, hospitalWide: true }, phaseSince: null }, EN);
    expect(visits.clv).toBe('15.8 expected visits');
    expect(visits.since).toBe('just changed; the next pass records since when');
    expect(visits.clvNotes[0]).toContain('counts expected visits');
    expect(visits.clvNotes[1]).toBe('Uses the hospital-wide 12-month retention, 85.7% (n = 7): nobody was in this phase a year ago.');
    const none = relationshipWords({ ...RELATIONSHIP, clv: 0, retention: { rate: 0, n: 0, hospitalWide: true } }, ZH);
    expect(none.clv).toBe('¥0');
    expect(none.clvNotes[1]).toBe('尚未测得 12 个月留存率（需要一年前就诊过的患者），因此 CLV 为 0。');
  });
});
