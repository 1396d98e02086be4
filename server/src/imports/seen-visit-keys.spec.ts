import { SeenVisitKeys } from './seen-visit-keys';

describe('SeenVisitKeys', () => {
  it('keeps the keys of a committed batch and forgets only those of a rolled-back one', () => {
    const seen = new SeenVisitKeys();
    seen.add('a');
    seen.keep();
    seen.add('b');
    seen.add('a');
    seen.forget();
    expect(seen.has('a')).toBe(true);
    expect(seen.has('b')).toBe(false);
    seen.add('b');
    seen.keep();
    seen.forget();
    expect(seen.has('b')).toBe(true);
  });
});
