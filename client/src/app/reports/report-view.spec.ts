import type { AssessmentReport, ReportHeadline } from '@huifang/shared';
import { fakeT } from '../dashboard/chart-test-fakes';
import { BAR_WIDTH } from './report-bars';
import { findingText, headlineRows, indicatorName, verdictText, waitBars } from './report-view';

const context = { lang: 'en' as const, t: fakeT };

const headline = (overrides: Partial<ReportHeadline>): ReportHeadline => ({
  name: 'waitMedian',
  indicator: 'wait_median',
  betterDirection: 'lower',
  value: 20,
  n: 10,
  previousMonth: { value: 10, n: 4 },
  lastYear: { value: null, n: 0 },
  changeFromPreviousMonth: 10,
  changeFromLastYear: null,
  target: { comparator: 'at_most', value: 15, met: false },
  ...overrides,
});

const report = (overrides: Partial<AssessmentReport>): AssessmentReport =>
  ({ headlines: [], waitDistribution: null, satisfaction: null, detractorThemes: null, relationship: null, actions: [], findings: [], ...overrides }) as AssessmentReport;

describe('report view', () => {
  it('shows each headline with its comparisons and target, no data as null (never 0), and leaves out headlines with nothing at all', () => {
    const rows = headlineRows(
      report({ headlines: [headline({}), headline({ name: 'fftPositive', indicator: null, value: null, n: 0, previousMonth: { value: null, n: 0 }, changeFromPreviousMonth: null, target: null })] }),
      context,
    );
    expect(rows).toEqual([
      {
        name: 'waitMedian',
        value: 'dashboard.units.minutes{"value":"20.0"}',
        n: 10,
        previous: 'dashboard.units.minutes{"value":"10.0"}',
        previousN: 4,
        lastYear: null,
        lastYearN: 0,
        change: 'dashboard.units.minutes{"value":"+10.0"}',
        changeLastYear: null,
        target: { text: '≤ dashboard.units.minutes{"value":"15.0"}', met: false },
      },
    ]);
  });

  it('draws the wait bands as shares of 100 %, each with its n', () => {
    const bars = waitBars(
      report({ waitDistribution: { n: 10, median: 20, p90: 45, mean: 27.2, bands: [{ band: 'under_15', n: 4, share: 40 }, { band: 'over_60', n: 0, share: 0 }] } }),
      context,
    );
    expect(bars.map((b) => [b.label, b.width, b.text])).toEqual([
      ['reports.bands.under_15{}', (BAR_WIDTH * 40) / 100, 'dashboard.units.percent{"value":"40.0"} (n = 4)'],
      ['reports.bands.over_60{}', 0, 'dashboard.units.percent{"value":"0.0"} (n = 0)'],
    ]);
  });

  it('words findings, verdicts (with p only where a test gives one) and indicator names', () => {
    expect(findingText({ kind: 'target_missed', headline: 'nps', value: 0, n: 4, target: { comparator: 'at_least', value: 50 } }, context)).toBe(
      'reports.findings.kinds.target_missed{"indicator":"reports.headlines.nps{}","value":"0.0","n":4,"change":"—","target":"≥ 50.0","department":"","hospital":"—","limit":"","side":""}',
    );
    expect(verdictText('improved', 0.0031, context)).toBe('reports.verdicts.improved{} (p = 0.003)');
    expect(verdictText('improved', 0.0001, context)).toBe('reports.verdicts.improved{} (p < 0.001)');
    expect(verdictText('no_change', 0.4, context)).toBe('reports.verdicts.no_change{}');
    expect(indicatorName('wait_median', context)).toBe('Median wait');
    expect(indicatorName('dimension:nursing', context)).toBe('Dimension rating: dimensions.nursing{}');
    expect(indicatorName('theme_share:parking', context, { zh: '停车', en: 'Parking' })).toBe('Comment theme share: Parking');
    expect(indicatorName('theme_share:parking', context)).toBe('Comment theme share: parking');
  });
});
