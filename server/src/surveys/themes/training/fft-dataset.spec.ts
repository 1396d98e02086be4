import { fnv1a } from '../hashed-features';
import { isTestRow, MAPPED_THEMES, rowHash } from './fft-dataset';

describe('the train/test split of the feedback file', () => {
  it('puts a comment on the same side every time, by a hash of its Comment ID alone', () => {
    const id = 'NEAS PTS 528 - Q1';
    expect(isTestRow(id)).toBe(fnv1a(id) % 100 < 20);
    expect(isTestRow(id)).toBe(isTestRow(id));
  });

  it('keeps known comments on their side (a changed hash would silently mix test rows into training)', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
    const sides = ['NEAS PTS 528 - Q1', 'NEAS PTS 531 - Q1', 'NEAS PTS 534 - Q1', 'NEAS PTS 540 - Q1', 'NEAS PTS 546 - Q1'].map(isTestRow);
    expect(sides).toEqual(SIDES_AT_WRITING);
  });

  it('holds out about a fifth of 10,000 ids', () => {
    const held = Array.from({ length: 10_000 }, (_, i) => isTestRow(`Trust ${i} - Q1`)).filter(Boolean).length;
    expect(held).toBeGreaterThan(1800);
    expect(held).toBeLessThan(2200);
  });

  it('identifies a training row by its id and its text', () => {
    expect(rowHash({ commentId: 'A', text: 'x' })).not.toBe(rowHash({ commentId: 'A', text: 'y' }));
    expect(rowHash({ commentId: 'A', text: 'x' })).toBe(rowHash({ commentId: 'A', text: 'x' }));
  });

  it('maps nine of our themes to the framework (cost has no column)', () => {
    expect(MAPPED_THEMES).toHaveLength(9);
    expect(MAPPED_THEMES).not.toContain('cost');
  });
});

/** FNV-1a mod 100 of those ids: 23, 49, 72, 49, 3 — only the last is below 20. */
const SIDES_AT_WRITING = [false, false, false, false, true];
