/** Every latency of one request type (nearest rank over all samples, as the product's own statistics). */
export class Samples {
  private readonly times: number[] = [];
  ok = 0;
  errors = 0;
  /** A few distinct error descriptions (status and code), to say what failed. */
  readonly reasons = new Map<string, number>();

  add(ms: number, ok: boolean, reason?: string): void {
    this.times.push(ms);
    if (ok) this.ok++;
    else {
      this.errors++;
      const key = reason ?? 'error';
      this.reasons.set(key, (this.reasons.get(key) ?? 0) + 1);
    }
  }

  get count(): number {
    return this.times.length;
  }

  percentile(p: number): number {
    const sorted = [...this.times].sort((a, b) => a - b);
    return sorted.length ? (sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] as number) : NaN;
  }

  summary(): { count: number; ok: number; errors: number; p50: number; p95: number; p99: number; max: number; reasons: Record<string, number> } {
    return {
      count: this.count,
      ok: this.ok,
      errors: this.errors,
      p50: this.percentile(50),
      p95: this.percentile(95),
      p99: this.percentile(99),
      max: this.percentile(100),
      reasons: Object.fromEntries(this.reasons),
    };
  }
}
