import { maskPhone, MOBILE_PHONE_PATTERN, normalizeMobilePhone } from './patients';

describe('mobile phones', () => {
  it.each([
    ['138 1234 5678', '13812345678'],
    ['+86 138-1234-5678', '13812345678'],
    ['0086 13812345678', '13812345678'],
    ['8613812345678', '13812345678'],
  ])('normalises %s to the 11 digits', (input, stored) => {
    expect(normalizeMobilePhone(input)).toBe(stored);
    expect(MOBILE_PHONE_PATTERN.test(normalizeMobilePhone(input))).toBe(true);
  });

  it.each(['12812345678', '1381234567', '138123456789', '010-12345678', 'abc'])('refuses %s', (input) => {
    expect(MOBILE_PHONE_PATTERN.test(normalizeMobilePhone(input))).toBe(false);
  });

  it('masks the middle four digits for lists', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });
});
