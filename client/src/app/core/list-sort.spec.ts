import { PATIENT_SORT_KEYS } from '@huifang/shared';
import { matSortState, sortFromMatSort, sortFromParam } from './list-sort';

describe('list sort in the URL and the table header', () => {
  it('keeps only declared keys from the URL', () => {
    expect(sortFromParam('-lastVisitOn', PATIENT_SORT_KEYS)).toBe('-lastVisitOn');
    expect(sortFromParam('phone', PATIENT_SORT_KEYS)).toBeNull();
    expect(sortFromParam(null, PATIENT_SORT_KEYS)).toBeNull();
  });

  it('maps header clicks to sort values and back', () => {
    expect(sortFromMatSort({ active: 'name', direction: 'desc' }, PATIENT_SORT_KEYS)).toBe('-name');
    expect(sortFromMatSort({ active: 'name', direction: '' }, PATIENT_SORT_KEYS)).toBeNull();
    expect(sortFromMatSort({ active: 'phone', direction: 'asc' }, PATIENT_SORT_KEYS)).toBeNull();
    expect(matSortState('-name', PATIENT_SORT_KEYS)).toEqual({ active: 'name', direction: 'desc' });
    expect(matSortState(null, PATIENT_SORT_KEYS)).toEqual({ active: '', direction: '' });
  });
});
