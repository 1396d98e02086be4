import { BarChart, LineChart, SankeyChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

/**
 * Only what the dashboard draws: line, bar and Sankey charts on a grid with tooltips and legends.
 * Rendered as SVG: crisp at any zoom and in print, and every bar, point and band is a real element
 * (clickable by tests too). Imported lazily (see dashboard.routes.ts): the charts get their own chunk.
 */
echarts.use([LineChart, BarChart, SankeyChart, GridComponent, TooltipComponent, LegendComponent, SVGRenderer]);

export { echarts };
