import { ConfigError, decimal, integer, type Env } from './config-values';

/** The outreach channels and the worker's pace, from the environment (README, "Configuration"). */
export interface OutreachConfig {
  /** HUIFANG_SMTP_URL (`smtp://user:pass@host:587`, `smtps://…`): the email channel, when set. */
  smtpUrl: string | null;
  /** HUIFANG_MAIL_FROM: the sender of emails (required with HUIFANG_SMTP_URL). */
  mailFrom: string | null;
  /** HUIFANG_SMS_WEBHOOK_URL / HUIFANG_WECHAT_WEBHOOK_URL: the gateways of the webhook channels. */
  smsWebhookUrl: string | null;
  wechatWebhookUrl: string | null;
  /** HUIFANG_WEBHOOK_SECRET: signs requests to the gateways and verifies their receipts (32+ characters). */
  webhookSecret: string | null;
  /** HUIFANG_WEBHOOK_TIMEOUT_MS: a gateway slower than this has failed the try (retried). */
  webhookTimeoutMs: number;
  /** HUIFANG_OUTREACH_RETRY_BASE_MS: the first retry's wait; each later one doubles it. */
  retryBaseMs: number;
  /** HUIFANG_OUTREACH_MAX_ATTEMPTS: tries before a message fails with the channel's last reason. */
  maxAttempts: number;
  /** HUIFANG_OUTREACH_CLAIM_MS: how long a claimed message is another instance's; past it, it is claimed again. */
  claimMs: number;
  /** HUIFANG_OUTREACH_POLL_MS: how often the worker looks for due messages (also right after a write). */
  pollMs: number;
  /** HUIFANG_OUTREACH_IN_FLIGHT: messages one instance delivers at once. */
  inFlight: number;
  /** HUIFANG_SURVEY_REMINDER_HOURS: a survey invitation not answered this long after it gets one reminder (0: none; decimals allowed). */
  surveyReminderHours: number;
}

function url(env: Env, name: string, protocols: string[]): string | null {
  const raw = env[name] || null;
  if (raw === null) return null;
  try {
    if (protocols.includes(new URL(raw).protocol)) return raw;
  } catch {
    // reported below
  }
  throw new ConfigError(`${name} must be a ${protocols.join(' or ')} URL`);
}

export function outreachConfig(env: Env): OutreachConfig {
  const smsWebhookUrl = url(env, 'HUIFANG_SMS_WEBHOOK_URL', ['http:', 'https:']);
  const wechatWebhookUrl = url(env, 'HUIFANG_WECHAT_WEBHOOK_URL', ['http:', 'https:']);
  const webhookSecret = env['HUIFANG_WEBHOOK_SECRET'] || null;
  if (webhookSecret !== null && webhookSecret.length < 32) throw new ConfigError('HUIFANG_WEBHOOK_SECRET must be at least 32 characters');
  if ((smsWebhookUrl || wechatWebhookUrl) && !webhookSecret) {
    throw new ConfigError('HUIFANG_WEBHOOK_SECRET is required with HUIFANG_SMS_WEBHOOK_URL or HUIFANG_WECHAT_WEBHOOK_URL');
  }
  const smtpUrl = url(env, 'HUIFANG_SMTP_URL', ['smtp:', 'smtps:']);
  const mailFrom = env['HUIFANG_MAIL_FROM'] || null;
  if (smtpUrl && !mailFrom) throw new ConfigError('HUIFANG_MAIL_FROM is required with HUIFANG_SMTP_URL');
  const webhookTimeoutMs = integer(env, 'HUIFANG_WEBHOOK_TIMEOUT_MS', 10_000, 100, 120_000);
  const claimMs = integer(env, 'HUIFANG_OUTREACH_CLAIM_MS', 120_000, 1_000, 3_600_000);
  if (claimMs <= webhookTimeoutMs) throw new ConfigError('HUIFANG_OUTREACH_CLAIM_MS must be longer than HUIFANG_WEBHOOK_TIMEOUT_MS');
  return {
    smtpUrl,
    mailFrom,
    smsWebhookUrl,
    wechatWebhookUrl,
    webhookSecret,
    webhookTimeoutMs,
    retryBaseMs: integer(env, 'HUIFANG_OUTREACH_RETRY_BASE_MS', 60_000, 10, 86_400_000),
    maxAttempts: integer(env, 'HUIFANG_OUTREACH_MAX_ATTEMPTS', 6, 1, 50),
    claimMs,
    pollMs: integer(env, 'HUIFANG_OUTREACH_POLL_MS', 2_000, 50, 600_000),
    inFlight: integer(env, 'HUIFANG_OUTREACH_IN_FLIGHT', 50, 1, 500),
    surveyReminderHours: decimal(env, 'HUIFANG_SURVEY_REMINDER_HOURS', 48, 0, 720),
  };
}
