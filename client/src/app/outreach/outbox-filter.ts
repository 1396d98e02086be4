import type { OutreachChannel, OutreachKind, OutreachMessage, OutreachMessageQuery, OutreachStatus } from '@huifang/shared';

/** The outbox's filters as the page holds them; each maps to the API's query parameter of the same name. */
export interface OutboxFilter {
  status?: OutreachStatus;
  channel?: OutreachChannel;
  kind?: OutreachKind;
  /** Calendar days of the message's creation (hospital time zone), inclusive. */
  from?: string;
  to?: string;
}

export interface OutboxPaging {
  page: number;
  pageSize: number;
}

/** The API query of a filter and page: only the filters set. */
export function outboxQuery(filter: OutboxFilter, paging: OutboxPaging): OutreachMessageQuery {
  const query: OutreachMessageQuery = { page: paging.page, pageSize: paging.pageSize };
  for (const name of ['status', 'channel', 'kind', 'from', 'to'] as const) {
    const value = filter[name];
    if (value !== undefined && value !== null) Object.assign(query, { [name]: value });
  }
  return query;
}

export function isFiltered(filter: OutboxFilter): boolean {
  return Object.values(filter).some((value) => value !== undefined && value !== null);
}

/** A filter changed by one field: back to the first page, a cleared field dropped. */
export function withFilter(filter: OutboxFilter, changes: Partial<OutboxFilter>): OutboxFilter {
  const next: OutboxFilter = { ...filter };
  for (const [name, value] of Object.entries(changes) as [keyof OutboxFilter, string | null | undefined][]) {
    if (value === undefined || value === null || value === '') delete next[name];
    else Object.assign(next, { [name]: value });
  }
  return next;
}

/** Only a failed message can be sent again (the server answers 409 otherwise). */
export function canRetry(message: Pick<OutreachMessage, 'status'>): boolean {
  return message.status === 'failed';
}
