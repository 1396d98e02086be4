import { SYSTEM_CALLBACK_REASONS, SYSTEM_CANCEL_REASONS, type CallbackStatus } from '@huifang/shared';

/** Whether the case is closed (made, given up or cancelled) or still waiting to be made. */
export function isClosed(status: CallbackStatus): boolean {
  return status === 'completed' || status === 'failed' || status === 'cancelled';
}

/** The i18n key of a reason the server wrote itself when it opened a callback (SYSTEM_CALLBACK_REASONS), or null. */
export function systemCallbackReasonKey(reason: string | null): string | null {
  const entry = Object.entries(SYSTEM_CALLBACK_REASONS).find(([, text]) => text === reason);
  return entry ? `callbacks.systemReasons.${entry[0]}` : null;
}

/**
 * A cancellation reason the server recorded by itself, as a translation key
 * (`systemCancelReasons.consentWithdrawn`); null for a reason staff wrote, which is shown as written.
 */
export function systemCancelReasonKey(reason: string | null): string | null {
  const entry = Object.entries(SYSTEM_CANCEL_REASONS).find(([, text]) => text === reason);
  return entry ? `systemCancelReasons.${entry[0]}` : null;
}
