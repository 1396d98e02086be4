import { OUTREACH_CHANNELS, OUTREACH_RECEIPT_CHANNELS, type OutreachChannel } from './outreach';

/*
 * How outreach is doing (issue #16): each channel's state now for admins
 * (`GET /api/outreach/channels`) and, for the dashboard's follow-up panel, each channel's delivery and
 * response rates over a period (`GET /api/indicators/outreach`). The rates' definitions live here
 * only: the server counts rows, `outreachRatesFromCounts` turns the counts into figures.
 */

/** "Failures in the last day" looks back this far. */
export const OUTREACH_FAILURE_WINDOW_HOURS = 24;
/** The last success is looked for among the messages due in this many days (an index range, not the whole outbox). */
export const OUTREACH_SUCCESS_WINDOW_DAYS = 30;

/** One channel as admins see it now (`GET /api/outreach/channels`). */
export interface OutreachChannelStatus {
  channel: OutreachChannel;
  /**
   * Configured on this server. `log` is listed, configured, only when no real channel is; a channel
   * no longer configured is listed (not configured) while it still has queued messages or recent failures.
   */
  configured: boolean;
  /**
   * When the channel last carried a message: the latest delivery receipt or, without one, hand-over
   * (`delivered_at`, else `sent_at`), among the messages due in the last OUTREACH_SUCCESS_WINDOW_DAYS
   * days; null: none in that window.
   */
  lastSuccessAt: string | null;
  /** Messages failed for good whose last try was due in the last OUTREACH_FAILURE_WINDOW_HOURS hours. */
  failedLast24h: number;
  /** Messages waiting to be delivered now: due, held by the quiet hours, or waiting after a failed try (not reminders scheduled days ahead). */
  queued: number;
  /** Of `queued`, those waiting after a failed try. */
  retrying: number;
}

/**
 * The counts behind one channel's rates, over the messages created in the period (hospital days),
 * optionally of one department (`outreach_message.department_id`).
 */
export interface OutreachChannelCounts {
  channel: OutreachChannel;
  /** Messages created in the period, suppressed ones excluded (they never reach a channel). */
  created: number;
  /** Of those, still queued. */
  queued: number;
  /** Handed to the channel (`sent_at` set), whatever came after: a receipt, a failure reported by the gateway, or nothing yet. */
  sent: number;
  /** Now `delivered` (the gateway's receipt). */
  delivered: number;
  /** Now `failed`: never handed over after all tries, or reported failed by the gateway. */
  failed: number;
  /** Of `failed`, those the gateway reported after taking them (a receipt too). */
  failedAfterSending: number;
  /** Stopped by a rule (no consent, opted out, daily cap, unreachable); not in `created`. */
  suppressed: number;
  /** Survey invitations (kind `survey_invitation`) handed to the channel; their reminders are not counted again. */
  surveyInvitationsSent: number;
  /** Of those, the invitations answered (`survey_invitation.used_at`), whenever the answer came. */
  surveyInvitationsAnswered: number;
}

/** A rate in percent (one decimal) with its numerator and denominator; null when the rate says nothing. */
export interface OutreachRate {
  rate: number | null;
  count: number;
  n: number;
}

export interface OutreachChannelRates extends OutreachChannelCounts {
  /**
   * delivered ÷ sent, n = sent. Null when the channel reported no receipt for the period's messages
   * (no `delivered`, no failure after sending): a channel without receipts (`log`, a gateway that
   * does not report) would otherwise read as 0 % delivered.
   */
  delivery: OutreachRate;
  /** Answered survey invitations ÷ survey invitations sent, n = invitations sent. */
  response: OutreachRate;
}

/** `GET /api/indicators/outreach`: the channels that had messages in the period, in OUTREACH_CHANNELS order. */
export interface OutreachIndicator {
  from: string;
  to: string;
  departmentId: number | null;
  channels: OutreachChannelRates[];
}

/** 100 × count ÷ n, one decimal; null when n is 0. */
export function outreachPercent(count: number, n: number): number | null {
  return n > 0 ? Math.round((1000 * count) / n) / 10 : null;
}

export function outreachRatesFromCounts(counts: OutreachChannelCounts): OutreachChannelRates {
  const receipts = counts.delivered + counts.failedAfterSending;
  const reportsReceipts = receipts > 0 && (OUTREACH_RECEIPT_CHANNELS as readonly string[]).includes(counts.channel);
  return {
    ...counts,
    delivery: { rate: reportsReceipts ? outreachPercent(counts.delivered, counts.sent) : null, count: counts.delivered, n: counts.sent },
    response: { rate: outreachPercent(counts.surveyInvitationsAnswered, counts.surveyInvitationsSent), count: counts.surveyInvitationsAnswered, n: counts.surveyInvitationsSent },
  };
}

/** Channels in their fixed order (SMS, WeChat, email, log). */
export function byChannelOrder<T extends { channel: OutreachChannel }>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => OUTREACH_CHANNELS.indexOf(a.channel) - OUTREACH_CHANNELS.indexOf(b.channel));
}
