import { isNpsDetractor, needsRecoveryAnswer } from './surveys';

describe('NPS detractor and service recovery, two ideas', () => {
  it('counts NPS 0-6 as detractors, 7 and up not, and no answer as none', () => {
    expect([0, 6, 7, 10].map(isNpsDetractor)).toEqual([true, true, false, false]);
    expect(isNpsDetractor(null)).toBe(false);
  });

  it('opens recovery on NPS <= 6, CSAT <= 2 or any rating <= 2, whatever the NPS', () => {
    expect(needsRecoveryAnswer('rating', 2)).toBe(true);
    expect(needsRecoveryAnswer('rating', 3)).toBe(false);
    expect(needsRecoveryAnswer('csat', 2)).toBe(true);
    expect(needsRecoveryAnswer('nps', 6)).toBe(true);
    expect(needsRecoveryAnswer('nps', 7)).toBe(false);
    expect(needsRecoveryAnswer('text', 'schlecht')).toBe(false);
    // A promoter with a poor wait rating: recovery, but not a detractor.
    expect(isNpsDetractor(10) || !needsRecoveryAnswer('rating', 2)).toBe(false);
  });
});
