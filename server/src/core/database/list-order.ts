import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { parseSort } from '@huifang/shared';

/** How a sort key reads in SQL; `nullable` columns put their empty values last in either direction. */
export interface SortColumn {
  sql: string;
  nullable?: boolean;
}

/**
 * Orders a list by the requested `sort` (validated by `SortParam`), then by id in the same direction,
 * so pages never repeat or skip rows. Without a sort the caller's `fallback` order applies.
 */
export function orderList<T extends ObjectLiteral, K extends string>(
  qb: SelectQueryBuilder<T>,
  sort: string | undefined,
  columns: Readonly<Record<K, SortColumn>>,
  idSql: string,
  fallback: (qb: SelectQueryBuilder<T>) => SelectQueryBuilder<T>,
): SelectQueryBuilder<T> {
  const parsed = parseSort(sort, Object.keys(columns) as K[]);
  if (!parsed) return fallback(qb);
  const direction = parsed.direction === 'desc' ? 'DESC' : 'ASC';
  const column = columns[parsed.key];
  // NULLS LAST is spelled the same on SQLite (3.30+) and PostgreSQL.
  return qb
    .orderBy(column.sql, direction, column.nullable ? 'NULLS LAST' : undefined)
    .addOrderBy(idSql, direction);
}

/**
 * A column in the order of a declared list (lifecycle stages, statuses, callback kinds), not by the
 * codes' spelling: a CASE giving each value its index. The values are the app's own constants.
 */
export function inOrderOf(column: string, values: readonly string[]): string {
  return `CASE ${column} ${values.map((value, index) => `WHEN '${value}' THEN ${index}`).join(' ')} END`;
}
