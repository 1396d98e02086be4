import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DataSource } from 'typeorm';
import { BULK_LOAD_CACHE_KIB, widenCacheForBulkLoad } from './bulk-load-cache';

describe('widenCacheForBulkLoad', () => {
  let directory: string;
  let dataSource: DataSource;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'huifang-cache-'));
    dataSource = await new DataSource({
      type: 'better-sqlite3',
      database: join(directory, 'db.sqlite'),
      enableWAL: true,
      prepareDatabase: (db: { pragma(source: string): unknown }) => db.pragma('synchronous = FULL'),
    }).initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    rmSync(directory, { recursive: true, force: true });
  });

  it("widens this connection's page cache and leaves its durability and other connections as they were", async () => {
    await widenCacheForBulkLoad(dataSource);
    expect(await dataSource.query('PRAGMA cache_size')).toEqual([{ cache_size: -BULK_LOAD_CACHE_KIB }]);
    // FULL is 2: a commit still survives power loss.
    expect(await dataSource.query('PRAGMA synchronous')).toEqual([{ synchronous: 2 }]);
    const other = new Database(join(directory, 'db.sqlite'));
    try {
      expect(other.pragma('cache_size', { simple: true })).not.toBe(-BULK_LOAD_CACHE_KIB);
    } finally {
      other.close();
    }
  });
});
