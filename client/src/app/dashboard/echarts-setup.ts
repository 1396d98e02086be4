import { BarChart, HeatmapChart, LineChart, SankeyChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, VisualMapContinuousComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

/**
 * Only what the charts draw: line, bar and Sankey charts on a grid with tooltips and legends (the
 * dashboard), and the relationship view's migration heatmap, whose colours ECharts takes from a
 * (hidden) continuous visual map. Rendered as SVG: crisp at any zoom and in print, and every bar,
 * point, band and cell is a real element (clickable by tests too). Imported lazily (see
 * dashboard.routes.ts and relationship.routes.ts): the charts get their own chunk. One setup for both
 * pages: esbuild cannot split ECharts' modules between two setups, so a second one would only hide
 * the same bytes in an unnamed shared chunk, out of the budget's sight.
 */
echarts.use([
  LineChart,
  BarChart,
  SankeyChart,
  HeatmapChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  // The dashboard's trends mark improvement actions (start dates) and targets (chart-marks.ts).
  MarkLineComponent,
  VisualMapContinuousComponent,
  SVGRenderer,
]);

export { echarts };
