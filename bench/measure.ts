import autocannon from 'autocannon';

export interface Target {
  label: string;
  path: string;
  /** The same request for other periods (or page sizes): each is a read-cache miss when first asked. */
  coldVariants: string[];
  connections: number;
  p95LimitMs: number;
}

export interface Measurement extends Target {
  /** The cold requests' times, fastest first. */
  cold: number[];
  /** Median and slowest of the cold requests: what the first viewer after a write waits. */
  coldP50: number;
  coldMax: number;
  requests: number;
  non2xx: number;
  p50: number;
  p95: number;
  throughput: number;
}

/** Nearest rank, as the product's own statistics. */
function percentile(sorted: number[], p: number): number {
  return sorted.length ? (sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] as number) : NaN;
}

/**
 * First the cold requests, one at a time (the path and its variants, each computed by the database,
 * as after any write the read cache is empty), then a load run on the path whose every response
 * time is recorded (autocannon reports no p95). The load run repeats one request, so after its first
 * response it mostly measures the read cache: the cold columns say what the database costs.
 */
export async function measure(baseUrl: string, token: string, target: Target, seconds: number): Promise<Measurement> {
  const headers = { authorization: `Bearer ${token}` };
  const cold: number[] = [];
  for (const path of [...target.coldVariants, target.path]) {
    const began = performance.now();
    const response = await fetch(`${baseUrl}${path}`, { headers });
    await response.arrayBuffer();
    cold.push(performance.now() - began);
    if (response.status >= 300) throw new Error(`${path} answered ${response.status}`);
  }
  cold.sort((a, b) => a - b);

  const latencies: number[] = [];
  let non2xx = 0;
  const instance = autocannon({ url: `${baseUrl}${target.path}`, headers, connections: target.connections, duration: seconds });
  instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    latencies.push(responseTime);
    if (statusCode < 200 || statusCode >= 300) non2xx++;
  });
  const result = await instance;
  latencies.sort((a, b) => a - b);
  return {
    ...target,
    cold,
    coldP50: percentile(cold, 50),
    coldMax: cold[cold.length - 1] as number,
    requests: latencies.length,
    non2xx: non2xx + result.errors + result.timeouts,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    throughput: latencies.length / seconds,
  };
}

export function printTable(rows: Measurement[]): void {
  const header = ['endpoint', 'cold p50 ms', 'cold max ms', 'conns', 'requests', 'p50 ms', 'p95 ms', 'req/s', 'target p95', 'result'];
  const lines = rows.map((r) => [
    r.label,
    r.coldP50.toFixed(0),
    r.coldMax.toFixed(0),
    String(r.connections),
    String(r.requests),
    r.p50.toFixed(1),
    r.p95.toFixed(1),
    r.throughput.toFixed(1),
    `<= ${r.p95LimitMs}`,
    passed(r) ? 'pass' : r.non2xx ? `FAIL (${r.non2xx} errors)` : 'FAIL',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] as string).length)));
  const format = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join(' | ')} |`;
  console.log(format(header));
  console.log(`|${widths.map((w, i) => (i === 0 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
  for (const line of lines) console.log(format(line));
}

export function passed(r: Measurement): boolean {
  return r.non2xx === 0 && r.requests > 0 && r.p95 <= r.p95LimitMs;
}
