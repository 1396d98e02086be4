import { ConfigError } from './config-values';
import { outreachConfig } from './outreach-config';

const SECRET = 'x'.repeat(32);

describe('outreachConfig', () => {
  it('configures no channel by default, with the documented pace', () => {
    expect(outreachConfig({})).toEqual({
      smtpUrl: null,
      mailFrom: null,
      smsWebhookUrl: null,
      wechatWebhookUrl: null,
      webhookSecret: null,
      webhookTimeoutMs: 10_000,
      retryBaseMs: 60_000,
      maxAttempts: 6,
      claimMs: 120_000,
      pollMs: 2_000,
      inFlight: 50,
      surveyReminderHours: 48,
    });
  });

  it('takes the webhooks with their secret and the SMTP server with its sender', () => {
    const config = outreachConfig({
      HUIFANG_SMS_WEBHOOK_URL: 'https://sms.example/send',
      HUIFANG_WECHAT_WEBHOOK_URL: 'http://relay.local/wx',
      HUIFANG_WEBHOOK_SECRET: SECRET,
      HUIFANG_SMTP_URL: 'smtps://u:p@mail.example:465',
      HUIFANG_MAIL_FROM: 'Hospital <noreply@hospital.example>',
    });
    expect(config).toMatchObject({ smsWebhookUrl: 'https://sms.example/send', wechatWebhookUrl: 'http://relay.local/wx', webhookSecret: SECRET, smtpUrl: 'smtps://u:p@mail.example:465' });
  });

  it('takes the survey reminder delay in hours, with decimals; 0 turns it off', () => {
    expect(outreachConfig({ HUIFANG_SURVEY_REMINDER_HOURS: '0.002' }).surveyReminderHours).toBe(0.002);
    expect(outreachConfig({ HUIFANG_SURVEY_REMINDER_HOURS: '0' }).surveyReminderHours).toBe(0);
    expect(outreachConfig({ HUIFANG_SURVEY_REMINDER_HOURS: '72' }).surveyReminderHours).toBe(72);
  });

  it.each([
    [{ HUIFANG_SMS_WEBHOOK_URL: 'https://sms.example/send' }, 'HUIFANG_WEBHOOK_SECRET is required'],
    [{ HUIFANG_SMS_WEBHOOK_URL: 'https://sms.example/send', HUIFANG_WEBHOOK_SECRET: 'short' }, 'at least 32 characters'],
    [{ HUIFANG_SMS_WEBHOOK_URL: 'ftp://sms.example', HUIFANG_WEBHOOK_SECRET: SECRET }, 'HUIFANG_SMS_WEBHOOK_URL must be a http: or https: URL'],
    [{ HUIFANG_SMTP_URL: 'smtp://mail.example' }, 'HUIFANG_MAIL_FROM is required'],
    [{ HUIFANG_SMTP_URL: 'http://mail.example', HUIFANG_MAIL_FROM: 'a@b.c' }, 'HUIFANG_SMTP_URL must be a smtp: or smtps: URL'],
    [{ HUIFANG_WEBHOOK_TIMEOUT_MS: '5000', HUIFANG_OUTREACH_CLAIM_MS: '5000' }, 'must be longer than HUIFANG_WEBHOOK_TIMEOUT_MS'],
    [{ HUIFANG_OUTREACH_MAX_ATTEMPTS: '0' }, 'HUIFANG_OUTREACH_MAX_ATTEMPTS must be a whole number from 1 to 50'],
    [{ HUIFANG_SURVEY_REMINDER_HOURS: '-1' }, 'HUIFANG_SURVEY_REMINDER_HOURS must be a number from 0 to 720'],
    [{ HUIFANG_SURVEY_REMINDER_HOURS: '1e3' }, 'HUIFANG_SURVEY_REMINDER_HOURS must be a number from 0 to 720'],
    [{ HUIFANG_SURVEY_REMINDER_HOURS: '721' }, 'HUIFANG_SURVEY_REMINDER_HOURS must be a number from 0 to 720'],
  ])('refuses %j', (env, message) => {
    expect(() => outreachConfig(env)).toThrow(ConfigError);
    expect(() => outreachConfig(env)).toThrow(message);
  });
});
