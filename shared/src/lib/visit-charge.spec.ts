import { isVisitCharge } from './encounters';

describe('a visit charge (yuan, at most two decimals)', () => {
  it('takes amounts from 0 to 10,000,000 in fen steps', () => {
    expect([0, 0.01, 268.5, 19.99, 10_000_000].map(isVisitCharge)).toEqual([true, true, true, true, true]);
  });

  it('refuses negatives, fractions of a fen, too much, and what is not a finite number', () => {
    expect([-0.01, 1.005, 10_000_000.01, Number.NaN, Number.POSITIVE_INFINITY, '12', null].map(isVisitCharge)).toEqual([false, false, false, false, false, false, false]);
  });
});
