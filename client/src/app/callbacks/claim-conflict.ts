import { HttpErrorResponse } from '@angular/common/http';
import { ERROR_CODES } from '@huifang/shared';
import { apiErrorCode, apiErrorParams } from '../core/api-error';

/**
 * The colleague a `callback.claimed` answer names (`params.claimedBy`, their display name); null for
 * any other failure, or when the answer names nobody.
 */
export function claimHolderName(err: unknown): string | null {
  if (!(err instanceof HttpErrorResponse) || apiErrorCode(err.error) !== ERROR_CODES.callbackClaimed) {
    return null;
  }
  const name = apiErrorParams(err.error)['claimedBy'];
  return typeof name === 'string' && name.trim() !== '' ? name : null;
}

/** A claim refused because the patient withdrew (or never gave) consent to follow-up calls: no panel opens. */
export function isNoConsentRefusal(err: unknown): boolean {
  return err instanceof HttpErrorResponse && apiErrorCode(err.error) === ERROR_CODES.callbackNoConsent;
}
