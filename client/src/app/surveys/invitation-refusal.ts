import { HttpErrorResponse } from '@angular/common/http';
import { ERROR_CODES, type InvitationRefusalReason } from '@huifang/shared';
import { type ErrorDescription, apiErrorCode, describeHttpError } from '../core/api-error';

export interface InvitationRefusal {
  /** The refusal's own message (from its code), shown when the reason is none of the above. */
  error: ErrorDescription;
  reason: InvitationRefusalReason | null;
  /** With `too_soon`: the calendar day from which a new invitation is possible. */
  nextAllowedDay: string | null;
}

/** The refusal a 409 carries; null for any other failure. */
export function invitationRefusal(err: unknown): InvitationRefusal | null {
  if (!(err instanceof HttpErrorResponse) || err.status !== 409) {
    return null;
  }
  const error = describeHttpError(err);
  const code = apiErrorCode(err.error);
  const next = error.params['nextAllowedDay'];
  return {
    error,
    reason: code === ERROR_CODES.surveyDeclined ? 'declined' : code === ERROR_CODES.surveyTooSoon ? 'too_soon' : null,
    nextAllowedDay: code === ERROR_CODES.surveyTooSoon && typeof next === 'string' ? next : null,
  };
}
