import type { OutreachChannelStatus } from '@huifang/shared';

/** How a channel card reads at a glance. */
export type ChannelTone = 'ok' | 'warning' | 'problem';

export interface ChannelCard extends OutreachChannelStatus {
  nameKey: string;
  tone: ChannelTone;
  /** What needs saying beyond the figures (`outreach.channels.notes.*`); null when all is well. */
  noteKey: string | null;
}

/**
 * The channels as cards. A channel no longer configured that still holds queued messages is a
 * problem (they will fail); the log channel delivers nothing (a warning), and so are failures.
 */
export function channelCards(statuses: readonly OutreachChannelStatus[]): ChannelCard[] {
  return statuses.map((status) => {
    const card = (tone: ChannelTone, note: string | null): ChannelCard => ({
      ...status,
      nameKey: `outreachChannels.${status.channel}`,
      tone,
      noteKey: note === null ? null : `outreach.channels.notes.${note}`,
    });
    if (!status.configured) return card(status.queued > 0 ? 'problem' : 'warning', 'notConfigured');
    if (status.channel === 'log') return card('warning', 'logOnly');
    if (status.failedLast24h > 0) return card('warning', 'failures');
    return card('ok', null);
  });
}
