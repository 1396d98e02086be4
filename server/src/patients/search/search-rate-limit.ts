import { HttpException, HttpStatus, Injectable } from '@nestjs/common';
import { ERROR_CODES } from '@huifang/shared';
import { AppConfig } from '../../core/config/app-config';
import { runRawSql } from '../../core/database/raw-sql';
import { WriteTransaction } from '../../core/database/write-transaction';

const WINDOW_MS = 60_000;

/**
 * At most `HUIFANG_SEARCH_RATE_LIMIT` patient searches per user per one-minute window, so nobody can
 * walk the register (or guess a masked phone's middle digits) by brute force. Each search is counted
 * by one atomic upsert (patient_search_count) *before* it runs: searches sent all at once each get
 * their own number, so no more than the limit pass, on any number of instances. The window is
 * fixed (it starts with a user's first search), so a burst straddling two windows can reach twice
 * the limit within 60 s, never more.
 */
@Injectable()
export class SearchRateLimit {
  constructor(
    private readonly writes: WriteTransaction,
    private readonly config: AppConfig,
  ) {}

  /** Counts a search by `actorId`; seconds until it may search again when over the limit, 0 when it may search now. */
  async count(actorId: number, now = new Date()): Promise<number> {
    const windowStart = new Date(now.getTime() - WINDOW_MS);
    const [row] = (await this.writes.run(
      (manager) =>
        runRawSql(
          manager,
          `INSERT INTO patient_search_count (user_id, window_start, searches) VALUES ($1, $2, 1)
           ON CONFLICT (user_id) DO UPDATE SET
             searches = CASE WHEN patient_search_count.window_start <= $3 THEN 1 ELSE patient_search_count.searches + 1 END,
             window_start = CASE WHEN patient_search_count.window_start <= $4 THEN excluded.window_start ELSE patient_search_count.window_start END
           RETURNING searches, window_start`,
          [actorId, now, windowStart, windowStart],
        ),
      { changesReads: false },
    )) as { searches: number | string; window_start: Date | string }[];
    if (Number(row.searches) <= this.config.searchRateLimit) return 0;
    const waitMs = toDate(row.window_start).getTime() + WINDOW_MS - now.getTime();
    return Math.max(1, Math.ceil(waitMs / 1000));
  }
}

/** PostgreSQL returns a Date; SQLite the UTC text TypeORM stores (`YYYY-MM-DD HH:MM:SS.sss`). */
function toDate(value: Date | string): Date {
  return value instanceof Date ? value : new Date(`${value.replace(' ', 'T')}Z`);
}

export function tooManySearches(retryAfter: number): HttpException {
  return new HttpException(
    { message: `too many patient searches: try again in ${retryAfter} s`, code: ERROR_CODES.rateLimited },
    HttpStatus.TOO_MANY_REQUESTS,
  );
}
