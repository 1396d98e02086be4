import { Injectable } from '@nestjs/common';

const MAX_ENTRIES = 500;

interface Entry {
  version: number;
  at: number;
  value: Promise<unknown>;
}

/**
 * A read-through cache for expensive, often-repeated reads (dashboard figures, the callback queue
 * that every front-desk screen polls). Correct within this process: every committed write
 * (`WriteTransaction`) invalidates everything, and an answer computed while a write committed is
 * never served. The time limit bounds how stale an answer can be when another process (a second
 * instance on PostgreSQL) wrote. Identical requests arriving together share one computation.
 */
@Injectable()
export class ReadCache {
  private version = 0;
  private readonly entries = new Map<string, Entry>();

  invalidate(): void {
    this.version++;
    this.entries.clear();
  }

  get<T>(key: string, maxAgeMs: number, compute: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && hit.version === this.version && Date.now() - hit.at < maxAgeMs) return hit.value as Promise<T>;
    const version = this.version;
    const value = compute();
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(key, { version, at: Date.now(), value });
    value.catch(() => this.entries.delete(key));
    return value;
  }
}
