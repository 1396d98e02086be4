import { HttpErrorResponse } from '@angular/common/http';
import { ERROR_CODES } from '@huifang/shared';

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

/** A claim refused because the patient withdrew (or never gave) consent to follow-up calls: no panel opens. */
export function isNoConsentRefusal(err: unknown): boolean {
  if (!(err instanceof HttpErrorResponse) || err.status !== 409) {
    return false;
  }
  const body: unknown = err.error;
  return !!body && typeof body === 'object' && (body as { code?: unknown }).code === ERROR_CODES.callbackNoConsent;
}
