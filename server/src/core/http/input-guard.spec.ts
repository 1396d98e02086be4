import { ERROR_CODES, MAX_BODY_DEPTH } from '@huifang/shared';
import { findInputProblem } from './input-guard';

function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i += 1) value = { a: value };
  return value;
}

describe('findInputProblem', () => {
  it('accepts ordinary bodies and query strings', () => {
    expect(findInputProblem({ name: '王芳', answers: [{ questionId: 'nps', value: 9 }] }, '')).toBeUndefined();
    expect(findInputProblem({ q: '138', page: '2' }, '')).toBeUndefined();
    expect(findInputProblem(undefined, '')).toBeUndefined();
    expect(findInputProblem(nested(MAX_BODY_DEPTH - 1), '')).toBeUndefined();
  });

  it('refuses NUL in any string or key, naming the field path', () => {
    expect(findInputProblem({ answers: [{ value: 'a\u0000' }] }, '')).toEqual({
      message: 'answers.0.value must not contain NUL characters',
      code: ERROR_CODES.validation,
      params: { fields: ['answers.0.value'] },
    });
    expect(findInputProblem({ consent: { 'x\u0000': true } }, '')?.message).toBe('consent must not have keys with NUL characters');
    expect(findInputProblem('\u0000', '')?.message).toBe('body must not contain NUL characters');
  });

  it('refuses nesting beyond the limit without recursing (100,000 levels)', () => {
    expect(findInputProblem(nested(MAX_BODY_DEPTH + 1), '')?.code).toBe(ERROR_CODES.tooDeep);
    const deep = findInputProblem({ name: nested(100_000) }, '');
    expect(deep?.code).toBe(ERROR_CODES.tooDeep);
    expect(deep?.message).toMatch(/^name(\.a)+ is nested more than 32 levels deep$/);
  });
});
