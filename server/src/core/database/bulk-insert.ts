import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

export const INSERT_CHUNK_ROWS = 400;

/**
 * Multi-row INSERTs in chunks that stay under SQLite's bound-parameter limit (32766; PostgreSQL's is
 * 65535). For demo data, benchmarks and audit trails of long lists; pass a transaction's manager to
 * keep the chunks one change.
 */
export async function insertChunked<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  rows: readonly object[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK_ROWS) {
    await manager
      .createQueryBuilder()
      .insert()
      .into(target)
      .values(rows.slice(i, i + INSERT_CHUNK_ROWS) as T[])
      .updateEntity(false)
      .execute();
  }
}

/** After inserting rows with explicit ids, PostgreSQL's sequences must move past them. */
export async function moveSequencesPastIds(manager: EntityManager, tables: string[]): Promise<void> {
  if (manager.connection.options.type !== 'postgres') return;
  for (const table of tables) {
    await manager.query(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), GREATEST((SELECT MAX(id) FROM ${table}), 1))`);
  }
}

/**
 * As `insertChunked`, for rows that carry their ids (taken from the sequence beforehand): the
 * columns are named, as TypeORM leaves a generated id out of an INSERT on PostgreSQL otherwise.
 */
export async function insertChunkedWithIds<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  rows: readonly (object & { id: number })[],
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]);
  for (let i = 0; i < rows.length; i += INSERT_CHUNK_ROWS) {
    await manager
      .createQueryBuilder()
      .insert()
      .into(target, columns)
      .values(rows.slice(i, i + INSERT_CHUNK_ROWS) as object[] as T[])
      .updateEntity(false)
      .execute();
  }
}
