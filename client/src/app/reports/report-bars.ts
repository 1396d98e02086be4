/** The drawing of one horizontal bar of the report's inline SVG charts. */
export interface BarDrawing {
  label: string;
  /** The figure as shown (formatted); `—` when there is none. */
  text: string;
  /** Width in the chart's units (0..BAR_WIDTH); 0 without a figure. */
  width: number;
  /** Where the row starts. */
  y: number;
}

export const BAR_WIDTH = 320;
export const BAR_ROW_HEIGHT = 24;
export const BAR_LABEL_WIDTH = 180;

/**
 * Bars scaled to `max` (a share's 100, or the largest value); negative figures (an NPS below 0) and
 * missing ones draw no bar but still show their text.
 */
export function barDrawings(bars: readonly { label: string; value: number | null; text: string }[], max?: number): BarDrawing[] {
  const top = max ?? Math.max(1, ...bars.map((b) => b.value ?? 0));
  return bars.map((bar, i) => ({
    label: bar.label,
    text: bar.text,
    width: bar.value === null ? 0 : Math.round((Math.min(Math.max(bar.value, 0), top) / top) * BAR_WIDTH * 10) / 10,
    y: i * BAR_ROW_HEIGHT,
  }));
}

/** The height of a chart of `rows` bars. */
export function barChartHeight(rows: number): number {
  return rows * BAR_ROW_HEIGHT + 4;
}
