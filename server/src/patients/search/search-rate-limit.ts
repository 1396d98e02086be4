import { HttpException, HttpStatus, Injectable } from '@nestjs/common';
import { ERROR_CODES } from '@huifang/shared';
import { AuditService } from '../../audit/audit.service';
import { AppConfig } from '../../core/config/app-config';

const WINDOW_MS = 60_000;

/**
 * At most `HUIFANG_SEARCH_RATE_LIMIT` patient searches per user per minute, so nobody can walk the
 * register (or guess a masked phone's middle digits) by brute force. Every search is audited, so the
 * audit log is the counter: it lives in the database, where a second instance sees it too. Two
 * searches racing at the very limit may both pass; the bound holds to within the concurrency.
 */
@Injectable()
export class SearchRateLimit {
  constructor(
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  /** Seconds until `actorId` may search again; 0 when the user may search now. */
  async retryAfterSeconds(actorId: number, now = Date.now()): Promise<number> {
    const oldestCounted = await this.audit.nthLatestAt(actorId, 'patient.search', this.config.searchRateLimit);
    if (!oldestCounted) return 0;
    const waitMs = oldestCounted.getTime() + WINDOW_MS - now;
    return waitMs > 0 ? Math.max(1, Math.ceil(waitMs / 1000)) : 0;
  }
}

export function tooManySearches(retryAfter: number): HttpException {
  return new HttpException(
    { message: `too many patient searches: try again in ${retryAfter} s`, code: ERROR_CODES.rateLimited },
    HttpStatus.TOO_MANY_REQUESTS,
  );
}
