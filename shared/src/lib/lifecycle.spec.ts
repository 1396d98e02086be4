import { ALLOWED_TRANSITIONS, LIFECYCLE_STAGES, isTransitionAllowed } from './lifecycle';

describe('lifecycle transitions (DOMAIN.md table)', () => {
  it.each([
    ['first_visit', 'treatment', true],
    ['first_visit', 'follow_up', true],
    ['first_visit', 'rehabilitation', false],
    ['treatment', 'rehabilitation', true],
    ['treatment', 'first_visit', false],
    ['rehabilitation', 'treatment', true],
    ['follow_up', 'rehabilitation', true],
    ['follow_up', 'first_visit', false],
  ] as const)('%s → %s allowed: %s', (from, to, allowed) => {
    expect(isTransitionAllowed(from, to)).toBe(allowed);
  });

  it('never allows a move back to first_visit or to the same stage', () => {
    for (const from of LIFECYCLE_STAGES) {
      expect(ALLOWED_TRANSITIONS[from]).not.toContain('first_visit');
      expect(ALLOWED_TRANSITIONS[from]).not.toContain(from);
    }
  });
});
