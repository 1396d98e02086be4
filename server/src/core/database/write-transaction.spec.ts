import { DataSource } from 'typeorm';
import { ReadCache } from './read-cache';
import { WriteTransaction } from './write-transaction';

describe('WriteTransaction and the read cache', () => {
  let dataSource: DataSource;
  let cache: ReadCache;
  let writes: WriteTransaction;

  beforeAll(async () => {
    dataSource = await new DataSource({ type: 'better-sqlite3', database: ':memory:' }).initialize();
    await dataSource.query('CREATE TABLE note (text varchar(20))');
  });
  afterAll(() => dataSource.destroy());

  beforeEach(() => {
    cache = new ReadCache();
    writes = new WriteTransaction(dataSource, cache);
  });

  const cachedCount = () => cache.get('count', 60_000, async () => (await dataSource.query('SELECT COUNT(*) AS n FROM note'))[0].n as number);

  it('empties the cache after a write, so the next read sees it', async () => {
    const before = await cachedCount();
    await writes.run((m) => m.query("INSERT INTO note VALUES ('a')"));
    expect(await cachedCount()).toBe(before + 1);
  });

  it('keeps the cache after a write no cached read depends on (the audit trail of a read)', async () => {
    const before = await cachedCount();
    await writes.run((m) => m.query("INSERT INTO note VALUES ('b')"), { changesReads: false });
    expect(await cachedCount()).toBe(before);
  });
});
