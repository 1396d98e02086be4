import { fixedOffsetMinutes } from './indicator-sql.provider';

describe('fixedOffsetMinutes', () => {
  it('gives the offset of zones without daylight saving and null for zones with it', () => {
    expect(fixedOffsetMinutes('Asia/Shanghai', 2026)).toBe(480);
    expect(fixedOffsetMinutes('Asia/Kolkata', 2026)).toBe(330);
    expect(fixedOffsetMinutes('UTC', 2026)).toBe(0);
    expect(fixedOffsetMinutes('Europe/Berlin', 2026)).toBeNull();
  });
});
