import type { EntityManager } from 'typeorm';

/** An arbitrary constant naming the import batches' lock among the database's advisory locks. */
const IMPORT_BATCH_LOCK_KEY = '4812207713900418';

/**
 * Import batches run one at a time: a batch plans against what is stored, then writes, and a second
 * import (the nightly CLI beside an upload) planning the same patients in between would write them
 * twice. Taken first in the batch's transaction and released at its end. SQLite's write transaction
 * already runs writers one at a time.
 */
export async function lockImportBatches(manager: EntityManager): Promise<void> {
  if (manager.connection.options.type === 'postgres') await manager.query('SELECT pg_advisory_xact_lock($1)', [IMPORT_BATCH_LOCK_KEY]);
}
