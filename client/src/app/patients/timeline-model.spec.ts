import type { CallbackSummary, Encounter, StageTransition } from '@huifang/shared';
import { type KnownTimelineEntry, buildJourneyAxis, knownTimelineEntries, openCallbackCount, transitionsOf } from './timeline-model';

let nextId = 1;
function transition(from: StageTransition['from'], to: StageTransition['to'], at: string): StageTransition {
  return { id: nextId++, patientId: 7, from, to, at, by: null, reason: null, encounterId: null };
}

const REGISTERED = transition(null, 'first_visit', '2026-01-05T09:00:00+08:00');
const TREATMENT = transition('first_visit', 'treatment', '2026-01-12T10:00:00+08:00');
const REHAB = transition('treatment', 'rehabilitation', '2026-02-01T11:00:00+08:00');
const BACK_TO_TREATMENT = transition('rehabilitation', 'treatment', '2026-02-20T08:30:00+08:00');

describe('buildJourneyAxis', () => {
  it('always gives the four stages in lifecycle order', () => {
    expect(buildJourneyAxis([], 'first_visit').map((n) => n.stage)).toEqual([
      'first_visit',
      'treatment',
      'rehabilitation',
      'follow_up',
    ]);
  });

  it('a newly registered patient: first visit entered and current, the rest not reached', () => {
    expect(buildJourneyAxis([REGISTERED], 'first_visit')).toEqual([
      { stage: 'first_visit', enteredAt: [REGISTERED.at], visited: true, current: true },
      { stage: 'treatment', enteredAt: [], visited: false, current: false },
      { stage: 'rehabilitation', enteredAt: [], visited: false, current: false },
      { stage: 'follow_up', enteredAt: [], visited: false, current: false },
    ]);
  });

  it('lists every entry into a stage oldest first, whatever order the transitions came in', () => {
    // The timeline API sends newest first.
    const axis = buildJourneyAxis([BACK_TO_TREATMENT, REHAB, TREATMENT, REGISTERED], 'treatment');
    expect(axis.map((n) => [n.stage, n.enteredAt, n.visited, n.current])).toEqual([
      ['first_visit', [REGISTERED.at], true, false],
      ['treatment', [TREATMENT.at, BACK_TO_TREATMENT.at], true, true],
      ['rehabilitation', [REHAB.at], true, false],
      ['follow_up', [], false, false],
    ]);
  });

  it('orders by instant, not by text, when offsets differ', () => {
    const utc = transition('first_visit', 'follow_up', '2026-03-01T01:00:00Z'); // 09:00 in Shanghai
    const shanghai = transition('follow_up', 'treatment', '2026-03-01T08:00:00+08:00'); // 00:00Z
    const axis = buildJourneyAxis([utc, shanghai, transition('treatment', 'follow_up', '2026-03-02T00:00:00Z')], 'follow_up');
    expect(axis[3].enteredAt).toEqual(['2026-03-01T01:00:00Z', '2026-03-02T00:00:00Z']);
  });

  it("marks the current stage even without a transition into it, dated by the patient's stageSince", () => {
    const axis = buildJourneyAxis([], 'rehabilitation', '2026-02-01T11:00:00+08:00');
    expect(axis.filter((n) => n.current)).toEqual([
      { stage: 'rehabilitation', enteredAt: ['2026-02-01T11:00:00+08:00'], visited: true, current: true },
    ]);
    expect(buildJourneyAxis([], 'treatment')[1]).toEqual({
      stage: 'treatment',
      enteredAt: [],
      visited: true,
      current: true,
    });
  });
});

describe('knownTimelineEntries', () => {
  const encounter = { id: 3, status: 'finished' } as Encounter;

  it('skips kinds this client does not know and malformed entries, newest first', () => {
    const entries = [
      { kind: 'transition', at: TREATMENT.at, transition: TREATMENT },
      { kind: 'prescription', at: '2026-03-01T10:00:00+08:00', prescription: { drug: 'x' } },
      { kind: 'survey_response', at: '2026-03-02T10:00:00+08:00' },
      { kind: 'encounter', at: '2026-02-01T10:00:00+08:00', encounter },
      { kind: 'encounter', at: '2026-02-02T10:00:00+08:00' },
      null,
      'junk',
      { kind: 'transition', at: REGISTERED.at, transition: REGISTERED },
    ];
    const known = knownTimelineEntries(entries);
    expect(known.map((e) => [e.kind, e.at])).toEqual([
      ['encounter', '2026-02-01T10:00:00+08:00'],
      ['transition', TREATMENT.at],
      ['transition', REGISTERED.at],
    ]);
    expect(transitionsOf(known)).toEqual([TREATMENT, REGISTERED]);
  });

  it('keeps survey responses, callbacks and messages that carry their payload', () => {
    const known = knownTimelineEntries([
      { kind: 'survey_response', at: '2026-03-01T10:00:00+08:00', response: { id: 1 } },
      { kind: 'callback', at: '2026-03-02T10:00:00+08:00', callback: { id: 2 } },
      { kind: 'message', at: '2026-03-03T10:00:00+08:00', message: { id: 3 } },
      { kind: 'message', at: '2026-03-04T10:00:00+08:00' },
    ]);
    expect(known.map((e) => e.kind)).toEqual(['message', 'callback', 'survey_response']);
  });

  it('copes with no entries at all', () => {
    expect(knownTimelineEntries(undefined)).toEqual([]);
    expect(knownTimelineEntries(null)).toEqual([]);
  });
});

describe('openCallbackCount', () => {
  const callback = (id: number, status: CallbackSummary['status']): KnownTimelineEntry => ({
    kind: 'callback',
    at: '2026-03-01T02:00:00.000Z',
    callback: {
      id,
      patientId: 7,
      kind: 'manual',
      priority: 'normal',
      status,
      dueAt: '2026-03-02T02:00:00.000Z',
      reason: null,
      surveyResponseId: null,
      recovery: null,
      encounterId: null,
      createdAt: '2026-03-01T02:00:00.000Z',
    },
  });

  it('counts the callbacks waiting to be made (pending or claimed), not the finished ones', () => {
    const entries = [callback(1, 'pending'), callback(2, 'claimed'), callback(3, 'completed'), callback(4, 'cancelled'), callback(5, 'failed')];
    expect(openCallbackCount(entries)).toBe(2);
    expect(openCallbackCount([])).toBe(0);
  });
});
