import { byChannelOrder, outreachPercent, outreachRatesFromCounts, type OutreachChannelCounts } from './outreach-indicators';

const counts = (changes: Partial<OutreachChannelCounts>): OutreachChannelCounts => ({
  channel: 'sms',
  created: 0,
  queued: 0,
  sent: 0,
  delivered: 0,
  failed: 0,
  failedAfterSending: 0,
  suppressed: 0,
  surveyInvitationsSent: 0,
  surveyInvitationsAnswered: 0,
  ...changes,
});

describe('outreach rates', () => {
  it('delivery: delivered ÷ sent once the channel reported a receipt', () => {
    expect(outreachRatesFromCounts(counts({ sent: 3, delivered: 2 })).delivery).toEqual({ rate: 66.7, count: 2, n: 3 });
    // A failure the gateway reported is a receipt too: 0 % delivered means something.
    expect(outreachRatesFromCounts(counts({ sent: 2, failed: 1, failedAfterSending: 1 })).delivery).toEqual({ rate: 0, count: 0, n: 2 });
  });

  it('delivery: null without any receipt, and always for the log channel', () => {
    expect(outreachRatesFromCounts(counts({ sent: 5, failed: 2 })).delivery).toEqual({ rate: null, count: 0, n: 5 });
    expect(outreachRatesFromCounts(counts({ channel: 'log', sent: 5, delivered: 5 })).delivery.rate).toBeNull();
  });

  it('response: answered invitations ÷ invitations sent; null with none sent', () => {
    expect(outreachRatesFromCounts(counts({ surveyInvitationsSent: 4, surveyInvitationsAnswered: 1 })).response).toEqual({ rate: 25, count: 1, n: 4 });
    expect(outreachRatesFromCounts(counts({})).response).toEqual({ rate: null, count: 0, n: 0 });
  });

  it('rounds to one decimal and orders channels SMS, WeChat, email, log', () => {
    expect(outreachPercent(1, 3)).toBe(33.3);
    expect(outreachPercent(0, 0)).toBeNull();
    expect(byChannelOrder([{ channel: 'log' }, { channel: 'email' }, { channel: 'sms' }, { channel: 'wechat' }]).map((c) => c.channel)).toEqual(['sms', 'wechat', 'email', 'log']);
  });
});
