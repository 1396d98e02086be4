import { DEFAULT_HOSPITAL_TIME_ZONE } from '@huifang/shared';
import { hospitalTimeZone, hospitalToday, useHospitalTimeZone } from './hospital-clock';

describe('hospital clock', () => {
  afterEach(() => useHospitalTimeZone(DEFAULT_HOSPITAL_TIME_ZONE));

  it("takes today in the zone the server serves, not a zone written into the client", () => {
    // 19:16 UTC on 23 Nov: already 24 Nov in Shanghai, still 23 Nov in Los Angeles.
    const at = Date.UTC(2026, 10, 23, 19, 16);
    expect(hospitalToday(at)).toBe('2026-11-24');
    useHospitalTimeZone('America/Los_Angeles');
    expect(hospitalTimeZone()).toBe('America/Los_Angeles');
    expect(hospitalToday(at)).toBe('2026-11-23');
  });
});
