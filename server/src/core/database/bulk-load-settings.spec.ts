import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DataSource } from 'typeorm';
import { BULK_LOAD_CACHE_KIB, BULK_LOAD_CHECKPOINT_PAGES, checkpointAfterBulkLoad, tuneForBulkLoad } from './bulk-load-settings';

describe('bulk-load settings', () => {
  let directory: string;
  let file: string;
  let dataSource: DataSource;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'huifang-bulk-'));
    file = join(directory, 'db.sqlite');
    dataSource = await new DataSource({
      type: 'better-sqlite3',
      database: file,
      enableWAL: true,
      prepareDatabase: (db: { pragma(source: string): unknown }) => db.pragma('synchronous = FULL'),
    }).initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    rmSync(directory, { recursive: true, force: true });
  });

  it("tunes this connection's cache and checkpoints, and leaves its durability and other connections as they were", async () => {
    await tuneForBulkLoad(dataSource);
    expect(await dataSource.query('PRAGMA cache_size')).toEqual([{ cache_size: -BULK_LOAD_CACHE_KIB }]);
    expect(await dataSource.query('PRAGMA wal_autocheckpoint')).toEqual([{ wal_autocheckpoint: BULK_LOAD_CHECKPOINT_PAGES }]);
    // FULL is 2: a commit still survives power loss.
    expect(await dataSource.query('PRAGMA synchronous')).toEqual([{ synchronous: 2 }]);
    const other = new Database(file);
    try {
      expect(other.pragma('cache_size', { simple: true })).not.toBe(-BULK_LOAD_CACHE_KIB);
      expect(other.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    } finally {
      other.close();
    }
  });

  it('leaves the WAL to the loader until it checkpoints after the load', async () => {
    await tuneForBulkLoad(dataSource);
    await dataSource.query('CREATE TABLE filler (id INTEGER PRIMARY KEY, text TEXT)');
    // ~8 MB: twice what SQLite's default would have let grow before checkpointing into the file.
    await dataSource.transaction((m) => m.query(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 4000) INSERT INTO filler (text) SELECT printf('%.2000c', 'x') FROM n`));
    const fileBefore = statSync(file).size;
    expect(fileBefore).toBeLessThan(1_000_000);
    await checkpointAfterBulkLoad(dataSource);
    expect(statSync(file).size).toBeGreaterThan(8_000_000);
  });
});
