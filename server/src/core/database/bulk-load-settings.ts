import type { DataSource } from 'typeorm';

/** SQLite page cache of the import CLI's connection, in KiB (SQLite's default is 2 MiB). */
export const BULK_LOAD_CACHE_KIB = 128 * 1024;
/** WAL pages the import CLI's connection lets grow before it checkpoints (SQLite's default: 1,000, 4 MiB). */
export const BULK_LOAD_CHECKPOINT_PAGES = 100_000;

/**
 * Settings of this process's SQLite connection for a bulk load. A wider page cache keeps the upper
 * levels of the encounter and source-key indexes in memory instead of reading them back on every
 * batch. A later checkpoint: one batch of a million-row import dirties ~25,000 index pages, most of
 * them dirtied again by the next batches; checkpointing after every batch copied each of them back
 * into the file each time, checkpointing every ~400 MB of WAL copies them once (a million-row import:
 * system time 43 → 32 s). Per connection, so a running server is not affected; durability stays as
 * the database module set it (every commit still reaches the disk). No-op on PostgreSQL.
 */
export async function tuneForBulkLoad(dataSource: DataSource): Promise<void> {
  if (dataSource.options.type !== 'better-sqlite3') return;
  await dataSource.query(`PRAGMA cache_size = -${BULK_LOAD_CACHE_KIB}`);
  await dataSource.query(`PRAGMA wal_autocheckpoint = ${BULK_LOAD_CHECKPOINT_PAGES}`);
}

/**
 * After a bulk load, the WAL it grew is copied into the database file by the loader, not left to the
 * next desk write (whose commit would otherwise run the long checkpoint). Passive: it never waits for
 * a server's readers; what they still hold is checkpointed by the server later.
 */
export async function checkpointAfterBulkLoad(dataSource: DataSource): Promise<void> {
  if (dataSource.options.type !== 'better-sqlite3') return;
  await dataSource.query('PRAGMA wal_checkpoint(PASSIVE)');
}
