import { funnelLimits, funnelOutside, headlineDirection, isReportMonth, monthBounds, shiftMonth } from './reports';

describe('report months', () => {
  it('accepts YYYY-MM with months 01-12 only', () => {
    expect(['2026-10', '2025-01', '2026-12'].every(isReportMonth)).toBe(true);
    expect(['2026-13', '2026-00', '26-10', '2026-1', '2026-10-01', '', 202610, null].some(isReportMonth)).toBe(false);
  });

  it('shifts across years and knows each month’s last day (leap years too)', () => {
    expect([shiftMonth('2026-01', -1), shiftMonth('2026-10', -12), shiftMonth('2026-12', 1), shiftMonth('2026-03', -26)]).toEqual(['2025-12', '2025-10', '2027-01', '2024-01']);
    expect(monthBounds('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(monthBounds('2026-02').to).toBe('2026-02-28');
    expect(monthBounds('2026-12').to).toBe('2026-12-31');
  });
});

describe('funnel limits (Spiegelhalter 2005: p ± z √(p(1-p)/n))', () => {
  it('works the limits out for p = 10 %, n = 10: half-widths 1.96 × 9.487 = 18.59 and 3.090 × 9.487 = 29.32 points', () => {
    const at95 = funnelLimits(10, 10, '95');
    const at998 = funnelLimits(10, 10, '99.8');
    expect(at95.lower).toBe(0); // 10 - 18.59, clipped at 0
    expect(at95.upper).toBeCloseTo(28.59, 2);
    expect(at998.upper).toBeCloseTo(39.32, 2);
  });

  it('names the widest limit a share lies outside of, and leaves small departments alone', () => {
    expect(funnelOutside(10, 40, 10)).toEqual({ level: '99.8', above: true });
    expect(funnelOutside(10, 30, 10)).toEqual({ level: '95', above: true });
    expect(funnelOutside(10, 25, 10)).toBeNull();
    expect(funnelOutside(50, 20, 100)).toEqual({ level: '99.8', above: false });
    expect(funnelOutside(10, 90, 9)).toBeNull();
  });

  it('takes each headline’s better direction from its improvement indicator', () => {
    expect([headlineDirection('waitMedian'), headlineDirection('nps'), headlineDirection('churnRate'), headlineDirection('responseRate')]).toEqual(['lower', 'higher', 'lower', 'higher']);
  });
});
