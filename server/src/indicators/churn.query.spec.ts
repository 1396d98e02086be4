import { churnPoint } from './churn.query';

describe('churnPoint', () => {
  it('makes retention the complement of the churn rate as rounded (1 lapsed of 16: 6.3 and 93.7)', () => {
    expect(churnPoint('2026-03', 16, 1)).toEqual({ key: '2026-03', n: 16, lapsed: 1, churnRate: 6.3, retention: 93.7 });
  });

  it('adds up to 100 for every cohort size up to 200', () => {
    for (let n = 1; n <= 200; n++) {
      for (let lapsed = 0; lapsed <= n; lapsed++) {
        const { churnRate, retention } = churnPoint('k', n, lapsed);
        expect(Math.round(((churnRate ?? 0) + (retention ?? 0)) * 10)).toBe(1000);
      }
    }
  });

  it('has no rates for an empty cohort', () => {
    expect(churnPoint('k', 0, 0)).toMatchObject({ churnRate: null, retention: null });
  });
});
