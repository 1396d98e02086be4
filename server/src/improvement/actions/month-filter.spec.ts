import { inMonthReport, monthDays } from './month-filter';

describe("a month report's actions", () => {
  it('knows the days of a month, leap years included', () => {
    expect(monthDays('2028-02')).toEqual({ first: '2028-02-01', last: '2028-02-29' });
    expect(monthDays('2026-12')).toEqual({ first: '2026-12-01', last: '2026-12-31' });
    expect(() => monthDays('2026-13')).toThrow();
  });

  it('takes the actions under way during the month', () => {
    const action = (startDate: string, endDate: string | null, departmentId: number | null = 3) => ({ startDate, endDate, departmentId });
    expect(inMonthReport(action('2026-10-31', null), '2026-10', null)).toBe(true);
    expect(inMonthReport(action('2026-11-01', null), '2026-10', null)).toBe(false);
    expect(inMonthReport(action('2026-01-01', '2026-10-01'), '2026-10', null)).toBe(true);
    expect(inMonthReport(action('2026-01-01', '2026-09-30'), '2026-10', null)).toBe(false);
  });

  it("of the department and the hospital's for a department's report; all for the hospital's", () => {
    expect(inMonthReport({ startDate: '2026-10-01', endDate: null, departmentId: 3 }, '2026-10', 3)).toBe(true);
    expect(inMonthReport({ startDate: '2026-10-01', endDate: null, departmentId: null }, '2026-10', 3)).toBe(true);
    expect(inMonthReport({ startDate: '2026-10-01', endDate: null, departmentId: 4 }, '2026-10', 3)).toBe(false);
    expect(inMonthReport({ startDate: '2026-10-01', endDate: null, departmentId: 4 }, '2026-10', null)).toBe(true);
  });
});
