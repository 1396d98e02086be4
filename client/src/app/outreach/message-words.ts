import { OUTREACH_SUPPRESSION_RULES, type OutreachMessage } from '@huifang/shared';

/** How a message reads (timeline, outbox): translation keys for its kind, channel and status, and why it stopped. */
export interface MessageWords {
  kindKey: string;
  channelKey: string;
  statusKey: string;
  /** A suppression rule in words (`outreachReasons.<rule>`); null otherwise. */
  reasonKey: string | null;
  /** A failure's reason as the channel gave it (its own words, not translated); null otherwise. */
  reasonText: string | null;
  /** Stopped short of the patient: failed or suppressed. */
  stopped: boolean;
}

export function messageWords(message: Pick<OutreachMessage, 'kind' | 'channel' | 'status' | 'reason'>): MessageWords {
  const rule = message.status === 'suppressed' && (OUTREACH_SUPPRESSION_RULES as readonly (string | null)[]).includes(message.reason);
  const failed = message.status === 'failed' && !!message.reason;
  return {
    kindKey: `outreachKinds.${message.kind}`,
    channelKey: `outreachChannels.${message.channel}`,
    statusKey: `outreachStatuses.${message.status}`,
    reasonKey: rule ? `outreachReasons.${message.reason}` : null,
    // A suppression by a rule this client does not know yet still shows what the server said.
    reasonText: failed || (message.status === 'suppressed' && !rule && message.reason) ? message.reason : null,
    stopped: message.status === 'failed' || message.status === 'suppressed',
  };
}
