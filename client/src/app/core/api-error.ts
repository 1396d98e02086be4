import { HttpErrorResponse } from '@angular/common/http';
import { ERROR_CODES, type ErrorCode } from '@huifang/shared';

/** The values a message is filled with; `fields` (validation errors) lists field paths. */
export type ErrorMessageParams = Record<string, string | number | string[]>;

export interface ErrorDescription {
  /**
   * Translation key: `errorCodes.<code>` for a code the API declares, else `errors.<status>`.
   * The server's English `message` is never shown. Codes contain dots (`patient.duplicate`) and sit
   * as flat keys inside `errorCodes` in the translation files: transloco flattens the files on load,
   * so `errorCodes.patient.duplicate` resolves to them.
   */
  key: string;
  /** The code's params from the error body (see `ErrorParams` in shared); empty when it has none. */
  params: ErrorMessageParams;
}

export type TranslateFn = (key: string, params?: Record<string, unknown>) => string;

const KNOWN_CODES: ReadonlySet<string> = new Set(Object.values(ERROR_CODES));

/** Turns a failed HTTP call into something to show a user; never a stack trace nor the server's English. */
export function describeHttpError(err: unknown): ErrorDescription {
  if (!(err instanceof HttpErrorResponse)) {
    return { key: 'errors.unexpected', params: {} };
  }
  const code = apiErrorCode(err.error);
  if (code && err.status !== 0) {
    return { key: errorCodeKey(code), params: apiErrorParams(err.error) };
  }
  return { key: keyForStatus(err.status), params: {} };
}

/** The translation key of a code. */
export function errorCodeKey(code: ErrorCode): string {
  return `errorCodes.${code}`;
}

/** The body's `code`, when it is one the client knows (an unknown one falls back to the status). */
export function apiErrorCode(body: unknown): ErrorCode | null {
  const code = body && typeof body === 'object' ? (body as { code?: unknown }).code : undefined;
  return typeof code === 'string' && KNOWN_CODES.has(code) ? (code as ErrorCode) : null;
}

/** The body's `params`, keeping only values a message can show. */
export function apiErrorParams(body: unknown): ErrorMessageParams {
  const params = body && typeof body === 'object' ? (body as { params?: unknown }).params : undefined;
  if (!params || typeof params !== 'object') {
    return {};
  }
  const kept: ErrorMessageParams = {};
  for (const [name, value] of Object.entries(params)) {
    if (typeof value === 'string' || typeof value === 'number') kept[name] = value;
    else if (Array.isArray(value)) kept[name] = value.filter((item): item is string => typeof item === 'string');
  }
  return kept;
}

/**
 * The message in the user's language. Field paths (`answers.0.value`) are named by their label
 * (`errorFields.<last named segment>`), or as sent when the client has no label for them.
 */
export function translateError(t: TranslateFn, error: ErrorDescription): string {
  const params: Record<string, unknown> = { ...error.params };
  const fields = error.params['fields'];
  if (Array.isArray(fields)) {
    const labels = [...new Set(fields.map((path) => fieldLabel(t, path)))];
    params['fields'] = labels.join(t('errorFields.separator'));
  }
  return t(error.key, params);
}

function fieldLabel(t: TranslateFn, path: string): string {
  const name = path
    .split('.')
    .filter((part) => !/^\d+$/.test(part))
    .pop();
  if (!name) {
    return path;
  }
  const key = `errorFields.${name}`;
  const label = t(key);
  return label && label !== key ? label : path;
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
