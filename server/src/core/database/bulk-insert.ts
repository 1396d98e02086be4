import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

const CHUNK = 400;

/** Multi-row INSERTs in chunks that stay under SQLite's bound-parameter limit. For demo data and benchmarks. */
export async function insertChunked<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  rows: readonly object[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await manager
      .createQueryBuilder()
      .insert()
      .into(target)
      .values(rows.slice(i, i + CHUNK) as T[])
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
