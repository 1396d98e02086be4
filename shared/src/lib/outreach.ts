/*
 * Outreach (DOMAIN.md "Outreach"): messages to patients, written to an outbox in the transaction of
 * the event that causes them and delivered by the server's worker.
 */

/** `survey_reminder`: the one reminder of a survey invitation not answered in time (same link). */
export const OUTREACH_KINDS = ['survey_invitation', 'survey_reminder', 'revisit_reminder', 'missed_revisit_nudge', 'callback_appointment'] as const;
export type OutreachKind = (typeof OUTREACH_KINDS)[number];

/** `log` writes a line instead of delivering (development, demo): it never reaches a patient. */
export const OUTREACH_CHANNELS = ['sms', 'wechat', 'email', 'log'] as const;
export type OutreachChannel = (typeof OUTREACH_CHANNELS)[number];
/** The channels a gateway reports to (`POST /api/outreach/receipts/:channel`). */
export const OUTREACH_RECEIPT_CHANNELS = ['sms', 'wechat', 'email'] as const;
export type OutreachReceiptChannel = (typeof OUTREACH_RECEIPT_CHANNELS)[number];

export const OUTREACH_STATUSES = ['queued', 'sent', 'delivered', 'failed', 'suppressed'] as const;
export type OutreachStatus = (typeof OUTREACH_STATUSES)[number];

/** The consent a message needs: the patient's consent to surveys, or to follow-up contact. */
export const OUTREACH_PURPOSES = ['surveys', 'follow_up'] as const;
export type OutreachPurpose = (typeof OUTREACH_PURPOSES)[number];

export const OUTREACH_PURPOSE_OF: Readonly<Record<OutreachKind, OutreachPurpose>> = {
  survey_invitation: 'surveys',
  survey_reminder: 'surveys',
  revisit_reminder: 'follow_up',
  missed_revisit_nudge: 'follow_up',
  callback_appointment: 'follow_up',
};

/**
 * The rule that suppressed a message (its `reason`): consent never recorded, consent refused or
 * withdrawn (an opt-out), the daily cap reached, no address on any configured channel, or the
 * patient `erased` (their messages still to send stop). Looked at again at delivery, for messages
 * written ahead of their time: a survey reminder whose invitation was `answered` or `expired` (or
 * revoked) meanwhile, or whose invitation message never went out (`no_invitation`: suppressed or
 * failed); a revisit reminder or missed-revisit nudge whose patient `returned` meanwhile (came back,
 * or a later visit set a new expected return); a callback appointment whose call was closed
 * (`call_closed`: made, failed or cancelled) or announced again with a new time (`superseded`).
 */
export const OUTREACH_SUPPRESSION_RULES = [
  'no_consent',
  'opted_out',
  'daily_cap',
  'unreachable',
  'erased',
  'answered',
  'expired',
  'no_invitation',
  'returned',
  'call_closed',
  'superseded',
] as const;
export type OutreachSuppressionRule = (typeof OUTREACH_SUPPRESSION_RULES)[number];

/**
 * At most this many messages (not counting suppressed ones) per patient per hospital day: the day a
 * message is due to go out (a reminder written today for the day after tomorrow counts then).
 */
export const OUTREACH_DAILY_CAP = 2;
/** Quiet hours in the hospital's time zone: a message due from `from`:00 waits until `until`:00. */
export const OUTREACH_QUIET_HOURS = { from: 21, until: 8 } as const;

/** A patient's reply that opts out of the message's purpose (compared trimmed, case-insensitive). */
export const OUTREACH_OPT_OUT_REPLIES = ['STOP', 'UNSUBSCRIBE', '退订', 'TD'] as const;

export function isOptOutReply(reply: string): boolean {
  const word = reply.trim().toUpperCase();
  return (OUTREACH_OPT_OUT_REPLIES as readonly string[]).includes(word);
}

/** One outbox row as admins see it: no text, no address (the patient is named by id only). */
export interface OutreachMessage {
  id: number;
  kind: OutreachKind;
  patientId: number;
  departmentId: number | null;
  channel: OutreachChannel;
  purpose: OutreachPurpose;
  status: OutreachStatus;
  /** The channel's reason of a failure, or the rule of a suppression; null otherwise. */
  reason: string | null;
  attempts: number;
  nextAttemptAt: string;
  sentAt: string | null;
  deliveredAt: string | null;
  createdAt: string;
}

export interface OutreachMessageQuery {
  status?: OutreachStatus;
  channel?: OutreachChannel;
  kind?: OutreachKind;
  /** Calendar days of `createdAt` in the hospital's time zone, inclusive. */
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
}

/**
 * A gateway's delivery receipt or a patient's reply, posted to `/api/outreach/receipts/:channel`
 * with `X-Huifang-Timestamp` (Unix seconds) and `X-Huifang-Signature: sha256=<hex HMAC-SHA256 of
 * "<timestamp>.<raw body>" with HUIFANG_WEBHOOK_SECRET>`. The message is named by the idempotency
 * key Huifang sent or the id the gateway answered.
 */
export interface OutreachReceipt {
  idempotencyKey?: string;
  providerMessageId?: string;
  status?: 'delivered' | 'failed';
  reason?: string;
  /** The patient's reply; an opt-out word (`OUTREACH_OPT_OUT_REPLIES`) withdraws the consent. */
  reply?: string;
}

export const OUTREACH_RECEIPT_STATUSES = ['delivered', 'failed'] as const;

/** What the webhook channel posts to a gateway (signed the same way as receipts). */
export interface OutreachWebhookRequest {
  idempotencyKey: string;
  channel: 'sms' | 'wechat';
  kind: OutreachKind;
  to: string;
  text: string;
  language: 'zh' | 'en';
}
