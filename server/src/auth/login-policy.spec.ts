import { LOGIN_LOCK_MINUTES, LOGIN_MAX_FAILURES } from '@huifang/shared';
import { lockDurationMs } from './login-policy';

describe('lockDurationMs', () => {
  it('does not lock before the maximum number of failures', () => {
    for (let failures = 0; failures < LOGIN_MAX_FAILURES; failures++) expect(lockDurationMs(failures)).toBe(0);
  });

  it('locks for a minute, then doubles with each further failure up to the cap', () => {
    const minutes = [0, 1, 2, 3, 4, 5, 50].map((extra) => lockDurationMs(LOGIN_MAX_FAILURES + extra) / 60_000);
    expect(minutes).toEqual([1, 2, 4, 8, LOGIN_LOCK_MINUTES, LOGIN_LOCK_MINUTES, LOGIN_LOCK_MINUTES].map((m) => Math.min(m, LOGIN_LOCK_MINUTES)));
  });
});
