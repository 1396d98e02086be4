import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { Client } from 'pg';

/**
 * Row counts and a checksum of every table of a server's database, read over a direct connection
 * (not the API), to prove that a refused request changed nothing.
 */
export interface TableSnapshot {
  counts: Record<string, number>;
  checksums: Record<string, string>;
}

export interface SnapshotReader {
  tables: string[];
  snapshot(): Promise<TableSnapshot>;
  close(): Promise<void>;
}

/** Migration bookkeeping, and tables that refused requests legitimately write (audit, login attempts, throttling). */
const EXCLUDED = /^(migrations|typeorm_metadata|audit_entry)$|login|lockout|throttl|rate_limit|^sqlite_/;

/*
 * Work the server does shortly after a write, in its own transactions: the relationship worker (takes
 * `relationship_dirty`), the daily relationship pass (holds `relationship_state.lease_until`), the
 * outreach worker (delivers queued messages) and, on PostgreSQL, the rollup journals' folder. A snapshot waits until it is done, so that it holds what
 * the requests before it did, all of it.
 */
const QUEUES = ['relationship_dirty', 'callback_rollup_journal', 'survey_rollup_journal', 'survey_rating_journal', 'driver_count_journal', 'patient_status_journal'];

function settledSql(tables: readonly string[], postgres: boolean): string {
  const parts = QUEUES.filter((table) => tables.includes(table)).map((table) => `(SELECT COUNT(*) FROM "${table}")`);
  if (tables.includes('relationship_state')) parts.push('(SELECT COUNT(*) FROM relationship_state WHERE lease_until IS NOT NULL)');
  // The outreach worker delivering a message the requests queued (due now, or claimed and on its way).
  const now = postgres ? 'now()' : "strftime('%Y-%m-%d %H:%M:%f', 'now')";
  if (tables.includes('outreach_message')) parts.push(`(SELECT COUNT(*) FROM outreach_message WHERE status = 'queued' AND (next_attempt_at <= ${now} OR claimed_until IS NOT NULL))`);
  return `SELECT ${parts.length > 0 ? parts.join(' + ') : '0'} AS n`;
}

async function settle(pending: () => Promise<number>, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while ((await pending()) > 0) {
    if (Date.now() > until) throw new Error('the server did not finish its work after the writes (relationship worker, pass or journal folder)');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function checksum(rows: unknown[]): string {
  // Order-independent: each row as JSON, sorted, hashed.
  const lines = rows.map((row) => JSON.stringify(row, (_key, value) => (typeof value === 'bigint' ? String(value) : value))).sort();
  return createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16);
}

export async function openSnapshotReader(databaseUrl: string): Promise<SnapshotReader> {
  if (databaseUrl.startsWith('sqlite:')) {
    const db = new Database(databaseUrl.slice('sqlite:'.length), { readonly: true });
    db.pragma('busy_timeout = 5000');
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[])
      .map((row) => row.name)
      .filter((name) => !EXCLUDED.test(name));
    const pending = db.prepare(settledSql(tables, false));
    return {
      tables,
      snapshot: async () => {
        await settle(async () => Number((pending.get() as { n: number }).n));
        return collect(tables, (table) => db.prepare(readTableSql(table)).all());
      },
      close: async () => {
        db.close();
      },
    };
  }
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const result = await client.query<{ name: string }>(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name",
  );
  const tables = result.rows.map((row) => row.name).filter((name) => !EXCLUDED.test(name));
  // Every table in one round trip (a multi-statement simple query, one snapshot in one transaction):
  // the fuzz takes two snapshots per generated request.
  const readAll = `BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; ${tables.map((table) => `${readTableSql(table)};`).join(' ')} COMMIT;`;
  return {
    tables,
    snapshot: async () => {
      const pending = settledSql(tables, true);
      await settle(async () => Number((await client.query<{ n: string }>(pending)).rows[0]?.n));
      const results = (await client.query(readAll)) as unknown as { rows: unknown[] }[];
      if (!Array.isArray(results) || results.length !== tables.length + 2) throw new Error('a snapshot did not read every table');
      return collect(tables, (table) => (results[tables.indexOf(table) + 1] as { rows: unknown[] }).rows);
    },
    close: () => client.end(),
  };
}

/**
 * A table's rows as a snapshot reads them. The monthly report schedule stores last month's reports
 * on its own (at start-up and at any minute's look, e.g. for a department a test just added): rows
 * it stored (`generated_by` null) are no request's doing; a regenerated report (by a user) counts.
 */
function readTableSql(table: string): string {
  return table === 'assessment_report' ? 'SELECT * FROM "assessment_report" WHERE generated_by IS NOT NULL' : `SELECT * FROM "${table}"`;
}

function collect(tables: string[], read: (table: string) => unknown[]): TableSnapshot {
  const snapshot: TableSnapshot = { counts: {}, checksums: {} };
  for (const table of tables) {
    const rows = read(table);
    snapshot.counts[table] = rows.length;
    snapshot.checksums[table] = checksum(rows);
  }
  return snapshot;
}

/** The tables whose rows differ between two snapshots (empty when nothing changed). */
export function changedTables(before: TableSnapshot, after: TableSnapshot): string[] {
  return Object.keys(after.checksums).filter((table) => before.checksums[table] !== after.checksums[table]);
}
