/*
 * CHECK constraints for enum-like columns, built from the value lists in shared/ so the database
 * refuses what the API would refuse. The constraints are unnamed in the entities: TypeORM names
 * each after a hash of its table and expression, so when a list in shared/ changes, the schema
 * comparison (and its CI test) sees a constraint to replace and asks for a migration.
 * NULL passes a CHECK, so nullable columns need no `IS NULL OR`.
 */

/** `column IN ('a', 'b')`; the values are constants from shared/, never input. */
export function isOneOf(column: string, values: readonly string[]): string {
  return `${column} IN (${values.map((value) => `'${value}'`).join(', ')})`;
}

export function isBetween(column: string, range: { min: number; max: number }): string {
  return `${column} BETWEEN ${range.min} AND ${range.max}`;
}
