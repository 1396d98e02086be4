import { HttpException, HttpStatus } from '@nestjs/common';
import { ERROR_CODES } from '@huifang/shared';
import type { LoginRefusal } from './login-throttle';

/** 429 for a login refused before its password was checked; the controller sends `Retry-After`. */
export class LoginRefusedException extends HttpException {
  readonly retryAfterSeconds: number;

  constructor(refusal: LoginRefusal) {
    const retryAfterSeconds = Math.max(1, Math.ceil(refusal.retryAfterMs / 1000));
    const minutes = Math.ceil(retryAfterSeconds / 60);
    const wait = `try again in ${minutes} minute${minutes === 1 ? '' : 's'}`;
    super(
      refusal.reason === 'username_locked'
        ? { message: `too many failed logins for this username; ${wait}`, code: ERROR_CODES.loginLocked, params: { retryAfterMinutes: minutes } }
        : { message: `too many failed logins from this address; ${wait}`, code: ERROR_CODES.rateLimited },
      HttpStatus.TOO_MANY_REQUESTS,
    );
    this.retryAfterSeconds = retryAfterSeconds;
  }
}
