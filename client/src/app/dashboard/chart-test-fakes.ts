/* Fakes shared by the dashboard's chart and format specs (imported by specs only). */
import { type ChartContext, SMALL_SAMPLE_OPACITY } from './chart-model';
import type { Translate } from './figure-format';

/** Writes the key and its parameters, so a spec sees exactly what would be translated. */
export const fakeT: Translate = (key, params) => key + JSON.stringify(params ?? {});

export const fakeChartContext: ChartContext = { lang: 'en', t: fakeT, departmentNameOf: (id) => 'Dept' + id, waitThresholdMinutes: 30 };

export interface SeriesOption {
  name: string;
  type: string;
  data: unknown[];
  tooltip: { valueFormatter: (value: unknown, dataIndex?: number) => string };
  label?: { formatter: (params: { dataIndex: number }) => string };
}

/** The series of an ECharts option. */
export const seriesOf = (option: unknown) => (option as { series: SeriesOption[] }).series;

/** A data item drawn faded (small sample). */
export const faded = (value: number) => ({ value, itemStyle: { opacity: SMALL_SAMPLE_OPACITY } });
