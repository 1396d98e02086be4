import { IMPORT_CHARGE_MAX_YUAN } from '@huifang/shared';
import { characterCount, hasControlCharacters, parseChargeCents, parseGender, parsePhone } from './cell-values';

describe('cell values', () => {
  it('reads mobile numbers as patient registration does', () => {
    expect(parsePhone('138 0013 8000')).toBe('13800138000');
    expect(parsePhone('+86-138-0013-8000')).toBe('13800138000');
    expect(parsePhone('010-12345678')).toBeNull();
    expect(parsePhone('12800138000')).toBeNull();
  });

  it.each([
    ['男', 'male'],
    ['女性', 'female'],
    ['F', 'female'],
    ['Male', 'male'],
    ['1', 'male'],
    ['2', 'female'],
    ['未知', 'unknown'],
    ['9', 'unknown'],
    ['其他', 'other'],
  ])('reads gender %s as %s', (text, gender) => expect(parseGender(text)).toBe(gender));

  it('refuses a gender it does not know', () => expect(parseGender('x')).toBeNull());

  it.each([
    ['128.5', 12850],
    ['0', 0],
    ['¥1,234.05', 123405],
    ['12.3', 1230],
    [String(IMPORT_CHARGE_MAX_YUAN), IMPORT_CHARGE_MAX_YUAN * 100],
  ])('reads charge %s as %d fen', (text, cents) => expect(parseChargeCents(text)).toBe(cents));

  it.each(['-5', '1.234', 'abc', '1,23', String(IMPORT_CHARGE_MAX_YUAN + 1), '99999999999999999999'])('refuses charge %s', (text) =>
    expect(parseChargeCents(text)).toBeNull(),
  );

  it('finds NUL bytes and other control characters', () => {
    expect(hasControlCharacters('张\u0000三')).toBe(true);
    expect(hasControlCharacters('张\n三')).toBe(true);
    expect(hasControlCharacters('张三 Zhang')).toBe(false);
  });

  it('counts a character outside the BMP once', () => expect(characterCount('𠀀𠀁张')).toBe(3));
});
