import type { Bundle, Resource } from '@medplum/fhirtypes';

/** Entries per page when `_count` is not given, and at most. */
export const FHIR_DEFAULT_COUNT = 50;
export const FHIR_MAX_COUNT = 100;

/**
 * A page of a search as a `searchset` Bundle. Pages are keyset pages (by id, ascending): the `next`
 * link carries `_cursor` = the last id of this page, so rows added meanwhile never shift a page.
 */
export function searchset<T extends Resource>(
  resources: T[],
  total: number,
  selfUrl: URL,
  count: number,
  lastId: number | null,
  baseUrl: string,
): Bundle<T> {
  const link = [{ relation: 'self', url: selfUrl.toString() }];
  if (resources.length === count && lastId !== null) {
    const next = new URL(selfUrl);
    next.searchParams.set('_cursor', String(lastId));
    link.push({ relation: 'next', url: next.toString() });
  }
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    total,
    link,
    entry: resources.map((resource) => ({ fullUrl: `${baseUrl}/${resource.resourceType}/${resource.id}`, resource, search: { mode: 'match' } })),
  };
}
