import { HttpErrorResponse } from '@angular/common/http';

/**
 * The colleague a 409 on claim names (`{ message: '… is working on this callback until …',
 * claimedBy: { id, displayName } }`); null for any other failure, or when the answer names nobody.
 */
export function claimHolderName(err: unknown): string | null {
  if (!(err instanceof HttpErrorResponse) || err.status !== 409) {
    return null;
  }
  const body: unknown = err.error;
  if (!body || typeof body !== 'object') {
    return null;
  }
  const claimedBy = (body as { claimedBy?: unknown }).claimedBy;
  const name =
    claimedBy && typeof claimedBy === 'object' ? (claimedBy as { displayName?: unknown }).displayName : undefined;
  return typeof name === 'string' && name.trim() !== '' ? name : null;
}
