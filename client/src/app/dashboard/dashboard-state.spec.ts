import { convertToParamMap } from '@angular/router';
import { MAX_PERIOD_DAYS, periodDays } from '@huifang/shared';
import {
  type DashboardState,
  dashboardStateFromParams,
  defaultDashboardState,
  indicatorQuery,
  indicatorTrendGrouping,
  paramsFromDashboardState,
  presetRange,
  sameDashboardState,
  withPeriod,
  withPeriodEnd,
} from './dashboard-state';

const TODAY = '2026-03-31';

const custom = (from: string, to: string, departmentId: number | null = null): DashboardState => ({
  period: 'custom',
  from,
  to,
  departmentId,
});

describe('dashboard presets', () => {
  it('30d is the last 30 days, today included', () => {
    expect(presetRange('30d', TODAY)).toEqual({ from: '2026-03-02', to: TODAY });
    expect(presetRange('30d', '2026-01-10')).toEqual({ from: '2025-12-12', to: '2026-01-10' });
    expect(periodDays('2026-03-02', TODAY)).toBe(30);
  });

  it('quarter runs from the first day of the calendar quarter to today', () => {
    expect(presetRange('quarter', TODAY)).toEqual({ from: '2026-01-01', to: TODAY });
    expect(presetRange('quarter', '2026-01-01')).toEqual({ from: '2026-01-01', to: '2026-01-01' });
    expect(presetRange('quarter', '2026-04-01')).toEqual({ from: '2026-04-01', to: '2026-04-01' });
    expect(presetRange('quarter', '2026-06-30')).toEqual({ from: '2026-04-01', to: '2026-06-30' });
    expect(presetRange('quarter', '2026-07-15')).toEqual({ from: '2026-07-01', to: '2026-07-15' });
    expect(presetRange('quarter', '2026-09-30')).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(presetRange('quarter', '2026-10-01')).toEqual({ from: '2026-10-01', to: '2026-10-01' });
    expect(presetRange('quarter', '2026-12-31')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
  });

  it('year is the last 365 days, today included', () => {
    expect(presetRange('year', TODAY)).toEqual({ from: '2025-04-01', to: TODAY });
    expect(periodDays('2025-04-01', TODAY)).toBe(365);
  });

  it('defaults to the last 30 days for every department', () => {
    expect(defaultDashboardState(TODAY)).toEqual({ period: '30d', from: '2026-03-02', to: TODAY, departmentId: null });
  });
});

describe('dashboard state from the URL', () => {
  const read = (params: Record<string, string>) => dashboardStateFromParams(convertToParamMap(params), TODAY);

  it('falls back to the default for no params', () => {
    expect(read({})).toEqual({ period: '30d', from: '2026-03-02', to: TODAY, departmentId: null });
  });

  it('reads a preset relative to today, ignoring any days in the URL', () => {
    expect(read({ period: 'quarter', departmentId: '3' })).toEqual({ period: 'quarter', from: '2026-01-01', to: TODAY, departmentId: 3 });
    expect(read({ period: 'year', from: '2026-01-05', to: '2026-01-20' })).toEqual({
      period: 'year',
      from: '2025-04-01',
      to: TODAY,
      departmentId: null,
    });
  });

  it('takes from/to without a period as a custom period', () => {
    expect(read({ from: '2026-01-05', to: '2026-02-20', departmentId: '7' })).toEqual(custom('2026-01-05', '2026-02-20', 7));
    expect(read({ period: 'custom', from: '2026-01-05', to: '2026-02-20' })).toEqual(custom('2026-01-05', '2026-02-20'));
  });

  it('puts a reversed custom period right', () => {
    expect(read({ period: 'custom', from: '2026-02-20', to: '2026-01-05' })).toEqual(custom('2026-01-05', '2026-02-20'));
  });

  it('cuts a too-long custom period to MAX_PERIOD_DAYS, keeping its end', () => {
    const state = read({ period: 'custom', from: '2020-01-01', to: TODAY });
    expect(state).toEqual(custom('2023-03-28', TODAY));
    expect(periodDays(state.from, state.to)).toBe(MAX_PERIOD_DAYS);
    // Exactly MAX_PERIOD_DAYS is allowed as is.
    expect(read({ from: '2023-03-28', to: TODAY })).toEqual(custom('2023-03-28', TODAY));
    // A reversed too-long period keeps the later day as its end.
    expect(read({ from: TODAY, to: '2020-01-01' })).toEqual(custom('2023-03-28', TODAY));
  });

  it('falls back to the default for a custom period missing a valid day, or an unknown period', () => {
    const fallback = { period: '30d', from: '2026-03-02', to: TODAY, departmentId: null };
    expect(read({ period: 'custom', from: '2026-01-05' })).toEqual(fallback);
    expect(read({ period: 'custom', from: '2026-02-30', to: '2026-03-05' })).toEqual(fallback);
    expect(read({ from: '2026-01-05', to: 'tomorrow' })).toEqual(fallback);
    expect(read({ period: 'decade' })).toEqual(fallback);
    expect(read({ period: 'decade', from: '2026-01-05', to: '2026-02-20' })).toEqual(fallback);
    // The department survives the fallback.
    expect(read({ period: 'decade', departmentId: '4' })).toEqual({ ...fallback, departmentId: 4 });
  });

  it('ignores a department id that is not a positive integer', () => {
    for (const departmentId of ['0', '-3', '2.5', 'abc', '', '1e3', '12345678901']) {
      expect(read({ departmentId }).departmentId).toBeNull();
    }
    expect(read({ departmentId: '12' }).departmentId).toBe(12);
  });
});

describe('dashboard state to the URL', () => {
  it('leaves the default period and days out', () => {
    expect(paramsFromDashboardState(defaultDashboardState(TODAY))).toEqual({ period: null, from: null, to: null, departmentId: null });
  });

  it('writes a preset without its days, and a custom period with them', () => {
    expect(paramsFromDashboardState({ period: 'quarter', from: '2026-01-01', to: TODAY, departmentId: 2 })).toEqual({
      period: 'quarter',
      from: null,
      to: null,
      departmentId: 2,
    });
    expect(paramsFromDashboardState(custom('2026-01-05', '2026-02-20', 9))).toEqual({
      period: 'custom',
      from: '2026-01-05',
      to: '2026-02-20',
      departmentId: 9,
    });
  });

  it('round-trips a custom state through the URL', () => {
    const state = custom('2025-11-03', '2026-02-14', 5);
    const params = paramsFromDashboardState(state);
    const strings = Object.fromEntries(
      Object.entries(params)
        .filter(([, value]) => value !== null)
        .map(([key, value]) => [key, String(value)]),
    );
    expect(dashboardStateFromParams(convertToParamMap(strings), TODAY)).toEqual(state);
  });
});

describe('changing the period', () => {
  it('a preset takes its days from today and keeps the department', () => {
    expect(withPeriod(custom('2025-06-01', '2025-06-30', 3), 'quarter', TODAY)).toEqual({
      period: 'quarter',
      from: '2026-01-01',
      to: TODAY,
      departmentId: 3,
    });
    expect(withPeriod(defaultDashboardState(TODAY), 'year', TODAY)).toEqual({ period: 'year', from: '2025-04-01', to: TODAY, departmentId: null });
  });

  it('custom keeps the days shown now', () => {
    expect(withPeriod({ period: 'quarter', from: '2026-01-01', to: TODAY, departmentId: null }, 'custom', TODAY)).toEqual(
      custom('2026-01-01', TODAY),
    );
  });

  it('a new start or end makes the period custom', () => {
    expect(withPeriodEnd(defaultDashboardState(TODAY), 'from', '2026-02-01')).toEqual(custom('2026-02-01', TODAY));
    expect(withPeriodEnd(custom('2026-01-01', '2026-01-31', 6), 'to', '2026-02-15')).toEqual(custom('2026-01-01', '2026-02-15', 6));
  });

  it('moves the other end along when the period would run backwards', () => {
    expect(withPeriodEnd(custom('2026-01-01', '2026-01-31'), 'from', '2026-02-10')).toEqual(custom('2026-02-10', '2026-02-10'));
    expect(withPeriodEnd(custom('2026-01-10', '2026-01-31'), 'to', '2026-01-05')).toEqual(custom('2026-01-05', '2026-01-05'));
  });

  it('cuts a period made too long, keeping its end', () => {
    expect(withPeriodEnd(custom('2026-01-01', TODAY), 'from', '2020-01-01')).toEqual(custom('2023-03-28', TODAY));
  });

  it('changes nothing for an empty or invalid day, or the same day', () => {
    const state = custom('2026-01-01', '2026-01-31');
    expect(withPeriodEnd(state, 'from', '')).toBeNull();
    expect(withPeriodEnd(state, 'to', '2026-02-30')).toBeNull();
    expect(withPeriodEnd(state, 'to', '31/01/2026')).toBeNull();
    expect(withPeriodEnd(state, 'from', '2026-01-01')).toBeNull();
    expect(withPeriodEnd(state, 'to', '2026-01-31')).toBeNull();
  });

  it('the same day on a preset still turns it into a custom period of the same days', () => {
    expect(withPeriodEnd(defaultDashboardState(TODAY), 'to', TODAY)).toEqual(custom('2026-03-02', TODAY));
  });

  it('compares states field by field', () => {
    const state = custom('2026-01-01', '2026-01-31', 2);
    expect(sameDashboardState(state, { ...state })).toBe(true);
    expect(sameDashboardState(state, { ...state, departmentId: null })).toBe(false);
    expect(sameDashboardState(state, { ...state, to: '2026-02-01' })).toBe(false);
    expect(sameDashboardState(state, { ...state, period: '30d' })).toBe(false);
  });
});

describe('API queries of a state', () => {
  it('leaves out a missing department and groupBy', () => {
    const query = indicatorQuery(custom('2026-01-01', '2026-01-31'));
    expect(query).toEqual({ from: '2026-01-01', to: '2026-01-31' });
    expect('departmentId' in query).toBe(false);
    expect('groupBy' in query).toBe(false);
  });

  it('adds the department and groupBy when given', () => {
    expect(indicatorQuery(custom('2026-01-01', '2026-01-31', 4), 'week')).toEqual({
      from: '2026-01-01',
      to: '2026-01-31',
      departmentId: 4,
      groupBy: 'week',
    });
  });
});

describe('trend buckets', () => {
  it('churn is always by monthly cohort', () => {
    expect(indicatorTrendGrouping('churn', { from: '2026-03-01', to: '2026-03-31' }, 10_000)).toBe('month');
  });

  it('the other indicators group by what their n over the period can carry', () => {
    const month = { from: '2026-03-01', to: '2026-03-30' };
    // Three answers a day is noise by day and by week: one monthly point.
    expect(indicatorTrendGrouping('satisfaction', month, 90)).toBe('month');
    expect(indicatorTrendGrouping('wait-time', month, 900)).toBe('day');
    expect(indicatorTrendGrouping('follow-up', month, 200)).toBe('week');
  });

  it('falls back to the finest buckets of the period when the n is not known', () => {
    expect(indicatorTrendGrouping('wait-time', { from: '2026-03-01', to: '2026-03-31' }, null)).toBe('day');
    expect(indicatorTrendGrouping('satisfaction', { from: '2026-01-01', to: '2026-04-30' }, null)).toBe('week');
    expect(indicatorTrendGrouping('follow-up', { from: '2025-04-01', to: TODAY }, null)).toBe('month');
  });
});
