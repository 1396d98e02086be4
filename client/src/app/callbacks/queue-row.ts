import type { AttemptOutcome, CallbackItem } from '@huifang/shared';

/** How a due time is coloured: red once it has passed, amber within the next hour. */
export type DueTone = 'overdue' | 'soon' | 'later';

export const DUE_SOON_MS = 60 * 60_000;

export function dueTone(dueAt: string, now: number): DueTone {
  const due = Date.parse(dueAt);
  if (Number.isNaN(due)) {
    return 'later';
  }
  if (due < now) {
    return 'overdue';
  }
  return due - now <= DUE_SOON_MS ? 'soon' : 'later';
}

/** How long ago the call fell due, in the largest whole unit (for "overdue by 3 days"); null if not overdue. */
export function overdueBy(dueAt: string, now: number): { unit: 'minutes' | 'hours' | 'days'; n: number } | null {
  const due = Date.parse(dueAt);
  if (Number.isNaN(due) || due >= now) {
    return null;
  }
  const minutes = Math.floor((now - due) / 60_000);
  if (minutes >= 24 * 60) {
    return { unit: 'days', n: Math.floor(minutes / (24 * 60)) };
  }
  if (minutes >= 60) {
    return { unit: 'hours', n: Math.floor(minutes / 60) };
  }
  return { unit: 'minutes', n: Math.max(minutes, 1) };
}

/** Who holds a live claim on the callback, seen from the signed-in user. */
export type Holder = { kind: 'none' } | { kind: 'me' } | { kind: 'other'; name: string };

export function holderOf(item: Pick<CallbackItem, 'claimedBy'>, userId: number | null): Holder {
  if (!item.claimedBy) {
    return { kind: 'none' };
  }
  return item.claimedBy.id === userId ? { kind: 'me' } : { kind: 'other', name: item.claimedBy.displayName };
}

/** One queue row as the table shows it. */
export interface QueueRow {
  item: CallbackItem;
  tone: DueTone;
  overdue: ReturnType<typeof overdueBy>;
  holder: Holder;
  /** Free, or already mine (claiming again resumes and renews it); not while a colleague holds it. */
  canClaim: boolean;
  attemptCount: number;
  lastOutcome: AttemptOutcome | null;
  /** The reason on one line, cut short; the full text is in the call panel. */
  reasonShort: string | null;
}

export const REASON_SHORT_LENGTH = 42;

export function toQueueRow(item: CallbackItem, userId: number | null, now: number): QueueRow {
  const holder = holderOf(item, userId);
  return {
    item,
    tone: dueTone(item.dueAt, now),
    overdue: overdueBy(item.dueAt, now),
    holder,
    canClaim: holder.kind !== 'other',
    attemptCount: item.attempts.length,
    lastOutcome: item.attempts.at(-1)?.outcome ?? null,
    reasonShort: shorten(item.reason, REASON_SHORT_LENGTH),
  };
}

/** One line of at most `max` characters (line breaks folded), with an ellipsis when cut; null when blank. */
export function shorten(text: string | null | undefined, max: number): string | null {
  const line = (text ?? '').replace(/\s+/g, ' ').trim();
  if (!line) {
    return null;
  }
  const chars = Array.from(line);
  return chars.length <= max ? line : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}
