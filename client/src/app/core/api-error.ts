import { HttpErrorResponse } from '@angular/common/http';
import type { ApiError } from '@huifang/shared';

export interface ErrorDescription {
  /** Translation key for the kind of failure. */
  key: string;
  /** The server's own message (`ApiError.message`), when it sent one for a client error. */
  detail: string | null;
}

/** Turns a failed HTTP call into something to show a user; never a stack trace. */
export function describeHttpError(err: unknown): ErrorDescription {
  if (!(err instanceof HttpErrorResponse)) {
    return { key: 'errors.unexpected', detail: null };
  }
  const clientError = err.status >= 400 && err.status < 500;
  return { key: keyForStatus(err.status), detail: clientError ? apiErrorMessage(err.error) : null };
}

/** `message` of the API's error body (a string or a list of field messages), joined. */
export function apiErrorMessage(body: unknown): string | null {
  if (!body || typeof body !== 'object') {
    return null;
  }
  const message: unknown = (body as Partial<ApiError>).message;
  if (Array.isArray(message)) {
    const parts = message.filter((part): part is string => typeof part === 'string' && part.trim() !== '');
    return parts.length ? parts.join('; ') : null;
  }
  return typeof message === 'string' && message.trim() !== '' ? message : null;
}

function keyForStatus(status: number): string {
  switch (status) {
    case 0:
      return 'errors.network';
    case 400:
      return 'errors.badRequest';
    case 401:
      return 'errors.unauthorized';
    case 403:
      return 'errors.forbidden';
    case 404:
      return 'errors.notFound';
    case 409:
      return 'errors.conflict';
    case 429:
      return 'errors.tooManyRequests';
    default:
      return status >= 500 ? 'errors.server' : 'errors.unexpected';
  }
}
