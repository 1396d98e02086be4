import type { Encounter } from '@huifang/shared';
import { liveWaitMinutes } from './wait-time';

const CHECKED_IN = '2026-03-02T09:00:00+08:00';
const at = (iso: string) => Date.parse(iso);

function encounter(changes: Partial<Encounter>): Encounter {
  return {
    id: 1,
    patientId: 7,
    patientName: '王芳',
    departmentId: 2,
    departmentName: '康复科',
    clinician: null,
    checkedInAt: CHECKED_IN,
    calledAt: null,
    finishedAt: null,
    nextVisitDue: null,
    waitMinutes: null,
    status: 'waiting',
    ...changes,
  };
}

describe('liveWaitMinutes', () => {
  it('counts whole minutes since check-in while the patient waits', () => {
    expect(liveWaitMinutes(encounter({}), at('2026-03-02T09:00:00+08:00'))).toBe(0);
    expect(liveWaitMinutes(encounter({}), at('2026-03-02T09:00:59+08:00'))).toBe(0);
    expect(liveWaitMinutes(encounter({}), at('2026-03-02T09:01:00+08:00'))).toBe(1);
    expect(liveWaitMinutes(encounter({}), at('2026-03-02T10:35:30+08:00'))).toBe(95);
  });

  it('grows as the clock ticks (the same encounter, a later now)', () => {
    const e = encounter({});
    const first = liveWaitMinutes(e, at('2026-03-02T09:29:00+08:00'));
    const later = liveWaitMinutes(e, at('2026-03-02T09:29:30+08:00') + 30_000);
    expect([first, later]).toEqual([29, 30]);
  });

  it("uses the server's wait once called, however late it is now", () => {
    const called = encounter({ calledAt: '2026-03-02T09:42:00+08:00', waitMinutes: 42, status: 'in_room' });
    expect(liveWaitMinutes(called, at('2026-03-02T15:00:00+08:00'))).toBe(42);
  });

  it('never goes negative when the browser clock is behind', () => {
    expect(liveWaitMinutes(encounter({}), at('2026-03-02T08:58:00+08:00'))).toBe(0);
  });

  it('has no wait for a visit finished without a call, or an unreadable time', () => {
    expect(liveWaitMinutes(encounter({ finishedAt: '2026-03-02T10:00:00+08:00', status: 'finished' }), Date.now())).toBeNull();
    expect(liveWaitMinutes(encounter({ checkedInAt: 'not a time' }), Date.now())).toBeNull();
  });
});
