import { HttpErrorResponse } from '@angular/common/http';
import { apiErrorMessage } from '../core/api-error';

/** Why the server would not invite the patient now (the 409 body of POST /api/survey-invitations). */
export type InvitationRefusalReason = 'declined' | 'too_soon';

export interface InvitationRefusal {
  /** The server's own words (English), shown when the reason is not one we know. */
  message: string | null;
  reason: InvitationRefusalReason | null;
  /** With `too_soon`: from when a new invitation is possible. */
  nextPossibleAt: string | null;
}

/** The refusal a 409 carries; null for any other failure. */
export function invitationRefusal(err: unknown): InvitationRefusal | null {
  if (!(err instanceof HttpErrorResponse) || err.status !== 409) {
    return null;
  }
  const body: unknown = err.error;
  const fields = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const reason = fields['reason'];
  const next = fields['nextPossibleAt'];
  return {
    message: apiErrorMessage(body),
    reason: reason === 'declined' || reason === 'too_soon' ? reason : null,
    nextPossibleAt: typeof next === 'string' && !Number.isNaN(Date.parse(next)) ? next : null,
  };
}
