import type { Measurement } from './measure';
import type { CeilingRow } from './ceiling';
import type { Samples } from './samples';

export interface Check {
  what: string;
  passed: boolean;
  detail: string;
}

export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const format = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join(' | ')} |`;
  return [format(header), `|${widths.map((w, i) => (i === 0 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`, ...rows.map(format)].join('\n');
}

export const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(n < 10 ? 1 : 0) : '–');

export function coldTable(rows: Measurement[]): string {
  return table(
    ['endpoint', 'cold p50 ms', 'cold max ms', 'conns', 'requests', 'p50 ms', 'p95 ms', 'req/s', 'target p95', 'errors'],
    rows.map((r) => [r.label, ms(r.coldP50), ms(r.coldMax), String(r.connections), String(r.requests), ms(r.p50), ms(r.p95), r.throughput.toFixed(0), `≤ ${r.p95LimitMs}`, String(r.non2xx)]),
  );
}

/** Per request type: count, errors, p50/p95/p99/max; `targets` gives a p95 limit for some types. */
export function latencyTable(types: Map<string, Samples>, targets: Record<string, number>): string {
  return table(
    ['request type', 'count', 'errors', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'target p95'],
    [...types.entries()].map(([type, samples]) => {
      const s = samples.summary();
      const reasons = Object.entries(s.reasons).map(([k, v]) => `${k} ×${v}`).join(', ');
      return [type, String(s.count), s.errors ? `${s.errors} (${reasons})` : '0', ms(s.p50), ms(s.p95), ms(s.p99), ms(s.max), targets[type] !== undefined ? `≤ ${targets[type]}` : ''];
    }),
  );
}

export function ceilingTable(rows: CeilingRow[], types: Map<string, Samples>, bare: number): string {
  return table(
    ['route (50 clients)', 'requests', 'req/s', 'of bare route', 'p50 ms', 'p95 ms', 'p99 ms', 'non-2xx'],
    rows.map((r) => {
      const s = (types.get(r.type) as Samples).summary();
      return [r.type, String(s.count), r.perSecond.toFixed(0), `${((100 * r.perSecond) / bare).toFixed(0)} %`, ms(s.p50), ms(s.p95), ms(s.p99), String(s.errors)];
    }),
  );
}

export function checksTable(checks: Check[]): string {
  return table(['target', 'measured', 'result'], checks.map((c) => [c.what, c.detail, c.passed ? 'pass' : 'MISSED']));
}
