import { dayNumber } from './day-number';
import type { EncounterFact, PatientHistory } from './patient-history';
import { factsAt, oneDecimal, phaseOf, valueOf } from './phase-rules';
import { phaseTimeline } from './relationship-at';

const D = (day: string) => dayNumber(day);
const settings = { graceDays: 30 };

function visit(day: string, due?: string, extra: Partial<EncounterFact> = {}): EncounterFact {
  return { day: D(day), at: Date.parse(`${day}T02:00:00Z`), finished: true, due: due ? D(due) : null, chargeFen: null, departmentId: 1, ...extra };
}

function history(encounters: EncounterFact[], responses: { day: string; nps: number | null }[] = [], outcomeDay: string | null = null): PatientHistory {
  return {
    patientId: 1,
    since: encounters[0]?.day ?? D('2025-01-01'),
    departmentId: 1,
    encounters,
    responses: responses.map((r) => ({ day: D(r.day), at: Date.parse(`${r.day}T08:00:00Z`), nps: r.nps })),
    outcomeDay: outcomeDay ? D(outcomeDay) : null,
  };
}

const at = (h: PatientHistory, day: string) => factsAt(h, D(day), settings);

describe('relationship phase (DOMAIN.md)', () => {
  it('a patient with no encounters is in exploration with value 0', () => {
    const facts = at(history([]), '2026-06-01');
    expect(phaseOf(facts)).toEqual({ phase: 'exploration', reasons: ['fewer_than_two_visits'] });
    expect(valueOf(facts)).toMatchObject({ score: 0, tier: 'low' });
  });

  it('one visit, nothing due, no answer: the neutral adherence and satisfaction terms', () => {
    // F = 1: 35 / 6 = 5.83; adherence 0.5 → 12.5; satisfaction 0.7 → 14; no outcome: 32.3.
    expect(valueOf(at(history([visit('2026-05-01')]), '2026-06-01'))).toMatchObject({ score: 32.3, tier: 'low' });
  });

  it('one visit is exploration; a second makes development', () => {
    const h = history([visit('2026-01-10'), visit('2026-03-10')]);
    expect(phaseOf(at(h, '2026-02-01')).phase).toBe('exploration');
    expect(phaseOf(at(h, '2026-03-10')).phase).toBe('development');
  });

  it('an expectation missed past its date is decline (at risk), and past its grace too (lapsed)', () => {
    const h = history([visit('2026-01-10'), visit('2026-02-10', '2026-03-10')]);
    expect(phaseOf(at(h, '2026-03-10'))).toEqual({ phase: 'development', reasons: ['developing'] });
    expect(phaseOf(at(h, '2026-03-11'))).toEqual({ phase: 'decline', reasons: ['status_at_risk'] });
    // due + grace = 2026-04-09; lapsed once it is before D.
    expect(phaseOf(at(h, '2026-04-09')).reasons).toEqual(['status_at_risk']);
    expect(phaseOf(at(h, '2026-04-10')).reasons).toEqual(['status_lapsed']);
  });

  it('three visits then a silence over both 60 days and twice the median gap is decline', () => {
    // Gaps 20 and 40 days: median (nearest rank of 2) = 20, so the threshold is max(60, 40) = 60.
    const h = history([visit('2026-01-01'), visit('2026-01-21'), visit('2026-03-02')]);
    expect(at(h, '2026-05-01').medianGapDays).toBe(20);
    expect(phaseOf(at(h, '2026-05-01')).phase).toBe('development'); // 60 days: not over
    expect(phaseOf(at(h, '2026-05-02'))).toEqual({ phase: 'decline', reasons: ['visits_stopped'] });
  });

  it('a slow rhythm is not a silence: 2 × a 90-day median gap', () => {
    const h = history([visit('2025-01-01'), visit('2025-04-01'), visit('2025-06-30')]);
    expect(at(h, '2025-12-01').medianGapDays).toBe(90);
    expect(phaseOf(at(h, '2025-12-27')).phase).toBe('development'); // 180 days since the last
    expect(phaseOf(at(h, '2025-12-28')).phase).toBe('decline');
  });

  it('a detractor answer after the second visit is decline; before it, it is only the status', () => {
    const early = history([visit('2026-01-01'), visit('2026-02-01')], [{ day: '2026-01-02', nps: 3 }, { day: '2026-01-03', nps: null }]);
    // The latest response has no NPS: not at risk; the latest NPS (3) was before the second visit.
    expect(phaseOf(at(early, '2026-02-05'))).toEqual({ phase: 'development', reasons: ['developing'] });
    const late = history([visit('2026-01-01'), visit('2026-02-01')], [{ day: '2026-02-02', nps: 5 }]);
    expect(phaseOf(at(late, '2026-02-05')).reasons).toEqual(['status_at_risk', 'detractor_after_second_visit']);
  });

  it('stable: ≥ 4 visits, the first a year back, ≥ 80 % of due returns kept, latest NPS ≥ 7', () => {
    const visits = [
      visit('2025-01-05', '2025-04-05'),
      visit('2025-04-20', '2025-07-20'), // kept (within 30 days of grace)
      visit('2025-07-15', '2025-10-15'),
      visit('2025-10-10', '2026-01-10'),
      visit('2026-01-08', '2026-04-08'),
    ];
    const h = history(visits, [{ day: '2026-01-09', nps: 9 }], '2025-05-01');
    expect(phaseOf(at(h, '2026-01-20'))).toEqual({ phase: 'stable', reasons: ['stable_record'] });
    const facts = at(h, '2026-01-20');
    expect(facts).toMatchObject({ dueExpectations: 3, keptExpectations: 3, visitsLast365Days: 4, lastReturnDaysLate: -2 });
    // 35 × 4/6 = 23.33 + 25 × 1 + 20 × 0.9 + 20 = 86.3
    expect(valueOf(facts)).toMatchObject({ score: 86.3, tier: 'high' });
    // A passive answer (7) keeps it; 6 would be a detractor and decline.
    const unhappy = history(visits, [{ day: '2026-01-09', nps: 6 }], '2025-05-01');
    expect(phaseOf(at(unhappy, '2026-01-20')).phase).toBe('decline');
  });

  it('returns kept late count against stability', () => {
    const visits = [visit('2025-01-05', '2025-02-05'), visit('2025-04-20', '2025-05-20'), visit('2025-08-15'), visit('2026-01-08')];
    const facts = at(history(visits), '2026-01-20');
    // 2025-02-05 + 30 = 03-07, back 04-20: not kept; 05-20 + 30 = 06-19, back 08-15: not kept.
    expect(facts).toMatchObject({ dueExpectations: 2, keptExpectations: 0, lastReturnDaysLate: 87 });
    expect(phaseOf(facts).phase).toBe('development');
    // 35 × 3/6 = 17.5 (three visits after 2025-01-20) + 25 × 0 + 20 × 0.7 + 0 = 31.5
    expect(valueOf(facts).score).toBe(31.5);
  });

  it('an unfinished check-in is a return for the status, not a visit', () => {
    const h = history([visit('2026-01-10'), visit('2026-02-10', '2026-03-10'), visit('2026-03-12', undefined, { finished: false })]);
    const facts = at(h, '2026-03-20');
    expect(facts.status).toBe('active');
    expect(facts.visits).toHaveLength(2);
  });

  it('one decimal, half up, without binary drift', () => {
    expect(oneDecimal(69.95)).toBe(70);
    expect(oneDecimal(26.45)).toBe(26.5);
    expect(oneDecimal(23.333333)).toBe(23.3);
  });
});

describe('phase timeline', () => {
  it('lists each change on the day it happens', () => {
    const h = history([visit('2026-01-10'), visit('2026-02-10', '2026-03-10'), visit('2026-04-01')]);
    const events = phaseTimeline(h, D('2026-04-30'), settings).map((e) => ({ ...e, day: new Date(e.day * 86_400_000).toISOString().slice(0, 10) }));
    expect(events).toEqual([
      { day: '2026-01-10', from: null, to: 'exploration' },
      { day: '2026-02-10', from: 'exploration', to: 'development' },
      { day: '2026-03-11', from: 'development', to: 'decline' },
      { day: '2026-04-01', from: 'decline', to: 'development' },
    ]);
  });

  it('agrees with the phase worked out on every single day', () => {
    const h = history(
      [visit('2025-01-01', '2025-02-01'), visit('2025-03-20'), visit('2025-04-02', '2025-05-01'), visit('2025-05-03'), visit('2025-06-01')],
      [{ day: '2025-05-04', nps: 4 }, { day: '2025-06-02', nps: 10 }],
    );
    const until = D('2026-03-01');
    const events = phaseTimeline(h, until, settings);
    let phase = null;
    for (let day = h.since; day <= until; day += 1) {
      const event = events.find((e) => e.day === day);
      if (event) phase = event.to;
      expect([day, phase]).toEqual([day, phaseOf(factsAt(h, day, settings)).phase]);
    }
  });
});
