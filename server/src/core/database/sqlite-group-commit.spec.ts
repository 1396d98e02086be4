import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { ServiceUnavailableException } from '@nestjs/common';
import { DataSource, type Logger } from 'typeorm';
import { ERROR_CODES } from '@huifang/shared';
import { isUniqueViolation } from './unique-violation';
import { ReadCache } from './read-cache';
import { beginSqliteTransactionsImmediately } from './sqlite-begin-immediate';
import { SqliteGroupCommit } from './sqlite-group-commit';
import { WriteTransaction } from './write-transaction';

const BUDGET_MS = 300;

describe('SQLite group commit: queued writes share one COMMIT, each in its own savepoint', () => {
  let directory: string;
  let file: string;
  let dataSource: DataSource;
  let other: Database.Database;
  let writes: WriteTransaction;
  const statements: string[] = [];
  const beforeCommit = jest.fn(async () => undefined);

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'huifang-group-commit-'));
    file = join(directory, 'db.sqlite');
    const logger: Logger = {
      logQuery: (query) => void statements.push(query),
      logQueryError: () => undefined,
      logQuerySlow: () => undefined,
      logSchemaBuild: () => undefined,
      logMigration: () => undefined,
      log: () => undefined,
    };
    dataSource = await new DataSource({
      type: 'better-sqlite3',
      database: file,
      enableWAL: true,
      logger,
      prepareDatabase: (db: { pragma(source: string): unknown }) => {
        db.pragma('synchronous = FULL');
        db.pragma('busy_timeout = 30');
        db.pragma('foreign_keys = ON');
      },
    }).initialize();
    await dataSource.query('CREATE TABLE note (n integer UNIQUE)');
    await dataSource.query('CREATE TABLE parent (id integer PRIMARY KEY)');
    await dataSource.query('CREATE TABLE child (parent_id integer REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED)');
    // A short wait for another connection's write lock (the server waits 5 s), patched before
    // WriteTransaction would patch it with the default.
    beginSqliteTransactionsImmediately(dataSource, BUDGET_MS);
    other = new Database(file);
  });
  afterAll(async () => {
    other.close();
    await dataSource.destroy();
    rmSync(directory, { recursive: true, force: true });
  });
  beforeEach(async () => {
    await dataSource.query('DELETE FROM note');
    writes = new WriteTransaction(dataSource, new ReadCache());
    writes.addJournalFold(beforeCommit);
    beforeCommit.mockClear();
    statements.length = 0;
  });

  const insert = (n: number) => (m: { query(sql: string): Promise<unknown> }) => m.query(`INSERT INTO note VALUES (${n})`).then(() => n);
  /** What another connection sees: only committed rows. */
  const committedNotes = () => (other.prepare('SELECT n FROM note ORDER BY rowid').all() as { n: number }[]).map((r) => r.n);
  const commits = () => statements.filter((s) => s === 'COMMIT').length;

  it('runs the works queued together in call order, in one transaction, and answers each with its own result', async () => {
    const results = await Promise.all([1, 2, 3, 4, 5].map((n) => writes.run(insert(n))));
    expect(results).toEqual([1, 2, 3, 4, 5]);
    expect(committedNotes()).toEqual([1, 2, 3, 4, 5]);
    expect(commits()).toBe(1);
    expect(beforeCommit).toHaveBeenCalledTimes(1);
  });

  it('answers nobody before the COMMIT that holds their work', async () => {
    const answered: number[] = [];
    const seenAtAnswer: number[][] = [];
    beforeCommit.mockImplementationOnce(async () => void expect(answered).toEqual([]));
    await Promise.all(
      [1, 2, 3].map((n) =>
        writes.run(insert(n)).then((value) => {
          answered.push(value);
          seenAtAnswer.push(committedNotes());
        }),
      ),
    );
    expect(beforeCommit).toHaveBeenCalledTimes(1);
    for (const seen of seenAtAnswer) expect(seen).toEqual([1, 2, 3]);
  });

  it('rolls back only the savepoint of a work that fails; its caller gets its own error, the others commit', async () => {
    const failing = writes.run(async (m) => {
      await m.query('INSERT INTO note VALUES (2)');
      throw new Error('the second work fails');
    });
    const [first, second, third] = await Promise.allSettled([writes.run(insert(1)), failing, writes.run(insert(3))]);
    expect(first).toEqual({ status: 'fulfilled', value: 1 });
    expect(second).toEqual({ status: 'rejected', reason: new Error('the second work fails') });
    expect(third).toEqual({ status: 'fulfilled', value: 3 });
    expect(committedNotes()).toEqual([1, 3]);
    expect(commits()).toBe(1);
  });

  it('keeps a work that catches a failed statement (a unique violation) and goes on', async () => {
    const results = await Promise.all([
      writes.run(insert(1)),
      writes.run(async (m) => {
        try {
          await m.query('INSERT INTO note VALUES (1)');
        } catch (error) {
          if (!isUniqueViolation(error)) throw error;
          await m.query('INSERT INTO note VALUES (2)');
        }
        return 2;
      }),
    ]);
    expect(results).toEqual([1, 2]);
    expect(committedNotes()).toEqual([1, 2]);
  });

  it('fails every work of the batch when the COMMIT fails, stores none of them, and writes again afterwards', async () => {
    const outcomes = await Promise.allSettled([
      writes.run(insert(1)),
      // A deferred foreign key is checked at COMMIT: the whole commit fails.
      writes.run((m) => m.query('INSERT INTO child VALUES (42)')),
      writes.run(insert(3)),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(String((outcomes[0] as PromiseRejectedResult).reason)).toMatch(/FOREIGN KEY/);
    expect(committedNotes()).toEqual([]);
    expect(other.prepare('SELECT COUNT(*) AS n FROM child').get()).toEqual({ n: 0 });
    await expect(writes.run(insert(4))).resolves.toBe(4);
    expect(committedNotes()).toEqual([4]);
  });

  it('fails every work of the batch when a before-commit step fails', async () => {
    beforeCommit.mockImplementationOnce(async () => {
      throw new Error('the fold failed');
    });
    const outcomes = await Promise.allSettled([writes.run(insert(1)), writes.run(insert(2))]);
    expect(outcomes).toEqual([
      { status: 'rejected', reason: new Error('the fold failed') },
      { status: 'rejected', reason: new Error('the fold failed') },
    ]);
    expect(committedNotes()).toEqual([]);
  });

  it('when SQLite rolls back the whole transaction inside a work, fails the works it held and runs the later ones in a new batch', async () => {
    const outcomes = await Promise.allSettled([
      writes.run(insert(1)),
      writes.run(async (m) => {
        await m.query('INSERT INTO note VALUES (2)');
        await m.query('ROLLBACK'); // what SQLite does by itself on a full disk or an I/O error
        throw new Error('the transaction is gone');
      }),
      writes.run(insert(3)),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'fulfilled']);
    expect(committedNotes()).toEqual([3]);
    await expect(writes.run(insert(4))).resolves.toBe(4);
    expect(committedNotes()).toEqual([3, 4]);
  });

  it('answers 503 databaseBusy to the waiting works when another connection keeps the write lock', async () => {
    other.exec('BEGIN IMMEDIATE');
    const released = sleep(BUDGET_MS * 3).then(() => other.exec('COMMIT'));
    const outcomes = await Promise.allSettled([writes.run(insert(1)), writes.run(insert(2))]);
    for (const outcome of outcomes) {
      expect(outcome.status).toBe('rejected');
      const reason = (outcome as PromiseRejectedResult).reason as ServiceUnavailableException;
      expect(reason).toBeInstanceOf(ServiceUnavailableException);
      expect(reason.getResponse()).toMatchObject({ code: ERROR_CODES.databaseBusy });
    }
    await released;
    await expect(writes.run(insert(3))).resolves.toBe(3);
    expect(committedNotes()).toEqual([3]);
  });

  it('bounds a batch by its number of works', async () => {
    const small = new SqliteGroupCommit(dataSource, [], { maxWorks: 2, maxMs: 60_000, gatherMs: 0 });
    const results = await Promise.all([1, 2, 3, 4, 5].map((n) => small.run(insert(n), true)));
    expect(results).toEqual([1, 2, 3, 4, 5]);
    expect(commits()).toBe(3);
  });

  it('bounds a batch by its time: no work joins a batch that has run too long', async () => {
    const quick = new SqliteGroupCommit(dataSource, [], { maxWorks: 100, maxMs: 20, gatherMs: 0 });
    const slow = (n: number) => async (m: { query(sql: string): Promise<unknown> }) => {
      await sleep(30);
      return insert(n)(m);
    };
    expect(await Promise.all([1, 2, 3].map((n) => quick.run(slow(n), true)))).toEqual([1, 2, 3]);
    expect(commits()).toBe(3);
  });

  it('under load (a commit just ended) waits a moment for more works before it begins a batch', async () => {
    const gathering = new SqliteGroupCommit(dataSource, [], { maxWorks: 100, maxMs: 20, gatherMs: 300 });
    await gathering.run(insert(1), true);
    const second = gathering.run(insert(2), true);
    await sleep(30);
    const third = gathering.run(insert(3), true);
    expect(await Promise.all([second, third])).toEqual([2, 3]);
    expect(commits()).toBe(2);
  });

  it('skips the before-commit steps for a batch of works no cached read depends on', async () => {
    await Promise.all([writes.run(insert(1), { changesReads: false }), writes.run(insert(2), { changesReads: false })]);
    expect(beforeCommit).not.toHaveBeenCalled();
    expect(committedNotes()).toEqual([1, 2]);
  });
});
