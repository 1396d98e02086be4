import { BarChart, LineChart, SankeyChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

/**
 * Only what the dashboard draws: line, bar and Sankey charts on a grid with tooltips and legends,
 * on canvas. Imported lazily (see dashboard.routes.ts), so the charts come down in their own chunk.
 */
echarts.use([LineChart, BarChart, SankeyChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

export { echarts };
