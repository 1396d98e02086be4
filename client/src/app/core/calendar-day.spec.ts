import { addDays, calendarDay, hospitalToday, isCalendarDay } from './calendar-day';

describe('calendar days', () => {
  it("takes the day in the hospital's time zone, not the browser's", () => {
    // 19:16 UTC on 23 Nov is already 03:16 on 24 Nov in Shanghai.
    const at = Date.UTC(2026, 10, 23, 19, 16);
    expect(hospitalToday(at)).toBe('2026-11-24');
    expect(calendarDay(at, 'UTC')).toBe('2026-11-23');
    expect(calendarDay(at, 'America/New_York')).toBe('2026-11-23');
  });

  it('adds days across month and year ends and leap days', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-12-25', 7)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-11-24', 90)).toBe('2027-02-22');
  });

  it('recognises real calendar days only', () => {
    expect(isCalendarDay('2026-02-28')).toBe(true);
    expect(isCalendarDay('2026-02-30')).toBe(false);
    expect(isCalendarDay('2026-2-3')).toBe(false);
    expect(isCalendarDay('')).toBe(false);
    expect(() => addDays('tomorrow', 1)).toThrow();
  });
});
