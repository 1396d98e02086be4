import type { DataSource } from 'typeorm';

/** SQLite page cache of the import CLI's connection, in KiB (SQLite's default is 2 MiB). */
export const BULK_LOAD_CACHE_KIB = 128 * 1024;

/**
 * Widens the page cache of this process's SQLite connection for a bulk load: a million-row import
 * keeps the upper levels of the encounter and source-key indexes in memory instead of reading them
 * back from the file on every batch. Per connection, so a running server is not affected; durability
 * settings stay as the database module set them. No-op on PostgreSQL.
 */
export async function widenCacheForBulkLoad(dataSource: DataSource): Promise<void> {
  if (dataSource.options.type !== 'better-sqlite3') return;
  await dataSource.query(`PRAGMA cache_size = -${BULK_LOAD_CACHE_KIB}`);
}
