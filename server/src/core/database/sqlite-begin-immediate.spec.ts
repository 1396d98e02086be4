import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { DataSource, QueryFailedError, type Logger } from 'typeorm';
import { beginSqliteTransactionsImmediately } from './sqlite-begin-immediate';

const BUDGET_MS = 1000;

describe('BEGIN IMMEDIATE on a SQLite database another connection is writing to', () => {
  let directory: string;
  let file: string;
  let dataSource: DataSource;
  const logQueryError = jest.fn();

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'huifang-begin-'));
    file = join(directory, 'db.sqlite');
    const logger: Logger = { logQuery: () => undefined, logQueryError, logQuerySlow: () => undefined, logSchemaBuild: () => undefined, logMigration: () => undefined, log: () => undefined };
    dataSource = await new DataSource({
      type: 'better-sqlite3',
      database: file,
      enableWAL: true,
      logger,
      // As the server configures it: a short synchronous wait (database.module.ts).
      prepareDatabase: (db: { pragma(source: string): unknown }) => db.pragma('busy_timeout = 30'),
    }).initialize();
    await dataSource.query('CREATE TABLE note (text varchar(20))');
    beginSqliteTransactionsImmediately(dataSource, BUDGET_MS);
  });
  afterAll(async () => {
    await dataSource.destroy();
    rmSync(directory, { recursive: true, force: true });
  });
  beforeEach(() => logQueryError.mockClear());

  /** Another connection (a backup, a maintenance script) holding the write lock for `ms`. */
  function holdWriteLock(ms: number): Promise<void> {
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE');
    return sleep(ms).then(() => {
      other.exec('COMMIT');
      other.close();
    });
  }

  /** The longest the event loop was blocked while `work` ran, measured by a 10 ms timer. */
  async function longestStall(work: Promise<unknown>): Promise<number> {
    let longest = 0;
    let last = Date.now();
    const timer = setInterval(() => {
      longest = Math.max(longest, Date.now() - last);
      last = Date.now();
    }, 10);
    try {
      await work;
    } finally {
      clearInterval(timer);
    }
    return longest;
  }

  const count = async () => Number((await dataSource.query('SELECT COUNT(*) AS n FROM note'))[0].n);

  it('waits for the lock without blocking the event loop, then writes', async () => {
    const before = await count();
    const released = holdWriteLock(600);
    const started = Date.now();
    const stall = await longestStall(dataSource.transaction((m) => m.query("INSERT INTO note VALUES ('a')")));
    expect(Date.now() - started).toBeGreaterThanOrEqual(580);
    // SQLite's own busy wait would stall it for the whole 600 ms; a loaded machine for a little.
    expect(stall).toBeLessThan(300);
    await released;
    expect(await count()).toBe(before + 1);
    expect(logQueryError).not.toHaveBeenCalled();
  });

  it('gives up after the budget with SQLITE_BUSY, leaving the shared query runner out of any transaction', async () => {
    const released = holdWriteLock(BUDGET_MS + 500);
    const started = Date.now();
    const failure = await dataSource.transaction((m) => m.query("INSERT INTO note VALUES ('b')")).catch((error: unknown) => error);
    expect(Date.now() - started).toBeGreaterThanOrEqual(BUDGET_MS - 20);
    expect(failure).toBeInstanceOf(QueryFailedError);
    expect((failure as QueryFailedError).driverError).toMatchObject({ code: 'SQLITE_BUSY' });
    // TypeORM's own rollback would have run a ROLLBACK with no transaction open, failed and been logged.
    expect(dataSource.createQueryRunner().isTransactionActive).toBe(false);
    expect(logQueryError).not.toHaveBeenCalled();
    await released;

    const before = await count();
    await dataSource.transaction((m) => m.query("INSERT INTO note VALUES ('c')"));
    expect(await count()).toBe(before + 1);
    expect(dataSource.createQueryRunner().isTransactionActive).toBe(false);
  });

  it('keeps nested transactions as savepoints of the outer one', async () => {
    const before = await count();
    await dataSource.transaction(async (outer) => {
      await outer.query("INSERT INTO note VALUES ('d')");
      await outer.transaction((inner) => inner.query("INSERT INTO note VALUES ('e')"));
    });
    expect(await count()).toBe(before + 2);
  });
});
