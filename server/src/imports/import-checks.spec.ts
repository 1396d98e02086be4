import type { ImportedEncounter } from './import-records';
import { encounterProblem, failedKind, finishTimeOf, shortValue } from './import-checks';

const now = new Date('2026-03-10T12:00:00Z');
const visit = (over: Partial<ImportedEncounter> = {}): ImportedEncounter => ({
  keys: ['his-visit:V1'],
  patientKey: 'his:P1',
  department: { departmentId: 1 },
  clinician: null,
  checkedInAt: new Date('2024-03-01T00:00:00Z'),
  calledAt: new Date('2024-03-01T00:10:00Z'),
  finishedAt: new Date('2024-03-01T00:30:00Z'),
  nextVisitDue: null,
  chargeCents: null,
  ...over,
});

describe('encounterProblem', () => {
  it('accepts history of any age (no 7-day limit) with times in order', () => {
    expect(encounterProblem(1, visit(), '2024-03-01', now)).toBeNull();
    expect(encounterProblem(1, visit({ checkedInAt: new Date('2001-01-01T00:00:00Z'), calledAt: null, finishedAt: null }), '2001-01-01', now)).toBeNull();
  });

  it('refuses a call before the check-in and a finish before the call, naming the later field', () => {
    expect(encounterProblem(3, visit({ calledAt: new Date('2024-02-29T23:00:00Z') }), '2024-03-01', now)).toMatchObject({
      row: 3,
      field: 'calledAt',
      problem: 'times_out_of_order',
    });
    expect(encounterProblem(4, visit({ finishedAt: new Date('2024-03-01T00:05:00Z') }), '2024-03-01', now)).toMatchObject({
      field: 'finishedAt',
      problem: 'times_out_of_order',
    });
    // Without a call time the finish is compared with the check-in.
    expect(encounterProblem(4, visit({ calledAt: null, finishedAt: new Date('2024-02-29T00:00:00Z') }), '2024-03-01', now)?.field).toBe('finishedAt');
  });

  it('refuses times in the future beyond a minute of clock skew', () => {
    expect(encounterProblem(1, visit({ checkedInAt: new Date(now.getTime() + 30_000), calledAt: null, finishedAt: null }), '2026-03-10', now)).toBeNull();
    expect(encounterProblem(1, visit({ checkedInAt: new Date(now.getTime() + 120_000), calledAt: null, finishedAt: null }), '2026-03-10', now)).toMatchObject({
      field: 'checkedInAt',
      problem: 'time_in_future',
    });
  });

  it('wants the expected return after the visit day (the shared rule), but allows it far out for history', () => {
    expect(encounterProblem(1, visit({ nextVisitDue: '2024-03-01' }), '2024-03-01', now)?.problem).toBe('next_visit_not_after_visit');
    expect(encounterProblem(1, visit({ nextVisitDue: '2024-03-02' }), '2024-03-01', now)).toBeNull();
    expect(encounterProblem(1, visit({ nextVisitDue: '2029-03-02' }), '2024-03-01', now)).toBeNull();
  });
});

describe('finishTimeOf', () => {
  it('finishes a visit without a finish time at its last known time', () => {
    const v = visit({ finishedAt: null });
    expect(finishTimeOf(v)).toBe(v.calledAt);
    const w = visit({ calledAt: null, finishedAt: null });
    expect(finishTimeOf(w)).toBe(w.checkedInAt);
  });
});

describe('shortValue and failedKind', () => {
  it('cuts values to 100 characters', () => {
    expect(shortValue('x'.repeat(150))).toHaveLength(100);
    expect(shortValue(null)).toBeNull();
  });

  it('counts a refused row as a patient when only patient fields were wrong', () => {
    expect(failedKind({ row: 1, errors: [{ row: 1, field: 'phone', problem: 'bad_phone', value: '1' }] })).toBe('patients');
    expect(failedKind({ row: 1, errors: [{ row: 1, field: 'checkedInAt', problem: 'bad_time', value: 'x' }] })).toBe('encounters');
  });
});
