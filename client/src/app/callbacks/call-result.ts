import type { CallbackItem } from '@huifang/shared';

/** How the call panel closed (undefined when closed keeping the claim). */
export interface CallPanelResult {
  action: 'attempt' | 'rescheduled' | 'cancelled' | 'released';
  /** The callback as the server returned it after the action. */
  item: CallbackItem;
}

/**
 * The snackbar that confirms an action: its `callbacks.queue.results.*` key and whether it names the
 * new due time. A no-answer attempt moves the call to the next working day, or fails it after 3.
 */
export function resultMessage(result: CallPanelResult): { key: string; showsDue: boolean } {
  const { action, item } = result;
  const key = (name: string) => `callbacks.queue.results.${name}`;
  switch (action) {
    case 'attempt':
      if (item.status === 'failed') {
        return { key: key('failed'), showsDue: false };
      }
      if (item.status === 'completed' && item.outcome && item.outcome !== 'no_answer') {
        return { key: key(item.outcome), showsDue: false };
      }
      return { key: key('no_answer'), showsDue: true };
    case 'rescheduled':
      return { key: key('rescheduled'), showsDue: true };
    default:
      return { key: key(action), showsDue: false };
  }
}
