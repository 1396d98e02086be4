import type { ReportHeadline } from '@huifang/shared';
import { findingsOf } from './report-findings';

const headline = (name: ReportHeadline['name'], betterDirection: 'lower' | 'higher', value: number | null, previous: number | null, target: ReportHeadline['target'] = null): ReportHeadline => ({
  name,
  indicator: null,
  betterDirection,
  value,
  n: 50,
  previousMonth: { value: previous, n: 40 },
  lastYear: { value: null, n: 0 },
  changeFromPreviousMonth: value === null || previous === null ? null : Math.round((value - previous) * 10) / 10,
  changeFromLastYear: null,
  target,
});

describe('report findings', () => {
  it('lists what worsened, the largest change relative to last month first, in each headline’s own direction', () => {
    const findings = findingsOf(
      [
        headline('waitMedian', 'lower', 30, 20), // +50 %
        headline('nps', 'higher', 20, 40), // -50 % → ties keep the order given
        headline('csat', 'higher', 60, 50), // better: not a finding
        headline('churnRate', 'lower', 12, 4), // +200 %
        headline('callbackCompletion', 'higher', null, 80), // no figure: not judged
      ],
      {},
      null,
    );
    expect(findings.map((f) => [f.kind, f.headline, f.change])).toEqual([
      ['largest_worsening', 'churnRate', 8],
      ['worsened', 'waitMedian', 10],
      ['worsened', 'nps', -20],
    ]);
  });

  it('lists targets missed, not those met or without a figure', () => {
    const findings = findingsOf(
      [
        headline('waitMedian', 'lower', 25, 25, { comparator: 'at_most', value: 20, met: false }),
        headline('nps', 'higher', 60, 60, { comparator: 'at_least', value: 50, met: true }),
        headline('csat', 'higher', null, null, { comparator: 'at_least', value: 90, met: null }),
      ],
      {},
      null,
    );
    expect(findings).toEqual([{ kind: 'target_missed', headline: 'waitMedian', value: 25, n: 50, target: { comparator: 'at_most', value: 20 } }]);
  });

  it('marks departments outside the funnel limits, better or worse by the headline’s direction; a department’s report only its own', () => {
    const funnel = {
      csat: {
        hospital: { value: 80, n: 400 },
        departments: [
          { departmentId: 1, departmentName: '内科', value: 50, n: 40 }, // 80 - 3.09 × 6.32 = 60.5 > 50: worse at 99.8 %
          { departmentId: 2, departmentName: '外科', value: 98, n: 40 }, // 80 + 1.96 × 6.32 = 92.4 < 98 < 99.5: better at 95 %
          { departmentId: 3, departmentName: '骨科', value: 82, n: 40 },
        ],
      },
    };
    expect(findingsOf([], funnel, null).map((f) => [f.departmentId, f.limit, f.side])).toEqual([
      [1, '99.8', 'worse'],
      [2, '95', 'better'],
    ]);
    expect(findingsOf([], funnel, 2).map((f) => f.departmentId)).toEqual([2]);
  });
});
