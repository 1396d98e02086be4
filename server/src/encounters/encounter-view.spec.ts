import { encounterStatus, waitMinutes } from './encounter-view';

describe('encounter view', () => {
  it('measures the wait from check-in to call, in minutes with one decimal', () => {
    const checkedIn = new Date('2026-03-02T01:00:00Z');
    expect(waitMinutes(checkedIn, new Date('2026-03-02T01:37:40Z'))).toBe(37.7);
    expect(waitMinutes(checkedIn, checkedIn)).toBe(0);
    expect(waitMinutes(checkedIn, null)).toBeNull();
  });

  it('derives the status from the times', () => {
    expect(encounterStatus({ calledAt: null, finishedAt: null })).toBe('waiting');
    expect(encounterStatus({ calledAt: new Date(), finishedAt: null })).toBe('in_room');
    expect(encounterStatus({ calledAt: new Date(), finishedAt: new Date() })).toBe('finished');
  });
});
