import type { DrillDownRow, ExportLanguage, IndicatorName, IndicatorSeries, SatisfactionPoint } from '@huifang/shared';
import {
  DRILL_DOWN_HEADERS,
  DRILL_DOWN_VALUE_HEADERS,
  SERIES_HEADERS,
  STAGE_LABELS,
  STATUS_LABELS,
  dimensionHeader,
  groupingHeader,
  type SeriesHeader,
} from './export-labels';
import { toCsv } from '../core/http/csv';

/** A column: its header (a SERIES_HEADERS key, or a dimension's words), and its value. */
type Columns = [header: SeriesHeader | ((lang: ExportLanguage) => string), value: (point: never) => unknown][];

const COLUMNS: Record<Exclude<IndicatorName, 'satisfaction'>, Columns> = {
  'wait-time': [
    ['n', (p: { n: number }) => p.n],
    ['mean_minutes', (p: { mean: number | null }) => p.mean],
    ['median_minutes', (p: { median: number | null }) => p.median],
    ['p90_minutes', (p: { p90: number | null }) => p.p90],
    ['over_threshold_count', (p: { overThresholdCount: number }) => p.overThresholdCount],
    ['over_threshold_percent', (p: { overThreshold: number | null }) => p.overThreshold],
  ],
  churn: [
    ['cohort', (p: { n: number }) => p.n],
    ['lapsed', (p: { lapsed: number }) => p.lapsed],
    ['churn_rate_percent', (p: { churnRate: number | null }) => p.churnRate],
    ['retention_percent', (p: { retention: number | null }) => p.retention],
  ],
  'follow-up': [
    ['due', (p: { n: number }) => p.n],
    ['completed', (p: { completed: number }) => p.completed],
    ['reached', (p: { reached: number }) => p.reached],
    ['failed', (p: { failed: number }) => p.failed],
    ['completion_rate_percent', (p: { completionRate: number | null }) => p.completionRate],
    ['reached_rate_percent', (p: { reachedRate: number | null }) => p.reachedRate],
    ['median_hours_to_complete', (p: { medianHoursToComplete: number | null }) => p.medianHoursToComplete],
    ['service_recovery_opened', (p: { serviceRecoveryOpened: number }) => p.serviceRecoveryOpened],
    ['service_recovery_closed', (p: { serviceRecoveryClosed: number }) => p.serviceRecoveryClosed],
  ],
};

function satisfactionColumns(points: SatisfactionPoint[]): Columns {
  const dimensions = [...new Set(points.flatMap((p) => p.dimensions.map((d) => d.dimension)))].sort();
  return [
    ['responses', (p: SatisfactionPoint) => p.n],
    ['invitations', (p: SatisfactionPoint) => p.invitations],
    ['invitations_answered', (p: SatisfactionPoint) => p.answered],
    ['response_rate_percent', (p: SatisfactionPoint) => p.responseRate],
    ['nps', (p: SatisfactionPoint) => p.nps.value],
    ['nps_n', (p: SatisfactionPoint) => p.nps.n],
    ['promoters', (p: SatisfactionPoint) => p.nps.promoters],
    ['passives', (p: SatisfactionPoint) => p.nps.passives],
    ['detractors', (p: SatisfactionPoint) => p.nps.detractors],
    ['csat_top2_percent', (p: SatisfactionPoint) => p.csat.value],
    ['csat_mean', (p: SatisfactionPoint) => p.csat.mean],
    ['csat_n', (p: SatisfactionPoint) => p.csat.n],
    ['fft_positive_percent', (p: SatisfactionPoint) => p.fft.value],
    ['fft_n', (p: SatisfactionPoint) => p.fft.n],
    ...dimensions.flatMap((dimension): Columns => {
      const score = (p: SatisfactionPoint) => p.dimensions.find((d) => d.dimension === dimension);
      return [
        [(lang) => dimensionHeader(dimension, 'top2_percent', lang), (p: SatisfactionPoint) => score(p)?.value ?? null],
        [(lang) => dimensionHeader(dimension, 'mean', lang), (p: SatisfactionPoint) => score(p)?.mean ?? null],
        [(lang) => dimensionHeader(dimension, 'n', lang), (p: SatisfactionPoint) => score(p)?.n ?? 0],
      ];
    }),
  ];
}

/**
 * A series as CSV: one row per point, the bucket first (and the department's name when grouped by
 * department), headers in the user's language.
 */
export function seriesToCsv(series: IndicatorSeries, departmentNames: Map<string, string>, lang: ExportLanguage): string {
  const points = series.points as { key: string }[];
  const columns =
    series.indicator === 'satisfaction' ? satisfactionColumns(points as SatisfactionPoint[]) : COLUMNS[series.indicator];
  const byDepartment = series.groupBy === 'department';
  const header = [
    groupingHeader(series.groupBy, lang),
    ...(byDepartment ? [SERIES_HEADERS.department_name[lang]] : []),
    ...columns.map(([name]) => (typeof name === 'function' ? name(lang) : SERIES_HEADERS[name][lang])),
  ];
  const lines = points.map((point) => [
    point.key,
    ...(byDepartment ? [departmentNames.get(point.key) ?? ''] : []),
    ...columns.map(([, value]) => (value as (p: unknown) => unknown)(point)),
  ]);
  return toCsv(header, lines);
}

/**
 * The rows behind a figure as CSV: every row of the segment, the patient (phone masked, as on the
 * screen), department, day, value, stage and status in the user's language.
 */
export function drillDownToCsv(rows: readonly DrillDownRow[], valueOf: IndicatorName | 'flow', lang: ExportLanguage): string {
  const h = DRILL_DOWN_HEADERS;
  const header = [h.patientId, h.patient, h.phone, h.department, h.on, DRILL_DOWN_VALUE_HEADERS[valueOf], h.stage, h.status, h.ref].map(
    (words) => words[lang],
  );
  const lines = rows.map((row) => [
    row.patientId,
    row.patientName,
    row.phoneMasked,
    row.departmentName,
    row.on,
    row.value,
    row.stage === null ? null : (STAGE_LABELS[row.stage]?.[lang] ?? row.stage),
    row.status === null ? null : (STATUS_LABELS[row.status]?.[lang] ?? row.status),
    row.refId,
  ]);
  return toCsv(header, lines);
}
