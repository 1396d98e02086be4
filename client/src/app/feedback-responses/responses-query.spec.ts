import { convertToParamMap } from '@angular/router';
import {
  defaultResponsesState,
  paramsFromResponsesState,
  queryFromResponsesState,
  responsesStateFromParams,
  withPeriodEnd,
} from './responses-query';

const TODAY = '2026-03-31';

describe('feedback list state in the URL', () => {
  it('defaults to the last 30 days, today included, with no filters', () => {
    expect(responsesStateFromParams(convertToParamMap({}), TODAY)).toEqual({
      from: '2026-03-02',
      to: '2026-03-31',
      departmentId: null,
      templateId: null,
      npsDetractorsOnly: false,
      needsRecoveryOnly: false,
      hasComment: false,
      driverCell: {},
      sort: null,
      page: 1,
      pageSize: 20,
    });
  });

  it('reads every filter, and puts a reversed period right', () => {
    const state = responsesStateFromParams(
      convertToParamMap({
        from: '2026-02-28',
        to: '2026-02-01',
        departmentId: '3',
        templateId: '4',
        npsDetractorsOnly: 'true',
        needsRecoveryOnly: 'true',
        hasComment: 'true',
        sort: '-nps',
        page: '4',
        pageSize: '50',
      }),
      TODAY,
    );
    expect(state).toEqual({
      from: '2026-02-01',
      to: '2026-02-28',
      departmentId: 3,
      templateId: 4,
      npsDetractorsOnly: true,
      needsRecoveryOnly: true,
      hasComment: true,
      driverCell: {},
      sort: '-nps',
      page: 4,
      pageSize: 50,
    });
  });

  it('ignores malformed values', () => {
    const state = responsesStateFromParams(
      convertToParamMap({ from: '2026-02-30', to: 'soon', departmentId: '-1', npsDetractorsOnly: 'yes', needsRecoveryOnly: '1', page: '0', pageSize: '500' }),
      TODAY,
    );
    expect(state).toEqual({ ...defaultResponsesState(TODAY), pageSize: 100 });
  });

  it('writes only what differs from the default into the URL, and reads it back', () => {
    expect(paramsFromResponsesState(defaultResponsesState(TODAY), TODAY)).toEqual({
      from: null,
      to: null,
      departmentId: null,
      templateId: null,
      npsDetractorsOnly: null,
      needsRecoveryOnly: null,
      hasComment: null,
      npsBand: null,
      waitBand: null,
      themeId: null,
      sort: null,
      page: null,
      pageSize: null,
    });
    const state = { ...defaultResponsesState(TODAY), from: '2026-01-01', departmentId: 2, templateId: 1, hasComment: true, sort: 'csat', page: 3 };
    const params = paramsFromResponsesState(state, TODAY);
    expect(params).toEqual({
      from: '2026-01-01',
      to: '2026-03-31',
      departmentId: 2,
      templateId: 1,
      npsDetractorsOnly: null,
      needsRecoveryOnly: null,
      hasComment: 'true',
      npsBand: null,
      waitBand: null,
      themeId: null,
      sort: 'csat',
      page: 3,
      pageSize: null,
    });
    const clean = Object.fromEntries(
      Object.entries(params)
        .filter(([, v]) => v !== null)
        .map(([k, v]) => [k, String(v)]),
    );
    expect(responsesStateFromParams(convertToParamMap(clean), TODAY)).toEqual(state);
  });

  it('asks the API for the period, page and only the filters that are on', () => {
    expect(queryFromResponsesState(defaultResponsesState(TODAY))).toEqual({
      from: '2026-03-02',
      to: '2026-03-31',
      page: 1,
      pageSize: 20,
    });
    expect(
      queryFromResponsesState({ ...defaultResponsesState(TODAY), departmentId: 5, npsDetractorsOnly: true, hasComment: true }),
    ).toEqual({ from: '2026-03-02', to: '2026-03-31', departmentId: 5, npsDetractorsOnly: true, hasComment: true, page: 1, pageSize: 20 });
    expect(queryFromResponsesState({ ...defaultResponsesState(TODAY), needsRecoveryOnly: true })).toMatchObject({ needsRecoveryOnly: true });
  });

  it('moves the other end of the period along rather than letting it run backwards', () => {
    const state = { ...defaultResponsesState(TODAY), page: 3 };
    expect(withPeriodEnd(state, 'from', '2026-03-10')).toEqual({ ...state, from: '2026-03-10', page: 1 });
    expect(withPeriodEnd(state, 'from', '2026-04-05')).toEqual({ ...state, from: '2026-04-05', to: '2026-04-05', page: 1 });
    expect(withPeriodEnd(state, 'to', '2026-02-01')).toEqual({ ...state, from: '2026-02-01', to: '2026-02-01', page: 1 });
    expect(withPeriodEnd(state, 'to', '')).toBeNull();
    expect(withPeriodEnd(state, 'to', TODAY)).toBeNull();
  });

  it('keeps the drivers cell a list was opened for (NPS band, wait band, theme), dropping unknown values', () => {
    const state = responsesStateFromParams(convertToParamMap({ npsBand: 'detractor', waitBand: '30_60', themeId: 'waiting' }), TODAY);
    expect(state.driverCell).toEqual({ npsBand: 'detractor', waitBand: '30_60', themeId: 'waiting' });
    expect(queryFromResponsesState(state)).toMatchObject({ npsBand: 'detractor', waitBand: '30_60', themeId: 'waiting' });
    expect(paramsFromResponsesState(state, TODAY)).toMatchObject({ npsBand: 'detractor', waitBand: '30_60', themeId: 'waiting' });
    const bad = responsesStateFromParams(convertToParamMap({ npsBand: 'angry', waitBand: '5_10', themeId: 'Wait ing' }), TODAY);
    expect(bad.driverCell).toEqual({});
    expect(paramsFromResponsesState(bad, TODAY)).toMatchObject({ npsBand: null, waitBand: null, themeId: null });
  });
});
