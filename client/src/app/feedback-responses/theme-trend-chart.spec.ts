import type { ThemeTrend } from '@huifang/shared';
import { themeTrendChart } from './theme-trend-chart';

const TREND: ThemeTrend = {
  from: '2026-01-01',
  to: '2026-03-31',
  departmentId: null,
  groupBy: 'month',
  points: [
    { key: '2026-01', comments: 4, themes: [{ key: 'waiting', n: 2, share: 50 }] },
    { key: '2026-02', comments: 0, themes: [] },
    { key: '2026-03', comments: 5, themes: [{ key: 'cost', n: 1, share: 20 }] },
  ],
  total: { comments: 9, themes: [{ key: 'waiting', n: 2, share: 22.2 }, { key: 'cost', n: 1, share: 11.1 }] },
  detractors: { comments: 0, themes: [] },
};

describe('themeTrendChart', () => {
  const chart = themeTrendChart(TREND, (key) => `<${key}>`, (key, n) => `${key}\nn=${n}`, (share, n) => `${share}% (${n})`);
  const option = chart.option as { series: { name: string; data: ({ value: number; n: number } | null)[] }[]; xAxis: { data: string[] }; tooltip: { formatter: (item: unknown) => string } };

  it('draws one line per theme of the range, a gap where a period had no comments and 0% where it had some without the theme', () => {
    expect(chart.seriesThemes).toEqual(['waiting', 'cost']);
    expect(option.series[0]?.data).toEqual([{ value: 50, n: 2 }, null, { value: 0, n: 0 }]);
    expect(option.series[1]?.data).toEqual([{ value: 0, n: 0 }, null, { value: 20, n: 1 }]);
    expect(chart.empty).toBe(false);
  });

  it("puts each period's n under its label, and escapes names in the tooltip", () => {
    expect(option.xAxis.data).toEqual(['2026-01\nn=4', '2026-02\nn=0', '2026-03\nn=5']);
    expect(option.tooltip.formatter({ seriesName: '<waiting>', name: '2026-01\nn=4', data: { value: 50, n: 2 } })).toBe('&#60;waiting&#62;<br>2026-01 · n=4<br>50% (2)');
  });

  it('is empty when no period had a comment', () => {
    const none = { ...TREND, points: TREND.points.map((p) => ({ ...p, comments: 0, themes: [] })) };
    expect(themeTrendChart(none, String, String, String).empty).toBe(true);
  });
});
