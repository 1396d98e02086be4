import { retryDelayMs } from './outreach-outcomes';

describe('retryDelayMs', () => {
  it('doubles the base after each try', () => {
    expect([1, 2, 3, 4].map((attempts) => retryDelayMs(300, attempts))).toEqual([300, 600, 1200, 2400]);
  });
});
