import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { CallbackKind, CallbackSortKey, CallbackStatus, CallbackView, ValueTier } from '@huifang/shared';
import { addDays, CALLBACK_KINDS, CALLBACK_PRIORITIES, CALLBACK_STATUSES, calendarDayOf, callbackPriorityRank, OPEN_CALLBACK_STATUSES, startOfCalendarDay } from '@huifang/shared';
import { inOrderOf, orderList, type SortColumn } from '../core/database/list-order';

/**
 * The three queue views partition open callbacks by due time: overdue (before now), today (from now
 * to the end of the hospital's day), upcoming (later).
 */
export function queueWindow(view: CallbackView, now: Date, timeZone: string): { from?: Date; before?: Date } {
  const tomorrow = startOfCalendarDay(addDays(calendarDayOf(now, timeZone), 1), timeZone);
  if (view === 'overdue') return { before: now };
  if (view === 'today') return { from: now, before: tomorrow };
  return { from: tomorrow };
}

/**
 * Open callbacks, as the queue indexes' WHERE (callback.entity.ts). Spelled out, not bound: SQLite
 * uses a partial index only when the query repeats its condition with the same constants. And as
 * "not closed": a planner can seek `status IN (open)` in the older (status, due_at) indexes, and
 * without statistics SQLite prefers them, sorting the view; `NOT IN` leaves only the queue indexes.
 */
export const OPEN_WHERE = `status NOT IN (${CALLBACK_STATUSES.filter((status) => !isOpen(status))
  .map((status) => `'${status}'`)
  .join(', ')})`;

function isOpen(status: CallbackStatus): boolean {
  return (OPEN_CALLBACK_STATUSES as readonly CallbackStatus[]).includes(status);
}

/** Every priority rank, high first. */
const RANKS = CALLBACK_PRIORITIES.map(callbackPriorityRank).join(', ');

/** high, normal, low: the stored rank (callbackPriorityRank). */
export const PRIORITY_ORDER = 'c.priority_rank';

/** The queue's sort keys in SQL (CALLBACK_SORT_KEYS); "priority" ascending is high first, kinds in their declared order. */
const QUEUE_SORT = {
  priority: { sql: PRIORITY_ORDER },
  dueAt: { sql: 'c.due_at' },
  kind: { sql: inOrderOf('c.kind', CALLBACK_KINDS) },
  // The patient's value score (relationship phases, DOMAIN.md): `-value` puts the most valuable first.
  value: { sql: '(SELECT pv.value_score FROM patient pv WHERE pv.id = c.patient_id)' },
} satisfies Record<CallbackSortKey, SortColumn>;

export interface QueueFilter {
  kind?: CallbackKind;
  valueTier?: ValueTier;
  departmentId?: number;
}

/** The open callbacks of one view (alias `c`): its page and its count. */
export function whereOpenInView<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, filter: QueueFilter, window: { from?: Date; before?: Date }): SelectQueryBuilder<T> {
  qb.where(`c.${OPEN_WHERE}`);
  if (window.from) qb.andWhere('c.due_at >= :from', { from: window.from });
  if (window.before) qb.andWhere('c.due_at < :before', { before: window.before });
  if (filter.kind) qb.andWhere('c.kind = :kind', { kind: filter.kind });
  if (filter.departmentId) qb.andWhere('c.department_id = :departmentId', { departmentId: filter.departmentId });
  if (filter.valueTier) qb.andWhere('c.patient_id IN (SELECT pt.id FROM patient pt WHERE pt.value_tier = :valueTier)', { valueTier: filter.valueTier });
  return qb;
}

/**
 * `priority_rank IN (every rank)` is always true, and is there for the planners: with it, an index on
 * (rank, due_at) is read as one due-time range per rank, in rank order, so the queue's order needs no
 * sort and a count reads only the view's range; without it neither SQLite nor PostgreSQL seeks the
 * due-time range behind the leading rank. (Not for `?sort=dueAt`, read from the due-time index.)
 */
export function seekingEachRank<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>): SelectQueryBuilder<T> {
  return qb.andWhere(`c.priority_rank IN (${RANKS})`);
}

/** The requested `sort`, or the queue's own order: priority, then due time, then id. */
export function inQueueOrder<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, sort: string | undefined): SelectQueryBuilder<T> {
  return orderList(qb, sort, QUEUE_SORT, 'c.id', (q) =>
    seekingEachRank(q).orderBy(PRIORITY_ORDER, 'ASC').addOrderBy('c.due_at', 'ASC').addOrderBy('c.id', 'ASC'),
  );
}
