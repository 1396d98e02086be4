import type { EChartsCoreOption } from 'echarts/core';
import type { ThemeTrend } from '@huifang/shared';

export interface ThemeTrendChart {
  option: EChartsCoreOption;
  /** The theme of each series, by series index (a click on a point opens that theme's comments). */
  seriesThemes: string[];
  /** No period had a comment: the view says so instead of drawing empty axes. */
  empty: boolean;
}

const PALETTE = ['#1565c0', '#ef6c00', '#2e7d32', '#6a1b9a', '#c62828', '#00897b', '#3949ab', '#8d6e63', '#f9a825', '#546e7a'];

/**
 * The share of comments per theme over time, one line per theme found in the range (most frequent
 * first), with each period's n (comments) under its label. A period without comments is a gap, not 0%.
 */
export function themeTrendChart(
  trend: ThemeTrend,
  nameOf: (key: string) => string,
  periodLabel: (key: string, comments: number) => string,
  shareLabel: (share: number, n: number) => string,
): ThemeTrendChart {
  const themes = trend.total.themes.map((theme) => theme.key);
  const series = themes.map((key, i) => ({
    name: nameOf(key),
    type: 'line',
    connectNulls: false,
    // A period between empty ones has no line to it: its point must show by itself.
    showSymbol: true,
    symbolSize: 8,
    itemStyle: { color: PALETTE[i % PALETTE.length] },
    data: trend.points.map((point) => {
      if (point.comments === 0) return null;
      const found = point.themes.find((theme) => theme.key === key);
      return { value: found?.share ?? 0, n: found?.n ?? 0 };
    }),
  }));
  const option: EChartsCoreOption = {
    animation: false,
    grid: { left: 48, right: 16, top: 48, bottom: 48 },
    legend: { type: 'scroll', top: 0 },
    tooltip: {
      trigger: 'item',
      formatter: (item: { seriesName: string; name: string; data: { value: number; n: number } | null }) =>
        item.data ? [item.seriesName, item.name.replace('\n', ' · '), shareLabel(item.data.value, item.data.n)].map(escapeHtml).join('<br>') : '',
    },
    xAxis: { type: 'category', data: trend.points.map((point) => periodLabel(point.key, point.comments)) },
    yAxis: { type: 'value', min: 0, axisLabel: { formatter: '{value}%' } },
    series,
  };
  return { option, seriesThemes: themes, empty: trend.points.every((point) => point.comments === 0) };
}

/** The tooltip is HTML: a theme's name (admins may name their own) is text. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
