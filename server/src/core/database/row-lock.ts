import type { EntityManager, FindOneOptions } from 'typeorm';

/**
 * `SELECT … FOR UPDATE` on PostgreSQL, where two transactions may read the same row at once; nothing
 * on SQLite, which has no row locks and whose writers run one at a time anyway.
 */
export function forUpdate(manager: EntityManager): Pick<FindOneOptions, 'lock'> {
  return manager.connection.options.type === 'postgres' ? { lock: { mode: 'pessimistic_write' } } : {};
}
