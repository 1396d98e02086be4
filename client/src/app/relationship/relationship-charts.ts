import { type ClvUnit, type MonthlyPhaseMigration, RELATIONSHIP_PHASES, type RelationshipIndicator } from '@huifang/shared';
import type { ChartModel, ChartTableRow } from '../dashboard/chart-model';
import type { Translate } from '../dashboard/figure-format';
import type { Lang } from '../i18n/language';
import { type MigrationFrom, type RelationshipCell, fromLabel } from './relationship-cells';
import { formatClv } from './relationship-format';

export interface RelationshipChartContext {
  t: Translate;
  lang: Lang;
}

/** The heatmap's rows, top to bottom: patients new in the month, then the phases on its first day. */
export const MIGRATION_ROWS: readonly MigrationFrom[] = ['new', ...RELATIONSHIP_PHASES];

const LIGHT = '#e3f0ff';
const DARK = '#0b4a8f';
/** Below this shade a cell's count is written dark on light, above it light on dark. */
const DARK_TEXT_UNTIL = 0.55;

/**
 * A cell's shade, 0.15-1: log-scaled, since patients who stay in their phase outnumber those who move
 * by a hundred to one, and a move of 3 patients must still show.
 */
export function cellShade(n: number, max: number): number {
  if (n <= 0 || max <= 0) return 0;
  return Math.round((0.15 + (0.85 * Math.log1p(n)) / Math.log1p(max)) * 1000) / 1000;
}

/**
 * One month's phase migration as a heatmap: from-phase rows (and "new"), to-phase columns, the number
 * of patients in each cell; a click lists them. Cells with nobody are left blank.
 */
export function migrationChart(migration: MonthlyPhaseMigration, { t }: RelationshipChartContext): ChartModel<RelationshipCell> {
  const moves = [...migration.entered.map((e) => ({ from: 'new' as MigrationFrom, to: e.to, n: e.n })), ...migration.cells].filter((c) => c.n > 0);
  const max = Math.max(0, ...moves.map((c) => c.n));
  const targets = moves.map((c): RelationshipCell => ({ kind: 'migration', month: migration.month, from: c.from, to: c.to, count: c.n }));
  const columns = RELATIONSHIP_PHASES.map((phase) => t(`phases.${phase}`));
  const rowLabels = MIGRATION_ROWS.map((from) => fromLabel(from, t));
  const nOf = (from: MigrationFrom, to: string) => moves.find((c) => c.from === from && c.to === to)?.n ?? 0;
  return {
    option: {
      animation: false,
      grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'item',
        formatter: (params: { dataIndex: number }) => {
          const move = moves[params.dataIndex];
          return move ? escapeHtml(t('relationship.view.migration.tooltip', { from: fromLabel(move.from, t), to: t(`phases.${move.to}`), n: move.n })) : '';
        },
      },
      xAxis: {
        type: 'category',
        position: 'top',
        data: columns,
        name: t('relationship.view.migration.to'),
        nameLocation: 'middle',
        nameGap: 28,
        axisTick: { show: false },
        splitArea: { show: true },
      },
      yAxis: {
        type: 'category',
        inverse: true,
        data: rowLabels,
        axisTick: { show: false },
        splitArea: { show: true },
      },
      // The heatmap series takes its colour from a visual map: a hidden one over the precomputed shade.
      visualMap: { show: false, type: 'continuous', seriesIndex: 0, dimension: 3, min: 0, max: 1, inRange: { color: [LIGHT, DARK] } },
      series: [
        {
          type: 'heatmap',
          data: moves.map((c) => {
            const shade = cellShade(c.n, max);
            return {
              value: [RELATIONSHIP_PHASES.indexOf(c.to), MIGRATION_ROWS.indexOf(c.from), c.n, shade],
              label: { color: shade > DARK_TEXT_UNTIL ? '#ffffff' : '#0b2a4f' },
            };
          }),
          label: { show: true, formatter: (params: { value: number[] }) => String(params.value[2]) },
          itemStyle: { borderColor: '#ffffff', borderWidth: 2 },
          emphasis: { itemStyle: { borderColor: '#263238', borderWidth: 2 } },
        },
      ],
    },
    hits: [targets],
    empty: moves.length === 0,
    table: {
      columns: [t('relationship.view.migration.fromTo'), ...columns],
      rows: MIGRATION_ROWS.map(
        (from): ChartTableRow<RelationshipCell> => ({
          label: fromLabel(from, t),
          cells: RELATIONSHIP_PHASES.map((to) => String(nOf(from, to))),
          drills: targets
            .filter((target) => target.kind === 'migration' && target.from === from)
            .map((target) => ({
              label: t('relationship.view.migration.drill', { to: target.kind === 'migration' ? t(`phases.${target.to}`) : '', n: target.count }),
              target,
            })),
        }),
      ),
    },
  };
}

/** Customer equity at each month's end (the daily pass's snapshots; the current month: now), as a line. */
export function equityChart(
  trend: RelationshipIndicator['equityTrend'],
  unit: ClvUnit,
  { t, lang }: RelationshipChartContext,
): ChartModel<RelationshipCell> {
  const value = (equity: number | null) => (equity === null ? '—' : formatClv(equity, unit, lang, t));
  return {
    option: {
      animation: false,
      grid: { left: 16, right: 24, top: 24, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'axis',
        formatter: (params: { dataIndex: number }[]) => {
          const point = trend[params[0]?.dataIndex ?? -1];
          if (!point) return '';
          const patients = point.patients === null ? '' : ` · ${t('relationship.view.equity.patients', { n: point.patients })}`;
          return escapeHtml(`${point.month}: ${value(point.equity)}${patients}`);
        },
      },
      xAxis: { type: 'category', data: trend.map((point) => point.month), axisTick: { alignWithLabel: true } },
      yAxis: { type: 'value', min: 0, axisLabel: { formatter: (n: number) => compact(n, lang) } },
      series: [
        {
          type: 'line',
          name: t('relationship.view.equity.title'),
          data: trend.map((point) => point.equity),
          connectNulls: false,
          symbolSize: 7,
          itemStyle: { color: '#00897b' },
          areaStyle: { color: '#00897b', opacity: 0.08 },
        },
      ],
    },
    hits: [trend.map(() => null)],
    // A fresh install: snapshots of nobody are no trend.
    empty: trend.every((point) => point.equity === null || !point.patients),
    table: {
      columns: [t('relationship.view.equity.month'), t('relationship.view.equity.title'), t('relationship.view.equity.patientsColumn')],
      rows: trend.map((point) => ({ label: point.month, cells: [value(point.equity), point.patients === null ? '—' : String(point.patients)], drills: [] })),
    },
  };
}

/** Axis labels: `12k`, `1.2M` / `1.2万`, `1.5亿`. */
function compact(n: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US', { notation: 'compact', maximumFractionDigits: 1 }).format(n);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
