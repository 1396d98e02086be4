/** Messages between the app and its SQLite read workers (sqlite-readers.ts, sqlite-read-worker.ts). */
export interface ReadWorkerSetup {
  file: string;
  busyTimeoutMs: number;
  /** The zone `hf_local_day()` computes days in, when the queries need it (zones with daylight saving). */
  localDayZone: string | null;
}

export interface ReadRequest {
  id: number;
  sql: string;
  params: unknown[];
}

export type ReadReply = { id: number; rows: unknown[]; error?: undefined } | { id: number; error: { message: string; code: string | null }; rows?: undefined };
