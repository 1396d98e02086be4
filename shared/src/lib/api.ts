/** One page of a list: `?page=1&pageSize=20` (pageSize at most 100). */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

/** Every error the API answers with has this shape; `message` names the field for validation errors. */
export interface ApiError {
  statusCode: number;
  error: string;
  message: string | string[];
  /** Stable, typed reason (see `ErrorCode`): clients branch and translate on this, never on `message`. */
  code: ErrorCode;
  /** Correlates the answer with the server's log line for the same request. */
  requestId?: string;
}

/**
 * Typed error codes. Generic ones follow the HTTP status; features answer more specific ones
 * (`<feature>.<reason>`). Add a code here, never as a bare string in a feature.
 */
export const ERROR_CODES = {
  badRequest: 'request.invalid',
  validation: 'validation.failed',
  unauthorized: 'auth.unauthorized',
  forbidden: 'auth.forbidden',
  notFound: 'not_found',
  conflict: 'conflict',
  duplicate: 'conflict.duplicate',
  gone: 'gone',
  payloadTooLarge: 'request.too_large',
  unsupportedMediaType: 'request.unsupported_media_type',
  rateLimited: 'rate_limited',
  internal: 'internal',
  periodTooLong: 'validation.period_too_long',
  reference: 'conflict.reference',
  tooDeep: 'request.too_deep',
  databaseBusy: 'database.busy',
  patientErased: 'patient.erased',
  /** Too many failed logins for this username from this address: wait `Retry-After` seconds. */
  loginLocked: 'auth.locked',
  /** Check-in refused: the department was deactivated (params: departmentId). */
  departmentInactive: 'department.inactive',
  /** The audit export's filter matches more than one file may hold (params: max, total). */
  auditExportTooLarge: 'audit.export_too_large',
} as const;

export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

/** The code an error gets when the feature that raised it named none. */
export function defaultErrorCode(statusCode: number): ErrorCode {
  switch (statusCode) {
    case 400:
      return ERROR_CODES.badRequest;
    case 401:
      return ERROR_CODES.unauthorized;
    case 403:
      return ERROR_CODES.forbidden;
    case 404:
      return ERROR_CODES.notFound;
    case 409:
      return ERROR_CODES.conflict;
    case 410:
      return ERROR_CODES.gone;
    case 413:
      return ERROR_CODES.payloadTooLarge;
    case 415:
      return ERROR_CODES.unsupportedMediaType;
    case 429:
      return ERROR_CODES.rateLimited;
    default:
      return statusCode >= 500 ? ERROR_CODES.internal : ERROR_CODES.badRequest;
  }
}

export type DatabaseKind = 'sqlite' | 'postgres';

export interface HealthResponse {
  status: 'ok';
  database: DatabaseKind;
}
