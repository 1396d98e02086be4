import { firstSendableAt } from './quiet-hours';

describe('firstSendableAt (quiet hours 21:00-08:00 in the hospital time zone)', () => {
  const shanghai = 'Asia/Shanghai'; // UTC+8, no DST
  it('sends at once during the day', () => {
    const noon = new Date('2026-05-01T04:00:00Z'); // 12:00 in Shanghai
    expect(firstSendableAt(noon, shanghai)).toEqual(noon);
    const justBefore = new Date('2026-05-01T12:59:59Z'); // 20:59:59
    expect(firstSendableAt(justBefore, shanghai)).toEqual(justBefore);
    const eight = new Date('2026-05-01T00:00:00Z'); // 08:00 sharp
    expect(firstSendableAt(eight, shanghai)).toEqual(eight);
  });
  it('holds an evening message until 08:00 the next morning', () => {
    expect(firstSendableAt(new Date('2026-05-01T13:00:00Z'), shanghai)).toEqual(new Date('2026-05-02T00:00:00Z')); // 21:00
    expect(firstSendableAt(new Date('2026-05-01T15:59:00Z'), shanghai)).toEqual(new Date('2026-05-02T00:00:00Z')); // 23:59
  });
  it('holds a message after midnight until 08:00 the same day', () => {
    expect(firstSendableAt(new Date('2026-05-01T16:30:00Z'), shanghai)).toEqual(new Date('2026-05-02T00:00:00Z')); // 00:30 on 05-02
    expect(firstSendableAt(new Date('2026-05-01T23:59:00Z'), shanghai)).toEqual(new Date('2026-05-02T00:00:00Z')); // 07:59
  });
  it('follows the zone, DST included', () => {
    // 22:00 in Berlin (CEST, UTC+2) → 08:00 next morning = 06:00Z
    expect(firstSendableAt(new Date('2026-07-01T20:00:00Z'), 'Europe/Berlin')).toEqual(new Date('2026-07-02T06:00:00Z'));
    // 22:00 in Berlin (CET, UTC+1) in winter → 07:00Z
    expect(firstSendableAt(new Date('2026-12-01T21:00:00Z'), 'Europe/Berlin')).toEqual(new Date('2026-12-02T07:00:00Z'));
  });
});
