/**
 * Answers that many requests receive unchanged (a read-cache entry: the queue every front-desk
 * screen polls) are serialised to JSON once, on their first send, instead of once per request:
 * a 20-row queue page is ~14 kB, and JSON.stringify was ~10 % of that request's CPU (cpu profile).
 * A marked answer must not be changed afterwards; read-cache entries are shared already.
 */
const serialized = new WeakMap<object, string | null>();

export function sharedAnswer<T extends object>(value: T): T {
  if (!serialized.has(value)) serialized.set(value, null);
  return value;
}

/** Fastify's reply serializer: a marked answer's JSON from its first send, anything else as JSON.stringify. */
export function serializeAnswer(payload: unknown): string {
  if (typeof payload !== 'object' || payload === null) return JSON.stringify(payload);
  const known = serialized.get(payload);
  if (known === undefined) return JSON.stringify(payload);
  if (known !== null) return known;
  const json = JSON.stringify(payload);
  serialized.set(payload, json);
  return json;
}
