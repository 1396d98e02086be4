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
  /** Correlates the answer with the server's log line for the same request. */
  requestId?: string;
}

export type DatabaseKind = 'sqlite' | 'postgres';

export interface HealthResponse {
  status: 'ok';
  database: DatabaseKind;
}
