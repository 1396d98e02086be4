/**
 * Bounds on every input the API accepts (client forms use the same numbers). Anything outside is a
 * 400 naming the field, never a 500 from the database or an unbounded answer.
 */

/** Calendar days and instants are accepted in this range (4-digit years keep text comparison sound). */
export const EARLIEST_DAY = '1900-01-01';
export const LATEST_DAY = '2999-12-31';

/** Ids are PostgreSQL `integer`s: 1 … 2^31 - 1. */
export const MAX_ID = 2_147_483_647;

/** `?page=` beyond this is refused (pageSize is bounded by MAX_PAGE_SIZE). */
export const MAX_PAGE = 100_000;

/** Request bodies nested deeper than this are refused before validation (`request.too_deep`). */
export const MAX_BODY_DEPTH = 32;
