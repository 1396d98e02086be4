import { addDays, ageOn, atLocalHour, calendarDayOf, daysBetween, isCalendarDay, startOfCalendarDay, utcOffsetMinutes } from './calendar-day';

describe('calendar days in the hospital time zone', () => {
  it('puts an instant on the local day, not the UTC day', () => {
    // 2026-03-01 17:30 UTC is 2026-03-02 01:30 in Shanghai.
    expect(calendarDayOf(new Date('2026-03-01T17:30:00Z'), 'Asia/Shanghai')).toBe('2026-03-02');
    expect(calendarDayOf(new Date('2026-03-01T17:30:00Z'), 'Europe/London')).toBe('2026-03-01');
    // 19:16 UTC on 23 Nov is 11:16 in Los Angeles and already 24 Nov in Shanghai.
    const at = Date.UTC(2026, 10, 23, 19, 16);
    expect(calendarDayOf(at, 'Asia/Shanghai')).toBe('2026-11-24');
    expect(calendarDayOf(at, 'America/Los_Angeles')).toBe('2026-11-23');
    expect(calendarDayOf(new Date('2026-01-01T00:00:00Z'), 'UTC')).toBe('2026-01-01');
  });

  it('finds the instant a local day starts, also on days the clock changes', () => {
    expect(startOfCalendarDay('2026-03-02', 'Asia/Shanghai').toISOString()).toBe('2026-03-01T16:00:00.000Z');
    expect(startOfCalendarDay('2026-07-01', 'Europe/London').toISOString()).toBe('2026-06-30T23:00:00.000Z');
    // Los Angeles moves to summer time at 02:00 on 8 March 2026 and back on 1 November.
    expect(startOfCalendarDay('2026-03-08', 'America/Los_Angeles').toISOString()).toBe('2026-03-08T08:00:00.000Z');
    expect(startOfCalendarDay('2026-03-09', 'America/Los_Angeles').toISOString()).toBe('2026-03-09T07:00:00.000Z');
    expect(startOfCalendarDay('2026-11-01', 'America/Los_Angeles').toISOString()).toBe('2026-11-01T07:00:00.000Z');
    // Santiago skips midnight (00:00 → 01:00) on 6 September 2026: the day starts at 01:00 local.
    expect(calendarDayOf(startOfCalendarDay('2026-09-06', 'America/Santiago'), 'America/Santiago')).toBe('2026-09-06');
    expect(calendarDayOf(startOfCalendarDay('2026-09-06', 'America/Santiago').getTime() - 1, 'America/Santiago')).toBe('2026-09-05');
  });

  it('gives the zone offset and an hour of a local day', () => {
    expect(utcOffsetMinutes(new Date('2026-03-01T00:00:00Z'), 'Asia/Shanghai')).toBe(480);
    expect(utcOffsetMinutes(new Date('2026-07-01T00:00:00Z'), 'America/Los_Angeles')).toBe(-420);
    expect(atLocalHour('2026-03-02', 9, 'Asia/Shanghai').toISOString()).toBe('2026-03-02T01:00:00.000Z');
  });

  it('validates days strictly', () => {
    expect(isCalendarDay('2026-02-28')).toBe(true);
    expect(isCalendarDay('2028-02-29')).toBe(true);
    expect(isCalendarDay('2026-02-30')).toBe(false);
    expect(isCalendarDay('2026-2-3')).toBe(false);
    expect(isCalendarDay('tomorrow')).toBe(false);
    expect(isCalendarDay('')).toBe(false);
    expect(isCalendarDay(20260228)).toBe(false);
  });

  it('does day arithmetic and ages', () => {
    expect(addDays('2026-02-27', 3)).toBe('2026-03-02');
    expect(addDays('2026-03-02', -30)).toBe('2026-01-31');
    expect(addDays('2026-12-25', 7)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(() => addDays('tomorrow', 1)).toThrow();
    expect(daysBetween('2026-01-31', '2026-03-02')).toBe(30);
    expect(ageOn('1990-06-15', '2026-06-14')).toBe(35);
    expect(ageOn('1990-06-15', '2026-06-15')).toBe(36);
  });
});
