import type { CallbackItem } from '@huifang/shared';
import { resultMessage } from './call-result';

const item = (changes: Partial<CallbackItem>) => ({ status: 'pending', outcome: null, ...changes }) as CallbackItem;

describe('resultMessage', () => {
  it('confirms a completed call by its outcome', () => {
    expect(resultMessage({ action: 'attempt', item: item({ status: 'completed', outcome: 'reached' }) })).toEqual({
      key: 'callbacks.queue.results.reached',
      showsDue: false,
    });
    expect(resultMessage({ action: 'attempt', item: item({ status: 'completed', outcome: 'wrong_number' }) }).key).toBe(
      'callbacks.queue.results.wrong_number',
    );
  });

  it('names the next try after no answer, and says so when the third no answer failed it', () => {
    expect(resultMessage({ action: 'attempt', item: item({ status: 'pending' }) })).toEqual({
      key: 'callbacks.queue.results.no_answer',
      showsDue: true,
    });
    expect(resultMessage({ action: 'attempt', item: item({ status: 'failed', outcome: 'no_answer' }) })).toEqual({
      key: 'callbacks.queue.results.failed',
      showsDue: false,
    });
  });

  it('confirms rescheduling with the new time, and cancelling and releasing', () => {
    expect(resultMessage({ action: 'rescheduled', item: item({}) })).toEqual({ key: 'callbacks.queue.results.rescheduled', showsDue: true });
    expect(resultMessage({ action: 'cancelled', item: item({ status: 'cancelled' }) }).key).toBe('callbacks.queue.results.cancelled');
    expect(resultMessage({ action: 'released', item: item({}) }).key).toBe('callbacks.queue.results.released');
  });
});
