import { fromHospitalInput, hospitalInputInstant, toHospitalInput, tomorrowAtCallHour } from './hospital-date-time';

describe('hospital date-time inputs', () => {
  it("reads an input value on the hospital's clock, whatever the browser's zone", () => {
    expect(fromHospitalInput('2026-11-25T09:00')).toBe('2026-11-25T09:00:00+08:00');
    expect(hospitalInputInstant('2026-11-25T09:00')).toBe(Date.parse('2026-11-25T01:00:00Z'));
    expect(fromHospitalInput('2026-07-01T09:30', 'America/New_York')).toBe('2026-07-01T09:30:00-04:00');
    expect(fromHospitalInput('2026-01-15T09:30', 'America/New_York')).toBe('2026-01-15T09:30:00-05:00');
  });

  it('refuses what is not a real date-time', () => {
    expect(fromHospitalInput('')).toBeNull();
    expect(fromHospitalInput('2026-02-30T09:00')).toBeNull();
    expect(fromHospitalInput('2026-11-25T24:00')).toBeNull();
    expect(fromHospitalInput('2026-11-25 09:00')).toBeNull();
  });

  it("writes an instant as the hospital's wall clock", () => {
    // 17:30 UTC on 24 Nov is 01:30 on 25 Nov in Shanghai.
    expect(toHospitalInput(Date.parse('2026-11-24T17:30:00Z'))).toBe('2026-11-25T01:30');
    expect(toHospitalInput(Date.parse('2026-11-24T00:05:00Z'))).toBe('2026-11-24T08:05');
  });

  it('proposes tomorrow at 09:00 in the hospital', () => {
    expect(tomorrowAtCallHour(Date.parse('2026-11-24T17:30:00Z'))).toBe('2026-11-26T09:00');
    expect(tomorrowAtCallHour(Date.parse('2026-12-31T02:00:00Z'))).toBe('2027-01-01T09:00');
  });
});
