import { messageLanguage, outreachTime } from './message-values';

describe('outreachTime', () => {
  it('is the hour and minute in the hospital’s zone', () => {
    expect(outreachTime(new Date('2026-03-02T06:30:00Z'), 'Asia/Shanghai')).toBe('14:30');
    expect(outreachTime(new Date('2026-03-02T16:05:00Z'), 'Asia/Shanghai')).toBe('00:05');
    expect(outreachTime(new Date('2026-07-01T08:00:00Z'), 'Europe/London')).toBe('09:00');
  });
});

describe('messageLanguage', () => {
  it('is the patient’s preferred language, Chinese when none is known', () => {
    expect(messageLanguage({ preferredLanguage: 'en' })).toBe('en');
    expect(messageLanguage({ preferredLanguage: null })).toBe('zh');
  });
});
