/** Inline SVG charts for the printed report (no script, no external file: Chromium prints them as vectors). */

export interface Bar {
  label: string;
  value: number | null;
  /** Shown after the value (`n = 12`). */
  note?: string;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** Horizontal bars scaled to `max` (default: the largest value); a null value draws no bar. */
export function barChart(bars: readonly Bar[], { max, unit = '' }: { max?: number; unit?: string } = {}): string {
  const top = max ?? Math.max(1, ...bars.map((b) => b.value ?? 0));
  const rowHeight = 22;
  const labelWidth = 170;
  const barWidth = 330;
  const height = bars.length * rowHeight + 6;
  const rows = bars.map((bar, i) => {
    const y = i * rowHeight + 4;
    const width = bar.value === null ? 0 : Math.max(0, (Math.min(bar.value, top) / top) * barWidth);
    const text = bar.value === null ? '—' : `${bar.value}${unit}`;
    return `<text x="${labelWidth - 6}" y="${y + 13}" text-anchor="end">${escapeHtml(bar.label)}</text>
<rect x="${labelWidth}" y="${y}" width="${width.toFixed(1)}" height="16" rx="2" fill="#2f6fb0"/>
<text x="${labelWidth + width + 6}" y="${y + 13}">${escapeHtml(text)}${bar.note ? ` <tspan fill="#666">${escapeHtml(bar.note)}</tspan>` : ''}</text>`;
  });
  return `<svg class="chart" xmlns="http://www.w3.org/2000/svg" width="640" height="${height}" viewBox="0 0 640 ${height}" font-size="12">${rows.join('')}</svg>`;
}
