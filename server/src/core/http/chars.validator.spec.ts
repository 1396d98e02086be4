import { validateSync } from 'class-validator';
import { CharLength, charCount, MaxChars } from './chars.validator';

class Sample {
  @MaxChars(5)
  short!: string;

  @CharLength(1, 3)
  label!: string;
}

function messages(short: unknown, label: unknown): string[] {
  const sample = Object.assign(new Sample(), { short, label });
  return validateSync(sample).flatMap((error) => Object.values(error.constraints ?? {}));
}

describe('MaxChars / CharLength', () => {
  it('counts code points, as PostgreSQL varchar(n) does', () => {
    expect(charCount('❤️')).toBe(2);
    expect(charCount('😀')).toBe(1);
    expect(charCount('王芳')).toBe(2);
  });

  it('accepts strings within the limits and refuses longer ones in class-validator wording', () => {
    expect(messages('😀😀😀😀😀', '王')).toEqual([]);
    expect(messages('❤️❤️❤️', 'abc')).toEqual(['short must be shorter than or equal to 5 characters']);
    expect(messages('ok', '')).toEqual(['label must be longer than or equal to 1 characters']);
    expect(messages(5, 'abc')).toEqual(['short must be shorter than or equal to 5 characters']);
  });
});
