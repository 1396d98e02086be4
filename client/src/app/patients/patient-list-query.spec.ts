import { convertToParamMap } from '@angular/router';
import {
  EMPTY_LIST_STATE,
  listStateFromParams,
  paramsFromListState,
  queryFromListState,
  searchText,
} from './patient-list-query';

describe('patient list state in the URL', () => {
  it('reads filters and paging from the query params', () => {
    const state = listStateFromParams(
      convertToParamMap({
        q: ' 王 ',
        stage: 'rehabilitation',
        status: 'lapsed',
        phase: 'decline',
        valueTier: 'high',
        departmentId: '4',
        sort: '-valueScore',
        page: '3',
        pageSize: '50',
      }),
    );
    expect(state).toEqual({
      q: '王',
      stage: 'rehabilitation',
      status: 'lapsed',
      phase: 'decline',
      valueTier: 'high',
      departmentId: 4,
      sort: '-valueScore',
      page: 3,
      pageSize: 50,
    });
  });

  it('falls back to defaults for unknown or malformed values', () => {
    expect(
      listStateFromParams(
        convertToParamMap({ stage: 'discharged', status: 'ACTIVE', phase: 'churned', valueTier: 'vip', departmentId: 'x', sort: 'phone', page: '0', pageSize: '-5' }),
      ),
    ).toEqual(EMPTY_LIST_STATE);
    expect(listStateFromParams(convertToParamMap({ pageSize: '1000' })).pageSize).toBe(100);
  });

  it('writes only what differs from the defaults, and round-trips', () => {
    expect(paramsFromListState(EMPTY_LIST_STATE)).toEqual({
      q: null,
      stage: null,
      status: null,
      phase: null,
      valueTier: null,
      departmentId: null,
      sort: null,
      page: null,
      pageSize: null,
    });
    const state = {
      q: '138',
      stage: 'treatment' as const,
      status: null,
      phase: 'stable' as const,
      valueTier: 'low' as const,
      departmentId: 2,
      sort: 'name',
      page: 2,
      pageSize: 10,
    };
    const params = paramsFromListState(state);
    const present = Object.fromEntries(Object.entries(params).filter(([, v]) => v !== null).map(([k, v]) => [k, String(v)]));
    expect(listStateFromParams(convertToParamMap(present))).toEqual(state);
  });

  it('builds the API query, phone digits without spaces or dashes', () => {
    expect(queryFromListState({ ...EMPTY_LIST_STATE, q: '138 0013-8000', status: 'at_risk', phase: 'decline', valueTier: 'high', sort: '-nextVisitDue' })).toEqual({
      q: '13800138000',
      status: 'at_risk',
      phase: 'decline',
      valueTier: 'high',
      sort: '-nextVisitDue',
      page: 1,
      pageSize: 20,
    });
    expect(searchText(' 王 芳 ')).toBe('王 芳');
  });
});
