import { OUTREACH_CHANNELS, OUTREACH_KINDS, OUTREACH_STATUSES, OUTREACH_SUPPRESSION_RULES } from '@huifang/shared';
import en from '../../../public/i18n/en.json';
import zh from '../../../public/i18n/zh.json';
import { messageWords } from './message-words';

describe('messageWords', () => {
  it('names kind, channel and status by translation key', () => {
    expect(messageWords({ kind: 'survey_invitation', channel: 'sms', status: 'delivered', reason: null })).toEqual({
      kindKey: 'outreachKinds.survey_invitation',
      channelKey: 'outreachChannels.sms',
      statusKey: 'outreachStatuses.delivered',
      reasonKey: null,
      reasonText: null,
      stopped: false,
    });
  });

  it('says which rule suppressed a message, in words', () => {
    expect(messageWords({ kind: 'revisit_reminder', channel: 'log', status: 'suppressed', reason: 'opted_out' })).toMatchObject({ reasonKey: 'outreachReasons.opted_out', reasonText: null, stopped: true });
    // A rule from a newer server: its code as sent.
    expect(messageWords({ kind: 'revisit_reminder', channel: 'log', status: 'suppressed', reason: 'survey_spacing' })).toMatchObject({ reasonKey: null, reasonText: 'survey_spacing' });
  });

  it('gives a failure the channel’s own reason; a retried message none', () => {
    expect(messageWords({ kind: 'callback_appointment', channel: 'wechat', status: 'failed', reason: 'HTTP 503' })).toMatchObject({ reasonKey: null, reasonText: 'HTTP 503', stopped: true });
    expect(messageWords({ kind: 'callback_appointment', channel: 'wechat', status: 'queued', reason: 'timeout' })).toMatchObject({ reasonKey: null, reasonText: null, stopped: false });
  });

  it('has words for every kind, channel, status and rule in both languages', () => {
    for (const words of [en, zh] as Record<string, Record<string, string>>[]) {
      for (const kind of OUTREACH_KINDS) expect([kind, typeof words['outreachKinds'][kind]]).toEqual([kind, 'string']);
      for (const channel of OUTREACH_CHANNELS) expect([channel, typeof words['outreachChannels'][channel]]).toEqual([channel, 'string']);
      for (const status of OUTREACH_STATUSES) expect([status, typeof words['outreachStatuses'][status]]).toEqual([status, 'string']);
      for (const rule of OUTREACH_SUPPRESSION_RULES) expect([rule, typeof words['outreachReasons'][rule]]).toEqual([rule, 'string']);
    }
  });
});
