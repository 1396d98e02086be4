import type { EntityManager } from 'typeorm';

/**
 * Raw SQL for the few set-based statements the query builder cannot express (INSERT … SELECT).
 * Write placeholders as `$1, $2…`; on SQLite they become `?` (the parameters stay in order, so no
 * placeholder may repeat), and instants are bound as the UTC text TypeORM stores there.
 */
export function runRawSql(manager: EntityManager, sql: string, params: unknown[]): Promise<unknown> {
  if (manager.connection.options.type === 'postgres') return manager.query(sql, params);
  return manager.query(
    sql.replace(/\$\d+/g, '?'),
    params.map((value) =>
      value instanceof Date ? value.toISOString().replace('T', ' ').replace('Z', '') : typeof value === 'boolean' ? Number(value) : value,
    ),
  );
}

/**
 * An instant read by raw SQL: a Date from PostgreSQL, on SQLite the text TypeORM stores (UTC, no
 * zone), read as TypeORM reads it.
 */
export function storedInstant(value: Date | string): Date {
  if (value instanceof Date) return value;
  const text = value.replace(' ', 'T');
  return new Date(/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?$/.test(text) ? `${text}Z` : text);
}
