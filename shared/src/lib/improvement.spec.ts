import {
  INDICATOR_DEFINITIONS,
  TEST_OF_KIND,
  defaultComparator,
  improvementWindows,
  indicatorDefinition,
  isEndOnOrAfterStart,
  isImprovementWindowDays,
  isIndicatorKey,
  isTargetMet,
  isTargetValue,
  decimalPlaces,
  parseIndicatorKey,
  targetFor,
} from './improvement';

describe('indicator keys', () => {
  it('accept the fixed keys, known dimensions and well-formed theme keys', () => {
    for (const key of ['wait_median', 'wait_over_threshold', 'nps', 'csat', 'churn_rate', 'callback_completion']) {
      expect([key, isIndicatorKey(key)]).toEqual([key, true]);
    }
    expect(parseIndicatorKey('dimension:nursing')).toEqual({ base: 'dimension', param: 'nursing' });
    expect(parseIndicatorKey('theme_share:waiting')).toEqual({ base: 'theme_share', param: 'waiting' });
  });

  it('refuse unknown keys, unknown dimensions and malformed theme keys', () => {
    for (const key of ['', 'wait', 'NPS', 'dimension:', 'dimension:food', 'theme_share:', 'theme_share:Bad Key', 'other:x', 42, null]) {
      expect([key, isIndicatorKey(key)]).toEqual([key, false]);
    }
  });

  it('give each indicator its kind and better direction', () => {
    expect(indicatorDefinition('wait_median')).toMatchObject({ kind: 'wait', betterDirection: 'lower', unit: 'minutes' });
    expect(indicatorDefinition('nps')).toMatchObject({ kind: 'nps', betterDirection: 'higher' });
    expect(indicatorDefinition('dimension:billing')).toBe(INDICATOR_DEFINITIONS.dimension);
    // A dimension is judged by its top-2-box %, the dashboard's dimension score, as a share.
    expect(indicatorDefinition('dimension:billing')).toMatchObject({ kind: 'proportion', unit: 'percent', min: 0, max: 100, betterDirection: 'higher' });
    expect(TEST_OF_KIND[indicatorDefinition('dimension:billing').kind]).toBe('two_proportion');
    expect(indicatorDefinition('theme_share:waiting')).toMatchObject({ kind: 'proportion', betterDirection: 'lower' });
  });
});

describe('action rules', () => {
  it('window days stay whole and in range', () => {
    expect(isImprovementWindowDays('lagDays', 0)).toBe(true);
    expect(isImprovementWindowDays('baselineDays', 6)).toBe(false);
    expect(isImprovementWindowDays('followUpDays', 366)).toBe(false);
    expect(isImprovementWindowDays('followUpDays', 30.5)).toBe(false);
  });

  it('an end date may not come before the start', () => {
    expect(isEndOnOrAfterStart('2026-05-01', '2026-04-30')).toBe(false);
    expect(isEndOnOrAfterStart('2026-05-01', '2026-05-01')).toBe(true);
    expect(isEndOnOrAfterStart('2026-05-01', null)).toBe(true);
  });

  it('the windows are the days before start and the follow-up after the lag', () => {
    expect(improvementWindows('2026-05-01', { baselineDays: 90, lagDays: 30, followUpDays: 90 })).toEqual({
      baseline: { from: '2026-01-31', to: '2026-04-30' },
      followUp: { from: '2026-05-31', to: '2026-08-28' },
    });
  });
});

describe('targets', () => {
  it('are met on the right side, and not judged without a figure', () => {
    expect(isTargetMet({ comparator: 'at_most', value: 20 }, 20)).toBe(true);
    expect(isTargetMet({ comparator: 'at_most', value: 20 }, 20.1)).toBe(false);
    expect(isTargetMet({ comparator: 'at_least', value: 50 }, 49.9)).toBe(false);
    expect(isTargetMet({ comparator: 'at_least', value: 50 }, null)).toBeNull();
  });

  it('bound values by the indicator', () => {
    expect(isTargetValue('nps', -100)).toBe(true);
    expect(isTargetValue('csat', 101)).toBe(false);
    expect(isTargetValue('dimension:nursing', 100.5)).toBe(false);
    expect(isTargetValue('dimension:nursing', 85)).toBe(true);
    expect(isTargetValue('wait_median', 20.123)).toBe(false);
  });

  it('take two decimals as written, whatever their binary floating point form', () => {
    // 19.99 · 100 = 1998.9999999999998, 4.35 · 100 = 434.99999999999994, 0.29 · 100 = 28.999999999999996.
    expect(isTargetValue('wait_median', 19.99)).toBe(true);
    expect(isTargetValue('dimension:nursing', 4.35)).toBe(true);
    expect(isTargetValue('csat', 0.29)).toBe(true);
    expect(isTargetValue('nps', -0.29)).toBe(true);
    expect(isTargetValue('csat', 0.1 + 0.2)).toBe(false);
    expect(isTargetValue('csat', 1e-7)).toBe(false);
    expect(isTargetValue('wait_median', 1.005)).toBe(false);
    expect([decimalPlaces(1440), decimalPlaces(25.5), decimalPlaces(1e21), decimalPlaces(1.5e-3)]).toEqual([0, 1, 0, 4]);
    expect(defaultComparator('wait_median')).toBe('at_most');
    expect(defaultComparator('nps')).toBe('at_least');
  });

  it("a department's own target wins over the hospital's", () => {
    const targets = [
      { indicator: 'nps' as const, departmentId: null, value: 40 },
      { indicator: 'nps' as const, departmentId: 3, value: 60 },
    ];
    expect(targetFor(targets, 'nps', 3)?.value).toBe(60);
    expect(targetFor(targets, 'nps', 4)?.value).toBe(40);
    expect(targetFor(targets, 'nps', null)?.value).toBe(40);
    expect(targetFor(targets, 'csat', 3)).toBeUndefined();
  });
});
