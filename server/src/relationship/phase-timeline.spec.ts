import fc from 'fast-check';
import type { PatientHistory } from './patient-history';
import { factsAt, phaseOf } from './phase-rules';
import { phaseTimeline } from './relationship-at';

const START = 20_000; // a day number (2024-10-04)

/** Random histories: visits (some unfinished, some setting a return), answers with or without NPS. */
const histories = fc
  .record({
    visits: fc.array(fc.record({ gap: fc.integer({ min: 0, max: 200 }), finished: fc.boolean(), dueIn: fc.option(fc.integer({ min: 1, max: 180 })) }), { maxLength: 8 }),
    answers: fc.array(fc.record({ offset: fc.integer({ min: 0, max: 900 }), nps: fc.option(fc.integer({ min: 0, max: 10 })) }), { maxLength: 4 }),
    graceDays: fc.integer({ min: 0, max: 60 }),
  })
  .map(({ visits, answers, graceDays }) => {
    let day = START;
    const encounters = visits.map((v, i) => {
      day += v.gap;
      return { day, at: day * 86_400_000 + i, finished: v.finished, due: v.dueIn === null ? null : day + v.dueIn, chargeFen: null, departmentId: 1 };
    });
    const responses = answers.map((a) => ({ day: START + a.offset, at: (START + a.offset) * 86_400_000 + 50_000, nps: a.nps })).sort((x, y) => x.at - y.at);
    const history: PatientHistory = { patientId: 1, since: START, departmentId: 1, encounters, responses, outcomeDay: null };
    return { history, graceDays };
  });

describe('phase timeline (property)', () => {
  it('holds the phase the rules give on every day, changing only on the days it lists', () => {
    fc.assert(
      fc.property(histories, ({ history, graceDays }) => {
        const until = START + 1_400;
        const events = phaseTimeline(history, until, { graceDays });
        let index = 0;
        let phase: string | null = null;
        for (let day = START; day <= until; day += 1) {
          if (events[index]?.day === day) phase = events[index++].to;
          if (phaseOf(factsAt(history, day, { graceDays })).phase !== phase) return false;
        }
        return index === events.length;
      }),
      { numRuns: 150 },
    );
  });
});
