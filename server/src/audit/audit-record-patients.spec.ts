import type { EntityManager, Repository } from 'typeorm';
import type { AppConfig } from '../core/config/app-config';
import { INSERT_CHUNK_ROWS } from '../core/database/bulk-insert';
import type { WriteTransaction } from '../core/database/write-transaction';
import type { AuditEntryEntity } from './audit-entry.entity';
import { AuditService } from './audit.service';

/** SQLite binds at most 32766 parameters per statement, PostgreSQL 65535; an audit row binds 8. */
const MAX_BOUND_PARAMETERS = 32_766;
const COLUMNS = 8;

/** A manager that, like the databases, refuses one statement with too many bound parameters. */
function limitedManager(statements: object[][]): EntityManager {
  const insertRows = (rows: object[]) => {
    if (rows.length * COLUMNS > MAX_BOUND_PARAMETERS) throw new Error('too many SQL variables');
    statements.push(rows);
  };
  const builder = {
    insert: () => builder,
    into: () => builder,
    values: (rows: object[]) => Object.assign(builder, { pending: rows }),
    updateEntity: () => builder,
    execute: async () => insertRows((builder as unknown as { pending: object[] }).pending),
  };
  return {
    insert: async (_target: unknown, rows: object[]) => insertRows(rows),
    createQueryBuilder: () => builder,
  } as unknown as EntityManager;
}

describe('AuditService.recordPatients', () => {
  it('audits thousands of patients in one transaction, in statements the databases accept', async () => {
    const statements: object[][] = [];
    const transactions: number[] = [];
    const writes = {
      run: async (work: (manager: EntityManager) => Promise<unknown>) => {
        transactions.push(1);
        return work(limitedManager(statements));
      },
    } as unknown as WriteTransaction;
    const service = new AuditService({} as Repository<AuditEntryEntity>, writes, {} as AppConfig);
    const patientIds = Array.from({ length: 10_000 }, (_, i) => i + 1);

    await service.recordPatients({ actor: { id: 7 }, ip: '127.0.0.1' } as never, { action: 'indicators.export', entityType: 'indicator', entityId: null }, [...patientIds, 1, 2]);

    expect(transactions).toHaveLength(1);
    expect(statements.every((rows) => rows.length <= INSERT_CHUNK_ROWS)).toBe(true);
    expect(statements.flat().map((row) => (row as { patientId: number }).patientId)).toEqual(patientIds);
  });
});
