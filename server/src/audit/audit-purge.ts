import type { EntityManager } from 'typeorm';
import { runRawSql } from '../core/database/raw-sql';
import { AuditEntryEntity } from './audit-entry.entity';

/**
 * Deletes the audit entries older than `before`, the one deletion the append-only trigger lets
 * through (migration 1764601000000): the cutoff is announced to the trigger inside this transaction
 * only. Returns how many entries went. Must run inside a write transaction.
 */
export async function purgeAuditEntries(manager: EntityManager, before: Date): Promise<number> {
  const postgres = manager.connection.options.type === 'postgres';
  if (postgres) {
    // Transaction-local (third argument): gone at commit or rollback.
    await manager.query(`SELECT set_config('huifang.audit_purge_before', $1, true)`, [before.toISOString()]);
  } else {
    await runRawSql(manager, 'UPDATE audit_purge_gate SET purge_before = $1 WHERE id = 1', [before]);
  }
  const result = await manager.createQueryBuilder().delete().from(AuditEntryEntity).where('at < :before', { before }).execute();
  if (!postgres) await manager.query('UPDATE audit_purge_gate SET purge_before = NULL WHERE id = 1');
  return result.affected ?? 0;
}
