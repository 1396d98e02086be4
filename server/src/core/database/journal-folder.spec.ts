import { Client } from 'pg';
import { DataSource, type EntityManager } from 'typeorm';
import { JOURNAL_FOLD_LOCK_KEY, JournalFolder } from './journal-folder';
import { createScratchDatabase, scratchKinds, type ScratchDatabase } from './testing/scratch-database';

/*
 * The background folder on a real PostgreSQL database (skipped without TEST_DATABASE_URL): a journal
 * of +1 rows folded into one hot total row, as the rollups' journals are into today's rows.
 */
const postgres = scratchKinds().includes('postgres');
(postgres ? describe : describe.skip)('JournalFolder on postgres', () => {
  let db: ScratchDatabase;
  const sources: DataSource[] = [];

  const connect = async () => {
    const source = await new DataSource({ type: 'postgres', url: db.url, poolSize: 4 }).initialize();
    sources.push(source);
    return source;
  };
  const foldTotal = async (manager: EntityManager) => {
    await manager.query(`WITH j AS (DELETE FROM journal RETURNING sign) INSERT INTO total (id, n) SELECT 1, COALESCE(SUM(sign), 0) FROM j
                         ON CONFLICT (id) DO UPDATE SET n = total.n + excluded.n`);
  };
  /** The figure a read sees: the total plus what is still in the journal, in one statement. */
  const read = async (source: DataSource) =>
    Number(((await source.query('SELECT (SELECT COALESCE(SUM(n), 0) FROM total) + (SELECT COALESCE(SUM(sign), 0) FROM journal) AS n')) as { n: string }[])[0].n);

  beforeAll(async () => {
    db = await createScratchDatabase('postgres');
    const source = await connect();
    await source.query('CREATE TABLE journal (id serial PRIMARY KEY, sign integer NOT NULL)');
    await source.query('CREATE TABLE total (id integer PRIMARY KEY, n integer NOT NULL)');
  });
  afterAll(async () => {
    for (const source of sources) await source.destroy();
    await db?.drop();
  });
  beforeEach(async () => {
    await sources[0].query('DELETE FROM journal');
    await sources[0].query('DELETE FROM total');
  });

  it('counts every journal row once with two instances folding while writers commit, and reads are exact throughout', async () => {
    const [a, b] = [await connect(), await connect()];
    const folders = [new JournalFolder(a, [foldTotal], 5, 5), new JournalFolder(b, [foldTotal], 5, 5)];
    folders.forEach((folder) => folder.start());
    let committed = 0;
    const seen: number[] = [];
    const writer = async (source: DataSource) => {
      for (let i = 0; i < 60; i++) {
        await source.transaction(async (m) => m.query('INSERT INTO journal (sign) VALUES (1), (1)'));
        committed += 2;
        folders.forEach((folder) => folder.request());
      }
    };
    const reader = async () => {
      for (let i = 0; i < 40; i++) {
        const before = committed;
        const n = await read(sources[0]);
        // Never a committed row missed nor one counted twice, whether or not its fold ran.
        expect(n).toBeGreaterThanOrEqual(before);
        expect(n).toBeLessThanOrEqual(committed + 2 * 4);
        expect(n % 2).toBe(0);
        seen.push(n);
      }
    };
    try {
      await Promise.all([writer(a), writer(b), writer(sources[0]), reader()]);
    } finally {
      await Promise.all(folders.map((folder) => folder.stop()));
    }
    expect(await folders[0].foldNow()).toBe(true);
    expect(await read(a)).toBe(committed);
    expect(await a.query('SELECT n FROM total')).toEqual([{ n: committed }]);
    expect(await a.query('SELECT COUNT(*)::int AS n FROM journal')).toEqual([{ n: 0 }]);
    expect(seen).toEqual([...seen].sort((x, y) => x - y));
  });

  it('leaves the journal to the instance holding the fold', async () => {
    const source = await connect();
    await source.query('INSERT INTO journal (sign) VALUES (1)');
    const other = new Client({ connectionString: db.url });
    await other.connect();
    try {
      await other.query('SELECT pg_advisory_lock($1)', [JOURNAL_FOLD_LOCK_KEY]);
      const folder = new JournalFolder(source, [foldTotal]);
      expect(await folder.foldNow()).toBe(false);
      expect(await source.query('SELECT COUNT(*)::int AS n FROM journal')).toEqual([{ n: 1 }]);
      await other.query('SELECT pg_advisory_unlock($1)', [JOURNAL_FOLD_LOCK_KEY]);
      expect(await folder.foldNow()).toBe(true);
      expect(await source.query('SELECT n FROM total')).toEqual([{ n: 1 }]);
    } finally {
      await other.end();
    }
  });

  it('tries a failing fold again after the idle period, not at every tick, and folds once it succeeds', async () => {
    const source = await connect();
    await source.query('INSERT INTO journal (sign) VALUES (1)');
    let tries = 0;
    const failingTwice = async (manager: EntityManager) => {
      if (++tries <= 2) throw new Error('fold failed');
      await foldTotal(manager);
    };
    const folder = new JournalFolder(source, [failingTwice], 5, 300);
    const until = async (done: () => Promise<boolean> | boolean) => {
      for (let waited = 0; !(await done()); waited += 10) {
        if (waited > 5_000) throw new Error('timed out');
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    };
    folder.start();
    try {
      await until(() => tries === 1);
      await new Promise((resolve) => setTimeout(resolve, 100)); // some 20 ticks, all inside the 300 ms pause
      expect(tries).toBe(1);
      await until(async () => ((await source.query('SELECT n FROM total')) as unknown[]).length === 1);
    } finally {
      await folder.stop();
    }
    expect(tries).toBe(3);
    expect(await source.query('SELECT n FROM total')).toEqual([{ n: 1 }]);
  });

  it('stops after the fold in progress has committed, and starts no other', async () => {
    const source = await connect();
    await source.query('INSERT INTO journal (sign) VALUES (1)');
    let begun: () => void = () => undefined;
    const foldBegun = new Promise<void>((resolve) => (begun = resolve));
    const slowFold = async (manager: EntityManager) => {
      begun();
      await manager.query('SELECT pg_sleep(0.3)');
      await foldTotal(manager);
    };
    const folder = new JournalFolder(source, [slowFold], 5, 5);
    folder.start();
    await foldBegun;
    await folder.stop();
    expect(await source.query('SELECT n FROM total')).toEqual([{ n: 1 }]);
    await source.query('INSERT INTO journal (sign) VALUES (1)');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await source.query('SELECT COUNT(*)::int AS n FROM journal')).toEqual([{ n: 1 }]);
  });
});
