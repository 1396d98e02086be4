import { registerDateLocales } from './date-locale';
import { formatHospitalDate, utcOffset } from './hospital-date';

describe('formatHospitalDate', () => {
  beforeAll(() => registerDateLocales());

  it("shows an instant in the hospital's time zone, in the UI language", () => {
    // 01:05 UTC is 09:05 in Shanghai.
    expect(formatHospitalDate('2026-03-02T01:05:00Z', 'dateTime', 'zh')).toBe('2026年3月2日 09:05');
    expect(formatHospitalDate('2026-03-02T01:05:00Z', 'dateTime', 'en')).toBe('Mar 2, 2026, 09:05');
    expect(formatHospitalDate('2026-03-02T09:05:00+08:00', 'time', 'en')).toBe('09:05');
    // 17:30 UTC on 1 March is already 2 March in Shanghai.
    expect(formatHospitalDate('2026-03-01T17:30:00Z', 'date', 'zh')).toBe('2026年3月2日');
    expect(formatHospitalDate(Date.UTC(2026, 2, 2, 1, 5, 9), 'timeSeconds', 'zh')).toBe('09:05:09');
  });

  it('keeps a calendar day as that day', () => {
    expect(formatHospitalDate('2026-12-31', 'date', 'zh')).toBe('2026年12月31日');
    expect(formatHospitalDate('2026-12-31', 'date', 'en')).toBe('Dec 31, 2026');
  });

  it('follows another configured zone, and gives nothing for an unreadable value', () => {
    expect(formatHospitalDate('2026-07-01T12:00:00Z', 'time', 'en', 'America/New_York')).toBe('08:00');
    expect(formatHospitalDate('not a date', 'date', 'en')).toBe('');
  });
});

describe('utcOffset', () => {
  it('gives the offset in the form formatDate takes', () => {
    expect(utcOffset(new Date('2026-03-02T00:00:00Z'), 'Asia/Shanghai')).toBe('+0800');
    expect(utcOffset(new Date('2026-03-02T00:00:00Z'), 'UTC')).toBe('+0000');
    expect(utcOffset(new Date('2026-01-15T00:00:00Z'), 'America/New_York')).toBe('-0500');
    expect(utcOffset(new Date('2026-03-02T00:00:00Z'), 'Mars/Olympus')).toBeUndefined();
  });
});
