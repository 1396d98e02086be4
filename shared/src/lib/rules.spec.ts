import { nextVisitDueProblem, waitLevel } from './encounters';
import { HOSPITAL_SETTING_RANGES, hospitalSettingProblem, logoTypeOf } from './hospital-settings';
import { npsBand, ratingBand } from './surveys';

describe('rules both sides use', () => {
  it('refuses the visit day itself as the next visit (the server refused it while the client offered it)', () => {
    expect(nextVisitDueProblem('2026-03-02', '2026-03-02')).toBe('notAfterVisit');
    expect(nextVisitDueProblem('2026-03-02', '2026-03-01')).toBe('notAfterVisit');
    expect(nextVisitDueProblem('2026-03-02', '2026-03-03')).toBeNull();
    expect(nextVisitDueProblem('2026-03-02', '2028-03-03')).toBeNull();
    expect(nextVisitDueProblem('2026-03-02', '2028-03-04')).toBe('tooFar');
    expect(nextVisitDueProblem('2026-03-02', '2026-02-30')).toBe('date');
  });

  it('colours waits from the hospital threshold', () => {
    expect(waitLevel(null, 30)).toBe('ok');
    expect(waitLevel(30, 30)).toBe('ok');
    expect(waitLevel(31, 30)).toBe('long');
    expect(waitLevel(61, 30)).toBe('very-long');
    expect(waitLevel(31, 45)).toBe('ok');
    expect(waitLevel(91, 45)).toBe('very-long');
  });

  it('bands NPS as DOMAIN.md: detractors 0-6, passives 7-8, promoters 9-10', () => {
    expect([0, 6, 7, 8, 9, 10].map(npsBand)).toEqual(['low', 'low', 'mid', 'mid', 'high', 'high']);
    expect([-1, 11, 6.5, null, undefined].map(npsBand)).toEqual([null, null, null, null, null]);
  });

  it('bands ratings: recovery 1-2, top-2-box 4-5', () => {
    expect([1, 2, 3, 4, 5].map(ratingBand)).toEqual(['low', 'low', 'mid', 'high', 'high']);
    expect([0, 6, 2.5].map(ratingBand)).toEqual([null, null, null]);
  });

  it('checks settings against their declared ranges', () => {
    expect(hospitalSettingProblem('waitThresholdMinutes', 45)).toBeNull();
    expect(hospitalSettingProblem('waitThresholdMinutes', HOSPITAL_SETTING_RANGES.waitThresholdMinutes.max + 1)).toBe('range');
    expect(hospitalSettingProblem('surveyExpiryDays', 0)).toBe('range');
    expect(hospitalSettingProblem('returnGraceDays', 0)).toBeNull();
    expect(hospitalSettingProblem('claimTimeoutMinutes', 7.5)).toBe('integer');
    expect(hospitalSettingProblem('claimTimeoutMinutes', '30')).toBe('integer');
  });

  it('knows a logo by its bytes, not its claimed type', () => {
    expect(logoTypeOf(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
    expect(logoTypeOf(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(logoTypeOf(new TextEncoder().encode('<svg onload="alert(1)"/>'))).toBeNull();
  });
});
