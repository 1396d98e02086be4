import { LoginAttempts } from './login-attempts';

describe('LoginAttempts', () => {
  let clock = 0;
  const attempts = () => new LoginAttempts(3, 60_000, () => clock);

  beforeEach(() => (clock = 1_000_000));

  it('locks a username after the maximum number of failures, and only that username', () => {
    const tracker = attempts();
    tracker.recordFailure('admin');
    tracker.recordFailure('admin');
    expect(tracker.lockedFor('admin')).toBe(0);
    tracker.recordFailure('admin');
    expect(tracker.lockedFor('admin')).toBe(60_000);
    expect(tracker.lockedFor('quality')).toBe(0);
  });

  it('unlocks after the lock time and starts counting afresh', () => {
    const tracker = attempts();
    for (let i = 0; i < 3; i++) tracker.recordFailure('admin');
    clock += 60_001;
    expect(tracker.lockedFor('admin')).toBe(0);
    tracker.recordFailure('admin');
    expect(tracker.lockedFor('admin')).toBe(0);
  });

  it('forgets failures after a successful login', () => {
    const tracker = attempts();
    tracker.recordFailure('admin');
    tracker.recordFailure('admin');
    tracker.recordSuccess('admin');
    tracker.recordFailure('admin');
    tracker.recordFailure('admin');
    expect(tracker.lockedFor('admin')).toBe(0);
  });
});
