import { PATIENT_SORT_KEYS, parseSort, sortParam, sortValues } from './list-sort';

describe('list sort parameters', () => {
  it('accept each key ascending and, with a leading minus, descending', () => {
    expect(sortValues(['a', 'b'])).toEqual(['a', '-a', 'b', '-b']);
    expect(parseSort('-lastVisitOn', PATIENT_SORT_KEYS)).toEqual({ key: 'lastVisitOn', direction: 'desc' });
    expect(parseSort('name', PATIENT_SORT_KEYS)).toEqual({ key: 'name', direction: 'asc' });
    expect(sortParam({ key: 'name', direction: 'desc' })).toBe('-name');
  });

  it('read unknown or missing values as no sort', () => {
    expect(parseSort('phone', PATIENT_SORT_KEYS)).toBeNull();
    expect(parseSort('--name', PATIENT_SORT_KEYS)).toBeNull();
    expect(parseSort(undefined, PATIENT_SORT_KEYS)).toBeNull();
  });
});
