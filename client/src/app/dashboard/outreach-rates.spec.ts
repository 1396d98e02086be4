import type { OutreachChannelRates, OutreachIndicator } from '@huifang/shared';
import { fakeT } from './chart-test-fakes';
import { outreachRateRows } from './outreach-rates';

const channel = (changes: Partial<OutreachChannelRates>): OutreachChannelRates => ({
  channel: 'sms',
  created: 6,
  queued: 1,
  sent: 4,
  delivered: 2,
  failed: 3,
  failedAfterSending: 1,
  suppressed: 1,
  surveyInvitationsSent: 3,
  surveyInvitationsAnswered: 1,
  delivery: { rate: 50, count: 2, n: 4 },
  response: { rate: 33.3, count: 1, n: 3 },
  ...changes,
});
const indicator = (channels: OutreachChannelRates[]): OutreachIndicator => ({ from: '2026-03-01', to: '2026-03-31', departmentId: null, channels });

describe('outreachRateRows', () => {
  it('writes each rate with its count and n, small samples marked', () => {
    const [row] = outreachRateRows(indicator([channel({})]), 'en', fakeT);
    expect(row).toEqual({
      channel: 'sms',
      channelKey: 'outreachChannels.sms',
      created: 6,
      sent: 4,
      failed: 3,
      suppressed: 1,
      delivery: { state: 'small', text: 'dashboard.outreach.rate{"value":"dashboard.units.percent{\\"value\\":\\"50.0\\"}","count":2,"n":4}' },
      response: { state: 'small', text: 'dashboard.outreach.rate{"value":"dashboard.units.percent{\\"value\\":\\"33.3\\"}","count":1,"n":3}' },
    });
    const [large] = outreachRateRows(indicator([channel({ sent: 40, delivery: { rate: 95, count: 38, n: 40 } })]), 'en', fakeT);
    expect(large.delivery.state).toBe('ok');
  });

  it('says "no receipts" for a channel that sent without reporting, and nothing for no messages', () => {
    const rows = outreachRateRows(
      indicator([
        channel({ channel: 'log', delivery: { rate: null, count: 0, n: 4 }, response: { rate: null, count: 0, n: 0 } }),
        channel({ channel: 'wechat', sent: 0, delivery: { rate: null, count: 0, n: 0 } }),
      ]),
      'en',
      fakeT,
    );
    expect(rows.map((r) => [r.delivery, r.response.text])).toEqual([
      [{ state: 'none', text: 'dashboard.outreach.noReceipts{"n":4}' }, 'dashboard.outreach.none{"n":0}'],
      [{ state: 'none', text: 'dashboard.outreach.none{"n":0}' }, expect.stringContaining('dashboard.outreach.rate')],
    ]);
  });
});
