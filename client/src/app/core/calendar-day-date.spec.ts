import { calendarDayOfDate, dateOfCalendarDay } from './calendar-day-date';

describe('calendar days and datepicker Dates', () => {
  it('round-trips a day through a local-midnight Date, whatever the time zone', () => {
    for (const day of ['2026-01-01', '2026-11-30', '2024-02-29', '2026-03-29']) {
      const date = dateOfCalendarDay(day);
      expect(date?.getHours()).toBe(0);
      expect(calendarDayOfDate(date)).toBe(day);
    }
  });

  it('gives null for no day, an impossible day, or an invalid Date', () => {
    expect(dateOfCalendarDay(null)).toBeNull();
    expect(dateOfCalendarDay('2026-02-30')).toBeNull();
    expect(calendarDayOfDate(new Date(Number.NaN))).toBeNull();
    expect(calendarDayOfDate(null)).toBeNull();
  });

  it('keeps the picked day late in the evening (no UTC shift)', () => {
    expect(calendarDayOfDate(new Date(2026, 10, 30, 23, 59))).toBe('2026-11-30');
  });
});
