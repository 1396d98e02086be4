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

/** Bound parameters per statement: under SQLite's limit (32766) and PostgreSQL's (65535). */
const MAX_BOUND_PARAMETERS = 30_000;

/**
 * As `insertChunked`, for large loads (the HIS import; rows may carry their ids): the INSERT is
 * written from the entity's metadata, not by TypeORM's query builder, whose parameter bookkeeping
 * grows with the square of a statement's values (a third of a million-row import's time). Every row
 * must name the same properties; values are converted as TypeORM would store them (dates, booleans) by the driver.
 */
export async function insertRows<T extends ObjectLiteral>(manager: EntityManager, target: EntityTarget<T>, rows: readonly object[]): Promise<void> {
  if (rows.length === 0) return;
  const metadata = manager.connection.getMetadata(target);
  const driver = manager.connection.driver;
  const properties = Object.keys(rows[0]);
  const columns = properties.map((property) => {
    const column = metadata.findColumnWithPropertyName(property);
    if (!column) throw new Error(`${metadata.tableName} has no column for ${property}`);
    return column;
  });
  const names = columns.map((column) => `"${column.databaseName}"`).join(', ');
  const perStatement = Math.max(1, Math.floor(MAX_BOUND_PARAMETERS / columns.length));
  const postgres = manager.connection.options.type === 'postgres';
  // Statements of a few fixed sizes: their SQL repeats from batch to batch, so the driver's statement
  // cache prepares each once (preparing a statement of thousands of values costs as much as running it).
  const sizes = [...new Set([perStatement, 1000, 100, 10, 1].filter((size) => size <= perStatement))];
  for (let start = 0, size = 0; start < rows.length; start += size) {
    size = sizes.find((candidate) => candidate <= rows.length - start) ?? 1;
    const chunk = rows.slice(start, start + size) as Record<string, unknown>[];
    const params: unknown[] = [];
    const tuples: string[] = [];
    for (const row of chunk) {
      const marks: string[] = [];
      for (const column of columns) {
        params.push(driver.preparePersistentValue(row[column.propertyName], column));
        marks.push(postgres ? `$${params.length}` : '?');
      }
      tuples.push(`(${marks.join(', ')})`);
    }
    await manager.query(`INSERT INTO "${metadata.tableName}" (${names}) VALUES ${tuples.join(', ')}`, params);
  }
}
