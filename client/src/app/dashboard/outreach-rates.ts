import type { OutreachChannelRates, OutreachIndicator, OutreachRate } from '@huifang/shared';
import type { Lang } from '../i18n/language';
import { type Translate, formatFigure } from './figure-format';
import { type FigureState, figureState } from './headline';

/** One rate as the follow-up panel writes it: the figure with its count of n, or why there is none. */
export interface RateCell {
  state: FigureState;
  /** `50.0% (2 of 4)`, or the reason there is no figure (`no receipts`, `—`). */
  text: string;
}

export interface OutreachRateRow {
  channel: OutreachChannelRates['channel'];
  channelKey: string;
  created: number;
  sent: number;
  failed: number;
  suppressed: number;
  delivery: RateCell;
  response: RateCell;
}

/**
 * The channels' delivery and response rates (their definitions: shared outreach-indicators.ts), each
 * with its count and n; a delivery rate the channel cannot have (no receipts) says so rather than 0.
 */
export function outreachRateRows(indicator: OutreachIndicator, lang: Lang, t: Translate): OutreachRateRow[] {
  return indicator.channels.map((channel) => ({
    channel: channel.channel,
    channelKey: `outreachChannels.${channel.channel}`,
    created: channel.created,
    sent: channel.sent,
    failed: channel.failed,
    suppressed: channel.suppressed,
    delivery: rateCell(channel.delivery, lang, t, channel.sent > 0 ? 'dashboard.outreach.noReceipts' : 'dashboard.outreach.none'),
    response: rateCell(channel.response, lang, t, 'dashboard.outreach.none'),
  }));
}

function rateCell(rate: OutreachRate, lang: Lang, t: Translate, noneKey: string): RateCell {
  const state = figureState(rate.rate, rate.n);
  if (rate.rate === null || state === 'none') return { state: 'none', text: t(noneKey, { n: rate.n }) };
  return { state, text: t('dashboard.outreach.rate', { value: formatFigure(rate.rate, 'percent', lang, t), count: rate.count, n: rate.n }) };
}
