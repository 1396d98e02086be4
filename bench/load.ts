import { is2xx, reasonOf, type Answer } from './http';
import { Samples } from './samples';

/** undici's error codes, as the error column says them. */
const FAILURES: Record<string, string> = {
  UND_ERR_HEADERS_TIMEOUT: 'no answer in 30 s',
  UND_ERR_BODY_TIMEOUT: 'no answer in 30 s',
  UND_ERR_CONNECT_TIMEOUT: 'no connection in 10 s',
  ECONNRESET: 'connection reset',
};

/** Per request type, every latency and error of a run. */
export class Recorder {
  readonly types = new Map<string, Samples>();

  of(type: string): Samples {
    let samples = this.types.get(type);
    if (!samples) this.types.set(type, (samples = new Samples()));
    return samples;
  }

  /** Times `request` from `from` (its scheduled time, so a late start counts: no coordinated omission). */
  async timed(types: string[], from: number, request: () => Promise<Answer>, expected?: number, onUnanswered?: () => void): Promise<Answer | null> {
    let answer: Answer | null = null;
    let reason: string | undefined;
    try {
      answer = await request();
      if (expected !== undefined ? answer.status !== expected : !is2xx(answer.status)) reason = reasonOf(answer);
    } catch (error) {
      // No answer: the server may still have done the work (a submit given up on may be stored).
      onUnanswered?.();
      reason = FAILURES[(error as { code?: string }).code ?? ''] ?? (error as Error).message.slice(0, 40);
    }
    const ms = performance.now() - from;
    for (const type of types) this.of(type).add(ms, reason === undefined, reason);
    return reason === undefined ? answer : null;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/**
 * Open loop: event i is due at `startAt + offset + i / rate`, whether earlier ones have answered or
 * not, as real clients do; `fire` gets the scheduled time to measure from. Resolves when every
 * fired event has finished.
 */
export async function openLoop(rate: number, seconds: number, startAt: number, offsetMs: number, fire: (i: number, scheduledAt: number) => Promise<unknown>): Promise<number> {
  const total = Math.floor(rate * seconds);
  const pending: Promise<unknown>[] = [];
  for (let i = 0; i < total; i++) {
    const scheduledAt = startAt + offsetMs + (i * 1000) / rate;
    await sleep(scheduledAt - performance.now());
    pending.push(fire(i, scheduledAt).catch(() => undefined));
  }
  await Promise.all(pending);
  return total;
}

/** Closed loop: `connections` clients, each sending its next request when the last one answered, for `seconds`. */
export async function closedLoop(connections: number, seconds: number, send: (from: number) => Promise<unknown>): Promise<number> {
  const began = performance.now();
  const end = began + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < end) await send(performance.now());
    }),
  );
  return (performance.now() - began) / 1000;
}
