import { Client } from 'pg';
import { runSql } from './sql';

/*
 * PostgreSQL folds the rollup journals in a background folder per server instance
 * (server/src/core/database/journal-folder.ts), each fold holding an advisory lock so that one
 * instance folds at a time. A test holding that lock keeps every instance's folder off, as a busy
 * other instance would: writes through the app then stay in the journals while the test reads.
 */

/** JOURNAL_FOLD_LOCK_KEY of journal-folder.ts. */
const FOLD_LOCK_KEY = 4_823_112_907;
const JOURNALS = ['callback_rollup_journal', 'survey_rollup_journal', 'survey_rating_journal', 'driver_count_journal', 'patient_status_journal'];

const isPostgres = (databaseUrl: string) => !databaseUrl.startsWith('sqlite:');

/** Rows waiting in the rollup journals. */
export async function journalBacklog(databaseUrl: string): Promise<number> {
  const rows = (await runSql(databaseUrl, `SELECT ${JOURNALS.map((j) => `(SELECT COUNT(*) FROM ${j})`).join(' + ')} AS n`)) as { n: number | string }[];
  return Number(rows[0]?.n);
}

/** Keeps every server's folder off until `release` (PostgreSQL; nothing to hold on SQLite, whose writes fold before they commit). */
export async function holdFolders(databaseUrl: string): Promise<{ release(): Promise<void> }> {
  if (!isPostgres(databaseUrl)) return { release: async () => undefined };
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query('SELECT pg_advisory_lock($1)', [FOLD_LOCK_KEY]);
  return {
    release: async () => {
      await client.query('SELECT pg_advisory_unlock($1)', [FOLD_LOCK_KEY]);
      await client.end();
    },
  };
}

/** Waits until the journals are empty: on PostgreSQL the folders took every committed row (on SQLite a write through the app folded them). */
export async function journalsFolded(databaseUrl: string, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const backlog = await journalBacklog(databaseUrl);
    if (backlog === 0) return;
    if (!isPostgres(databaseUrl) || Date.now() > until) throw new Error(`${backlog} journal rows not folded`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
