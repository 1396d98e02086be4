/*
 * The entry of one SQLite read worker (see sqlite-readers.ts): a read-only connection to the app's
 * file on its own thread, answering `{ id, sql, params }` with `{ id, rows }` or `{ id, error }`.
 * Bundled as dist/server/sqlite-read-worker.js (server/webpack.config.js).
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database, { type Statement } from 'better-sqlite3';
import { registerLocalDayFunction } from './local-day-function';
import type { ReadRequest, ReadReply, ReadWorkerSetup } from './sqlite-read-protocol';

const PREPARED_LIMIT = 200;

const setup = workerData as ReadWorkerSetup;
const db = new Database(setup.file, { readonly: true, fileMustExist: true });
db.pragma(`busy_timeout = ${setup.busyTimeoutMs}`);
if (setup.localDayZone) registerLocalDayFunction(db, setup.localDayZone);

// The indicator queries are a few dozen texts: preparing each once saves the parse on every request.
const prepared = new Map<string, Statement>();
function statement(sql: string): Statement {
  let found = prepared.get(sql);
  if (!found) {
    if (prepared.size >= PREPARED_LIMIT) prepared.clear();
    prepared.set(sql, (found = db.prepare(sql)));
  }
  return found;
}

parentPort?.on('message', ({ id, sql, params }: ReadRequest) => {
  let reply: ReadReply;
  try {
    reply = { id, rows: statement(sql).all(...params) };
  } catch (error) {
    // The message and SQLite's code only: the parameters may hold patients' data.
    const { message, code } = error as { message?: string; code?: string };
    reply = { id, error: { message: String(message ?? error), code: code ?? null } };
  }
  parentPort?.postMessage(reply);
});
