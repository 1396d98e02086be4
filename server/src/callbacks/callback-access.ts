import { ForbiddenException } from '@nestjs/common';
import { type CallbackKind, type Role, workableCallbackKinds, ERROR_CODES } from '@huifang/shared';

/**
 * Who works which callbacks (workableCallbackKinds): a quality manager never sees the full phone
 * number of, or acts on, a routine follow-up call.
 */
export function assertMayWork(role: Role, kind: CallbackKind): void {
  if (!workableCallbackKinds(role).includes(kind)) {
    throw new ForbiddenException({ message: `your role does not work ${kind} callbacks`, code: ERROR_CODES.callbackKindForbidden });
  }
}

/** The queue filter for a role: a role limited to one kind gets that kind's queue; another kind is refused. */
export function queueKindFor(role: Role, requested: CallbackKind | undefined): CallbackKind | undefined {
  const kinds = workableCallbackKinds(role);
  if (requested !== undefined && !kinds.includes(requested)) {
    throw new ForbiddenException({ message: `kind must be one of ${kinds.join(', ')} for your role`, code: ERROR_CODES.callbackKindForbidden });
  }
  return requested ?? (kinds.length === 1 ? kinds[0] : undefined);
}
