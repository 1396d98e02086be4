import type { DriverResponseFilter, DriverTheme, DriversAnswer, DriverWaitBand } from '@huifang/shared';
import { CHART_COLORS, type ChartContext, type ChartModel, type TableDrill, cellText, dataItem, sampleText } from './chart-model';
import { formatDecimal, formatFigure } from './figure-format';
import { dimensionLabel } from './satisfaction-charts';

/** A drivers cell's responses: the Feedback list's filters (with the dashboard's period and department) and how many. */
export interface ResponsesCell {
  filter: DriverResponseFilter;
  count: number;
}

const cell = (filter: DriverResponseFilter, count: number): ResponsesCell | null => (count > 0 ? { filter, count } : null);

function drills(cells: { what: string; cell: ResponsesCell | null }[], context: ChartContext): TableDrill<ResponsesCell>[] {
  return cells.flatMap(({ what, cell }) => (cell ? [{ label: context.t('dashboard.table.drill', { what, count: cell.count }), target: cell }] : []));
}

/** A theme's name in the UI language (as the server's theme table names it). */
export function themeLabel(theme: Pick<DriverTheme, 'nameZh' | 'nameEn' | 'theme'>, context: ChartContext): string {
  return (context.lang === 'zh' ? theme.nameZh : theme.nameEn) || theme.theme;
}

/** How far the theme chart's axis reaches either side of 0: the widest bar or whisker, in tens (10 to 100). */
export function themeAxisReach(items: readonly DriverTheme[]): number {
  const widest = Math.max(0, ...items.flatMap((t) => [t.difference ?? 0, t.ci?.low ?? 0, t.ci?.high ?? 0].map(Math.abs)));
  return Math.min(100, Math.max(10, Math.ceil(widest / 10) * 10));
}

/** The quadrant chart's ranges: the scores' and correlations' spread with a margin, 0 always in view for rho. */
export function quadrantBounds(points: readonly { score: number; rho: number }[]): { score: [number, number]; rho: [number, number] } {
  const scores = points.map((p) => p.score);
  const rhos = points.map((p) => p.rho);
  const low = Math.max(0, Math.floor((Math.min(100, ...scores) - 5) / 10) * 10);
  const rhoLow = Math.max(-1, Math.floor((Math.min(0, ...rhos) - 0.05) * 10) / 10);
  const rhoHigh = Math.min(1, Math.ceil((Math.max(0, ...rhos) + 0.05) * 10) / 10);
  return { score: [low, 100], rho: [rhoLow, rhoHigh] };
}

/** A vertical tick, the end caps of a whisker. */
const WHISKER_CAP = 'path://M0,0L0,1';

const points = (value: number, context: ChartContext) => context.t('dashboard.units.points', { value: formatDecimal(value, context.lang, true) });

/**
 * Per theme, the detractors' share minus the promoters' share (percentage points) as a bar, with
 * its 95% interval as a whisker (Newcombe): a bar whose whisker stays right of 0 is a theme that
 * over-represents in unhappy patients. A click lists the detractors whose comment shows the theme.
 */
export function themeDifferenceChart(answer: DriversAnswer, context: ChartContext): ChartModel<ResponsesCell> {
  const { t } = context;
  const items = answer.themes.items;
  const detractorsOf = (theme: DriverTheme) => cell({ themeId: theme.theme, npsBand: 'detractor' }, theme.detractors.count);
  const promotersOf = (theme: DriverTheme) => cell({ themeId: theme.theme, npsBand: 'promoter' }, theme.promoters.count);
  const share = (s: DriverTheme['detractors']) => (s.value === null ? '—' : `${cellText(s.value, 'percent', context)} (${s.count}/${s.n})`);
  return {
    option: {
      animation: false,
      grid: { left: 8, right: 32, top: 8, bottom: 24, containLabel: true },
      tooltip: {
        trigger: 'item',
        formatter: (params: { dataIndex: number }) => {
          const theme = items[params.dataIndex];
          if (!theme || theme.difference === null) return t('dashboard.noData');
          const ci = theme.ci ? t('dashboard.tooltip.interval', { low: points(theme.ci.low, context), high: points(theme.ci.high, context) }) : '';
          return `${themeLabel(theme, context)}: ${points(theme.difference, context)} · ${ci}<br>${t('dashboard.drivers.detractors')} ${share(theme.detractors)} · ${t('dashboard.drivers.promoters')} ${share(theme.promoters)}`;
        },
      },
      // Symmetric around 0, as wide as the widest whisker: small differences stay readable.
      xAxis: { type: 'value', min: -themeAxisReach(items), max: themeAxisReach(items), axisLabel: { formatter: '{value}' } },
      yAxis: { type: 'category', inverse: true, data: items.map((theme) => themeLabel(theme, context)) },
      series: [
        {
          name: t('dashboard.drivers.difference'),
          type: 'bar',
          color: CHART_COLORS.churn,
          barMaxWidth: 18,
          data: items.map((theme) => dataItem(theme.difference, Math.min(theme.detractors.n, theme.promoters.n))),
        },
        // The 95% interval of each bar: a horizontal whisker with end caps, one line per theme
        // (line series, so the dashboard's ECharts chunk needs no custom or scatter chart).
        ...items.map((theme, i) => ({
          name: `${t('dashboard.drivers.interval')}:${theme.theme}`,
          type: 'line',
          silent: true,
          tooltip: { show: false },
          symbol: WHISKER_CAP,
          symbolSize: [2, 10],
          color: '#37474f',
          lineStyle: { width: 1.5 },
          z: 3,
          data: theme.ci ? [[theme.ci.low, i], [theme.ci.high, i]] : [],
        })),
      ],
    },
    hits: [items.map(detractorsOf)],
    empty: items.length === 0,
    table: {
      columns: [
        t('dashboard.drivers.theme'),
        t('dashboard.drivers.detractors'),
        t('dashboard.drivers.promoters'),
        t('dashboard.drivers.difference'),
        t('dashboard.drivers.interval'),
      ],
      rows: items.map((theme) => ({
        label: themeLabel(theme, context),
        cells: [
          share(theme.detractors),
          share(theme.promoters),
          theme.difference === null ? '—' : points(theme.difference, context),
          theme.ci ? `${formatDecimal(theme.ci.low, context.lang)} – ${formatDecimal(theme.ci.high, context.lang)}` : '—',
        ],
        drills: drills(
          [
            { what: t('dashboard.drivers.detractors'), cell: detractorsOf(theme) },
            { what: t('dashboard.drivers.promoters'), cell: promotersOf(theme) },
          ],
          context,
        ),
      })),
    },
  };
}

/**
 * The key-driver quadrant: each rating dimension's current score (top-2-box %, x) against its impact
 * (Spearman rho with the NPS answer, y), split at the means. Top left (high impact, low score): fix first.
 * The Feedback list has no per-dimension filter: no drill-down from here.
 */
export function keyDriverChart(answer: DriversAnswer, context: ChartContext): ChartModel<ResponsesCell> {
  const { t } = context;
  const { items, cut } = answer.dimensions;
  const placed = items.filter((d) => d.rho !== null && d.score !== null);
  const rho = (value: number | null) => (value === null ? '—' : value.toFixed(2));
  const bounds = quadrantBounds([...placed.map((d) => ({ score: d.score ?? 0, rho: d.rho ?? 0 })), ...(cut ? [cut] : [])]);
  return {
    option: {
      animation: false,
      grid: { left: 8, right: 32, top: 24, bottom: 32, containLabel: true },
      tooltip: {
        trigger: 'item',
        formatter: (params: { dataIndex: number }) => {
          const d = placed[params.dataIndex];
          if (!d) return '';
          return `${dimensionLabel(d.dimension, context)}<br>${t('dashboard.drivers.impact')} ${rho(d.rho)} (${sampleText({ n: d.n }, 'count', context)})<br>${t('dashboard.charts.topTwoBox')} ${cellText(d.score, 'percent', context)} (n = ${d.scoreN})`;
        },
      },
      xAxis: {
        type: 'value',
        name: t('dashboard.drivers.score'),
        nameLocation: 'middle',
        nameGap: 24,
        min: bounds.score[0],
        max: bounds.score[1],
        axisLabel: { formatter: '{value}%' },
      },
      yAxis: { type: 'value', name: t('dashboard.drivers.impact'), min: bounds.rho[0], max: bounds.rho[1] },
      series: [
        {
          // Points only (a line series without its line: the dashboard's ECharts chunk has no scatter chart).
          name: t('dashboard.drivers.dimensions'),
          type: 'line',
          color: CHART_COLORS.dimension,
          lineStyle: { opacity: 0 },
          showSymbol: true,
          symbol: 'circle',
          symbolSize: 14,
          label: { show: true, position: 'right', formatter: (params: { dataIndex: number }) => dimensionLabel(placed[params.dataIndex]?.dimension ?? '', context) },
          data: placed.map((d) => ({
            value: [d.score, d.rho],
            itemStyle: { color: d.quadrant === 'fix_first' ? CHART_COLORS.churn : CHART_COLORS.dimension },
          })),
        },
        // The quadrants' dividing lines, at the mean score and the mean impact.
        ...(cut
          ? [
              [
                [cut.score, bounds.rho[0]],
                [cut.score, bounds.rho[1]],
              ],
              [
                [bounds.score[0], cut.rho],
                [bounds.score[1], cut.rho],
              ],
            ].map((data) => ({ type: 'line', silent: true, symbol: 'none', tooltip: { show: false }, lineStyle: { type: 'dashed', color: '#90a4ae', width: 1 }, data }))
          : []),
      ],
    },
    hits: [placed.map(() => null)],
    empty: placed.length === 0,
    table: {
      columns: [
        t('dashboard.table.dimension'),
        t('dashboard.drivers.impact'),
        t('dashboard.table.n'),
        t('dashboard.charts.topTwoBox'),
        t('dashboard.table.mean'),
        t('dashboard.drivers.quadrant'),
      ],
      rows: items.map((d) => ({
        label: dimensionLabel(d.dimension, context),
        cells: [
          rho(d.rho),
          String(d.n),
          d.score === null ? '—' : `${cellText(d.score, 'percent', context)} (n = ${d.scoreN})`,
          d.mean === null ? '—' : formatDecimal(d.mean, context.lang),
          d.quadrant ? t(`dashboard.drivers.quadrants.${d.quadrant}`) : '—',
        ],
        drills: [],
      })),
    },
  };
}

/**
 * NPS and CSAT (top-2-box %) by the wait of the visit answered (< 15, 15-30, 30-60, ≥ 60 minutes),
 * each band labelled with its n: where satisfaction drops as waits grow. A click lists the band's responses.
 */
export function waitBandChart(answer: DriversAnswer, context: ChartContext): ChartModel<ResponsesCell> {
  const { t } = context;
  const bands = answer.waitBands;
  const label = (band: DriverWaitBand) => `${t(`dashboard.drivers.waitBands.${band.band}`)}\n(n = ${band.n})`;
  const all = (band: DriverWaitBand) => cell({ waitBand: band.band }, band.n);
  const figure = (name: string, color: string, pick: (b: DriverWaitBand) => { value: number | null; n: number }, unit: 'nps' | 'percent') => ({
    name,
    type: 'bar',
    color,
    barMaxWidth: 28,
    tooltip: {
      valueFormatter: (value: unknown, index?: number) => {
        const band = index === undefined ? undefined : bands[index];
        if (typeof value !== 'number' || !band) return t('dashboard.noData');
        return `${formatFigure(value, unit, context.lang, t)} (${sampleText({ n: pick(band).n }, unit, context)})`;
      },
    },
    label: { show: true, position: 'top', formatter: (params: { value: unknown }) => (typeof params.value === 'number' ? formatDecimal(params.value, context.lang) : '') },
    data: bands.map((b) => dataItem(pick(b).value, pick(b).n)),
  });
  return {
    option: {
      animation: false,
      grid: { left: 48, right: 24, top: 40, bottom: 48, containLabel: true },
      legend: { top: 0 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'category', data: bands.map(label), axisLabel: { interval: 0 } },
      yAxis: { type: 'value', min: -100, max: 100 },
      series: [
        figure(t('dashboard.charts.nps'), CHART_COLORS.nps, (b) => b.nps, 'nps'),
        figure(t('dashboard.drivers.csatTopTwoBox'), CHART_COLORS.csat, (b) => b.csat, 'percent'),
      ],
    },
    hits: [bands.map(all), bands.map(all)],
    empty: bands.every((b) => b.n === 0),
    table: {
      columns: [t('dashboard.drivers.wait'), t('dashboard.table.n'), t('dashboard.charts.nps'), t('dashboard.drivers.csatTopTwoBox'), t('dashboard.table.mean')],
      rows: bands.map((b) => ({
        label: t(`dashboard.drivers.waitBands.${b.band}`),
        cells: [
          String(b.n),
          b.nps.value === null ? '—' : `${formatDecimal(b.nps.value, context.lang)} (n = ${b.nps.n})`,
          b.csat.value === null ? '—' : `${cellText(b.csat.value, 'percent', context)} (n = ${b.csat.n})`,
          b.csat.mean === null ? '—' : formatDecimal(b.csat.mean, context.lang),
        ],
        drills: drills([{ what: t('dashboard.drivers.responses'), cell: all(b) }], context),
      })),
    },
  };
}
