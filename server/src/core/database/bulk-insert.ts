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

/** Bound parameters per multi-row statement (SQLite allows 32766, PostgreSQL 65535). */
const MAX_BOUND_PARAMETERS = 30_000;

/**
 * Plain multi-row INSERTs for bulk loads (the HIS import): no entity metadata per row, the fewest
 * statements the parameter limits allow. `columns` are the table's column names; each row gives
 * its values in that order (instants as Date, booleans as boolean: converted for SQLite here).
 */
export async function insertRows(manager: EntityManager, table: string, columns: readonly string[], rows: readonly (readonly unknown[])[]): Promise<void> {
  if (rows.length === 0) return;
  const postgres = manager.connection.options.type === 'postgres';
  const perStatement = Math.max(1, Math.floor(MAX_BOUND_PARAMETERS / columns.length));
  const head = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES `;
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement);
    const params: unknown[] = [];
    const tuples = chunk.map((row) => {
      const marks = row.map((value) => {
        params.push(postgres ? value : sqliteValue(value));
        return postgres ? `$${params.length}` : '?';
      });
      return `(${marks.join(', ')})`;
    });
    await manager.query(head + tuples.join(', '), params);
  }
}

function sqliteValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().replace('T', ' ').replace('Z', '');
  return typeof value === 'boolean' ? Number(value) : value;
}
