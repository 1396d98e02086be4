import { addDays, ageOn, calendarDayOf, daysBetween, isCalendarDay, startOfCalendarDay } from './calendar-day';

describe('calendar days in the hospital time zone', () => {
  it('puts an instant on the local day, not the UTC day', () => {
    // 2026-03-01 17:30 UTC is 2026-03-02 01:30 in Shanghai.
    expect(calendarDayOf(new Date('2026-03-01T17:30:00Z'), 'Asia/Shanghai')).toBe('2026-03-02');
    expect(calendarDayOf(new Date('2026-03-01T17:30:00Z'), 'Europe/London')).toBe('2026-03-01');
  });

  it('finds the instant a local day starts', () => {
    expect(startOfCalendarDay('2026-03-02', 'Asia/Shanghai').toISOString()).toBe('2026-03-01T16:00:00.000Z');
    // A day that starts in summer time in London.
    expect(startOfCalendarDay('2026-07-01', 'Europe/London').toISOString()).toBe('2026-06-30T23:00:00.000Z');
  });

  it('validates days strictly', () => {
    expect(isCalendarDay('2026-02-28')).toBe(true);
    expect(isCalendarDay('2026-02-30')).toBe(false);
    expect(isCalendarDay('2026-2-3')).toBe(false);
    expect(isCalendarDay('tomorrow')).toBe(false);
    expect(isCalendarDay(20260228)).toBe(false);
  });

  it('does day arithmetic and ages', () => {
    expect(addDays('2026-02-27', 3)).toBe('2026-03-02');
    expect(addDays('2026-03-02', -30)).toBe('2026-01-31');
    expect(daysBetween('2026-01-31', '2026-03-02')).toBe(30);
    expect(ageOn('1990-06-15', '2026-06-14')).toBe(35);
    expect(ageOn('1990-06-15', '2026-06-15')).toBe(36);
  });
});
