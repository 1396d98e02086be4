import type { OutreachChannelStatus } from '@huifang/shared';
import { channelCards } from './channel-cards';

const status = (changes: Partial<OutreachChannelStatus>): OutreachChannelStatus => ({
  channel: 'sms',
  configured: true,
  lastSuccessAt: '2026-03-01T01:00:00.000Z',
  failedLast24h: 0,
  queued: 0,
  retrying: 0,
  ...changes,
});

describe('channelCards', () => {
  it('a configured channel without failures is fine', () => {
    expect(channelCards([status({})])).toEqual([{ ...status({}), nameKey: 'outreachChannels.sms', tone: 'ok', noteKey: null }]);
  });

  it('warns of failures in the last day and of the log channel, which delivers nothing', () => {
    expect(channelCards([status({ failedLast24h: 2 }), status({ channel: 'log' })]).map((c) => [c.tone, c.noteKey])).toEqual([
      ['warning', 'outreach.channels.notes.failures'],
      ['warning', 'outreach.channels.notes.logOnly'],
    ]);
  });

  it('a channel no longer configured is a problem while messages wait for it', () => {
    expect(channelCards([status({ configured: false, queued: 3 }), status({ channel: 'email', configured: false, failedLast24h: 1 })]).map((c) => [c.tone, c.noteKey])).toEqual([
      ['problem', 'outreach.channels.notes.notConfigured'],
      ['warning', 'outreach.channels.notes.notConfigured'],
    ]);
  });
});
