import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import type { ReadReply, ReadWorkerSetup } from './sqlite-read-protocol';

/** The built worker, next to the server bundle (server/webpack.config.js). */
const WORKER_FILE = join(__dirname, 'sqlite-read-worker.js');
/** A reader waits this long for a lock (a checkpoint's brief one); it blocks only its own thread. */
const READER_BUSY_TIMEOUT_MS = 5_000;

interface Pending {
  resolve(rows: unknown[]): void;
  reject(error: Error): void;
}

/** A worker that stops sooner than this after its start is not started again (it would only stop again). */
const MIN_LIFETIME_MS = 5_000;

class ReadWorker {
  readonly pending = new Map<number, Pending>();
  readonly startedAt = Date.now();

  constructor(readonly thread: Worker) {}
}

export class SqliteReadError extends Error {
  constructor(
    message: string,
    readonly code: string | null,
  ) {
    super(message);
  }
}

/**
 * better-sqlite3 runs every statement on the calling thread: a dashboard aggregate of a hundred
 * milliseconds would stop every other request for as long — the desk's check-ins, the patients'
 * survey submissions. The heavy reads (the indicators) therefore run on read-only connections in
 * worker threads (`HUIFANG_SQLITE_READ_WORKERS`, default 1 — a second core). SQLite in WAL mode lets
 * them read while the app's connection writes; each statement sees every write committed before it
 * started. Off (0), on PostgreSQL (a pool of connections already) and for an in-memory database,
 * `available` is false and callers query through the app's connection.
 */
@Injectable()
export class SqliteReaders implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(SqliteReaders.name);
  private readonly workers: ReadWorker[] = [];
  private nextId = 0;
  private stopping = false;

  constructor(private readonly config: AppConfig) {}

  get available(): boolean {
    return this.workers.length > 0;
  }

  onModuleInit(): void {
    const { database, sqliteReadWorkers } = this.config;
    if (database.kind !== 'sqlite' || database.file === ':memory:' || sqliteReadWorkers === 0) return;
    if (!existsSync(WORKER_FILE)) {
      // Only the unit tests run the server from its sources; the built server always has the worker.
      this.logger.warn('the SQLite read worker is not built: indicators read on the main thread');
      return;
    }
    const setup: ReadWorkerSetup = { file: database.file, busyTimeoutMs: READER_BUSY_TIMEOUT_MS, localDayZone: this.config.timeZone };
    for (let i = 0; i < sqliteReadWorkers; i++) this.workers.push(this.start(setup));
    this.logger.log(`indicator reads run on ${sqliteReadWorkers} SQLite read worker${sqliteReadWorkers === 1 ? '' : 's'}`);
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    const workers = this.workers.splice(0);
    await Promise.all(workers.map((worker) => worker.thread.terminate()));
  }

  /** Runs one SELECT with positional parameters on the least busy worker. */
  query<T>(sql: string, params: unknown[]): Promise<T[]> {
    const worker = this.workers.reduce((least, candidate) => (candidate.pending.size < least.pending.size ? candidate : least));
    const id = ++this.nextId;
    return new Promise<T[]>((resolve, reject) => {
      worker.pending.set(id, { resolve: resolve as (rows: unknown[]) => void, reject });
      worker.thread.postMessage({ id, sql, params });
    });
  }

  private start(setup: ReadWorkerSetup): ReadWorker {
    const worker = new ReadWorker(new Worker(WORKER_FILE, { workerData: setup }));
    worker.thread.on('message', (reply: ReadReply) => {
      const pending = worker.pending.get(reply.id);
      worker.pending.delete(reply.id);
      if (reply.error) pending?.reject(new SqliteReadError(reply.error.message, reply.error.code));
      else pending?.resolve(reply.rows);
    });
    // A worker that stopped (an uncaught error, out of memory, process.exit) fails what it held and
    // is replaced: a query left pending would hang its request, and the read cache shares it.
    worker.thread.on('error', (error) => this.logger.error({ err: error }, 'a SQLite read worker failed'));
    worker.thread.on('exit', (code) => {
      if (!this.stopping) this.replace(worker, setup, code);
    });
    worker.thread.unref();
    return worker;
  }

  private replace(dead: ReadWorker, setup: ReadWorkerSetup, exitCode: number): void {
    this.logger.error(`a SQLite read worker stopped (exit code ${exitCode}); starting another`);
    for (const pending of dead.pending.values()) pending.reject(new SqliteReadError('the read worker stopped', null));
    dead.pending.clear();
    const index = this.workers.indexOf(dead);
    if (index < 0) return;
    if (Date.now() - dead.startedAt >= MIN_LIFETIME_MS) {
      this.workers[index] = this.start(setup);
      return;
    }
    // Without workers, the indicators read on the request thread again (`available`).
    this.workers.splice(index, 1);
    this.logger.error('the SQLite read worker stopped right after its start: not restarting it');
  }
}
