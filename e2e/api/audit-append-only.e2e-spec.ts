import type { AuditEntry, Page } from '@huifang/shared';
import { ApiClient } from '../support/api-client';
import { createTestDatabase, testDatabases, type DatabaseKind } from '../support/databases';
import { registerPatient, staffClient } from '../support/patients-fixtures';
import { ADMIN_PASSWORD, startServerOn, type RunningServer } from '../support/server-process';
import { runSql } from '../support/sql';

const RETENTION_DAYS = 400;

/** An instant as each database stores it (SQLite: TypeORM's UTC text). */
function storedInstant(database: DatabaseKind, daysAgo: number): string {
  const iso = new Date(Date.now() - daysAgo * 86_400_000).toISOString();
  return database === 'sqlite' ? iso.replace('T', ' ').replace('Z', '') : iso;
}

describe.each(testDatabases())('the append-only audit log on %s', (database) => {
  let server: RunningServer;
  let databaseUrl: string;
  let admin: ApiClient;
  /** An entry past retention, arranged by the SQL test: the purge must take it too. */
  let ancient: number | null = null;
  const env = { HUIFANG_AUDIT_RETENTION_DAYS: String(RETENTION_DAYS) };

  beforeAll(async () => {
    const db = await createTestDatabase(database);
    databaseUrl = db.url;
    server = await startServerOn(database, db, env);
    const anonymous = new ApiClient(server.baseUrl);
    admin = await anonymous.login('admin', ADMIN_PASSWORD);
    const desk = await staffClient(admin, anonymous, 'desk', 'front_desk');
    const patient = await registerPatient(desk);
    await desk.get(`/api/patients/${patient.id}`);
  });
  afterAll(() => server?.stop());

  const ids = async () => ((await runSql(databaseUrl, 'SELECT id FROM audit_entry ORDER BY id')) as { id: number }[]).map((r) => Number(r.id));
  const insertEntry = async (daysAgo: number) =>
    Number(
      (
        (await runSql(
          databaseUrl,
          `INSERT INTO audit_entry (at, actor_id, action, entity_type, entity_id, patient_id, ip) VALUES ($1, NULL, 'patient.read', 'patient', 1, 1, NULL) RETURNING id`,
          [storedInstant(database, daysAgo)],
        )) as { id: number }[]
      )[0].id,
    );

  it('offers no API route that changes the audit log', async () => {
    const doc = await admin.get<{ paths: Record<string, Record<string, unknown>> }>('/api/docs/openapi.json');
    const auditRoutes = Object.entries(doc.body.paths).filter(([path]) => path.startsWith('/api/audit'));
    expect(auditRoutes.length).toBeGreaterThan(0);
    for (const [, operations] of auditRoutes) expect(Object.keys(operations)).toEqual(['get']);
    expect((await admin.request('DELETE', '/api/audit-log')).status).toBe(404);
  });

  it('refuses UPDATE and DELETE on the audit table in SQL, while INSERT still works', async () => {
    const before = await ids();
    expect(before.length).toBeGreaterThan(2);
    await expect(runSql(databaseUrl, "UPDATE audit_entry SET action = 'patient.update' WHERE id = $1", [before[0]])).rejects.toThrow(/append-only/);
    await expect(runSql(databaseUrl, 'UPDATE audit_entry SET ip = NULL')).rejects.toThrow(/append-only/);
    await expect(runSql(databaseUrl, 'DELETE FROM audit_entry WHERE id = $1', [before[0]])).rejects.toThrow(/append-only/);
    await expect(runSql(databaseUrl, 'DELETE FROM audit_entry')).rejects.toThrow(/append-only/);
    if (database === 'postgres') await expect(runSql(databaseUrl, 'TRUNCATE audit_entry')).rejects.toThrow(/append-only/);
    // Even entries past retention cannot be deleted outside the purge job.
    ancient = await insertEntry(RETENTION_DAYS * 3);
    await expect(runSql(databaseUrl, 'DELETE FROM audit_entry WHERE id = $1', [ancient])).rejects.toThrow(/append-only/);
    expect(await ids()).toEqual([...before, ancient]);
  });

  it('lets the retention job delete exactly the entries older than HUIFANG_AUDIT_RETENTION_DAYS, and records that it did', async () => {
    const old = await insertEntry(RETENTION_DAYS + 30);
    const recent = await insertEntry(RETENTION_DAYS - 30);
    const before = await ids();

    // The job runs at every start-up (and daily): a second instance on the same database runs it now.
    const second = await startServerOn(database, { url: databaseUrl, drop: async () => undefined }, env);
    await second.stopKeepingDatabase();

    const after = await ids();
    expect(after).toContain(recent);
    expect(after).not.toContain(old);
    const log = await admin.get<Page<AuditEntry>>('/api/audit-log?pageSize=100');
    const purges = log.body.items.filter((entry) => entry.action === 'audit.purge');
    expect(purges).toHaveLength(1);
    const expired = [old, ...(ancient === null ? [] : [ancient])];
    expect(JSON.parse(purges[0].detail ?? '{}')).toMatchObject({ deleted: expired.length });
    expect(after.filter((id) => id !== purges[0].id)).toEqual(before.filter((id) => !expired.includes(id)));

    // The door closed again with the purge's transaction.
    await expect(runSql(databaseUrl, 'DELETE FROM audit_entry WHERE id = $1', [recent])).rejects.toThrow(/append-only/);
  });
});
