import { serializeAnswer, sharedAnswer } from './shared-answer';

describe('serializeAnswer', () => {
  it('serialises a shared answer once: later sends reuse its first JSON', () => {
    const page = sharedAnswer({ items: [{ id: 1 }], total: 1 });
    const first = serializeAnswer(page);
    expect(JSON.parse(first)).toEqual({ items: [{ id: 1 }], total: 1 });
    // Shared answers are never changed; this only shows the JSON is not made again.
    page.total = 2;
    expect(serializeAnswer(page)).toBe(first);
  });

  it('serialises every other answer afresh, as JSON.stringify', () => {
    const answer = { total: 1 };
    expect(serializeAnswer(answer)).toBe('{"total":1}');
    answer.total = 2;
    expect(serializeAnswer(answer)).toBe('{"total":2}');
    expect(serializeAnswer([1, 'a'])).toBe('[1,"a"]');
    expect(serializeAnswer('text')).toBe('"text"');
    expect(serializeAnswer(null)).toBe('null');
  });
});
