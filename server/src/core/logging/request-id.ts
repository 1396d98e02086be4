import { randomUUID } from 'node:crypto';

/** A fresh id per request; it is logged and returned in `x-request-id` and in error bodies. */
export function newRequestId(): string {
  return randomUUID();
}
