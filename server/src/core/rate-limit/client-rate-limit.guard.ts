import { HttpException, HttpStatus, Injectable, type ExecutionContext } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerRequest } from '@nestjs/throttler';
import { createHash } from 'node:crypto';
import { ERROR_CODES } from '@huifang/shared';

/**
 * Rate limit per client for a whole controller: every route and method of it spends one budget
 * (the stock guard keys by handler, so a GET and a POST each had their own). Answers in the API's
 * error shape with `Retry-After` and the standard `RateLimit-Limit/Remaining/Reset` headers (seconds).
 * The client is `request.ip`: the peer, or the forwarded client when HUIFANG_TRUST_PROXY is set.
 */
@Injectable()
export class ClientRateLimitGuard extends ThrottlerGuard {
  protected override generateKey(context: ExecutionContext, tracker: string, throttlerName: string): string {
    return createHash('sha256').update(`${context.getClass().name}-${throttlerName}-${tracker}`).digest('hex');
  }

  protected override async handleRequest({ context, limit, ttl, throttler, blockDuration, getTracker, generateKey }: ThrottlerRequest): Promise<boolean> {
    const { req, res } = this.getRequestResponse(context);
    const tracker = await getTracker(req, context);
    const key = generateKey(context, tracker, throttler.name ?? 'default');
    const { totalHits, timeToExpire, isBlocked, timeToBlockExpire } = await this.storageService.increment(
      key,
      ttl,
      limit,
      blockDuration,
      throttler.name ?? 'default',
    );
    const retryAfter = Math.max(1, timeToBlockExpire);
    this.setResponseHeader(res, 'RateLimit-Limit', limit);
    this.setResponseHeader(res, 'RateLimit-Remaining', isBlocked ? 0 : Math.max(0, limit - totalHits));
    this.setResponseHeader(res, 'RateLimit-Reset', isBlocked ? retryAfter : Math.max(0, timeToExpire));
    if (isBlocked) {
      this.setResponseHeader(res, 'Retry-After', retryAfter);
      throw new HttpException(
        { message: `too many requests: try again in ${retryAfter} s`, code: ERROR_CODES.rateLimited },
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    return true;
  }
}
