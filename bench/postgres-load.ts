import { once } from 'node:events';
import Database from 'better-sqlite3';
import type { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { rebuildStatusCountsSql } from '../server/src/patients/status-rollup';

/** The tables the generator fills, parents first (the app's own first-start rows stay as they are). */
const TABLES = [
  'patient',
  'encounter',
  'stage_transition',
  'survey_invitation',
  'survey_response',
  'survey_answer',
  'callback',
  'callback_attempt',
  // The indicator rollups the generator built (and which time zone), so the server need not rebuild them.
  'survey_rating_daily',
  'callback_daily',
  'callback_duration_daily',
  'survey_daily',
  'rollup_state',
  'wait_histogram',
  'driver_count',
];
/**
 * What the rollup triggers journalled while the rows were copied (already in the copied rollups), and
 * the patients the relationship triggers marked (the server's first pass works every patient out).
 */
const ROLLUP_JOURNALS = ['callback_rollup_journal', 'survey_rollup_journal', 'survey_rating_journal', 'driver_count_journal', 'relationship_dirty'];

/** One value in COPY's text format (SQLite keeps booleans as 0/1, which PostgreSQL's boolean input reads). */
function field(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'bigint' || typeof value === 'number') return String(value);
  return String(value).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

/**
 * Copies the generated rows from the SQLite file into a migrated PostgreSQL database with COPY FROM
 * STDIN, then moves each id sequence past the copied ids and runs ANALYZE. Timestamps are UTC text in
 * SQLite, so the session's time zone is UTC while they are read.
 */
export async function loadIntoPostgres(sqliteFile: string, client: Client, log: (line: string) => void): Promise<void> {
  const source = new Database(sqliteFile, { readonly: true });
  try {
    await client.query("SET TIME ZONE 'UTC'");
    await client.query(`TRUNCATE ${TABLES.join(', ')} RESTART IDENTITY CASCADE`);
    for (const table of TABLES) {
      const began = Date.now();
      const columns = (source.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
      // The churn order columns come computed from the file: their per-row trigger would redo them for every row.
      if (table === 'encounter') await client.query('ALTER TABLE encounter DISABLE TRIGGER encounter_churn_order');
      const stream = client.query(copyFrom(`COPY ${table} (${columns.map((c) => `"${c}"`).join(', ')}) FROM STDIN`));
      let rows = 0;
      let chunk = '';
      for (const row of source.prepare(`SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM ${table}`).raw().iterate() as Iterable<unknown[]>) {
        chunk += `${row.map(field).join('\t')}\n`;
        rows++;
        if (chunk.length > 1 << 20) {
          if (!stream.write(chunk)) await once(stream, 'drain');
          chunk = '';
        }
      }
      stream.end(chunk);
      await once(stream, 'finish');
      if (table === 'encounter') await client.query('ALTER TABLE encounter ENABLE TRIGGER encounter_churn_order');
      if (columns.includes('id')) {
        const serial = await client.query('SELECT pg_get_serial_sequence($1, $2) AS seq', [table, 'id']);
        const sequence = (serial.rows[0] as { seq: string | null } | undefined)?.seq;
        if (sequence) await client.query(`SELECT setval($1, GREATEST((SELECT MAX(id) FROM ${table}), 1))`, [sequence]);
      }
      log(`  COPY ${table.padEnd(20)} ${String(rows).padStart(9)} rows  ${((Date.now() - began) / 1000).toFixed(1)} s`);
    }
    await client.query(`TRUNCATE ${ROLLUP_JOURNALS.join(', ')}`);
    // The copied patients went through the status triggers into the journal: count them at once.
    // One transaction: the rebuild locks the status journal (LOCK TABLE needs a transaction block).
    await client.query('BEGIN');
    for (const sql of rebuildStatusCountsSql(true)) await client.query(sql);
    await client.query('COMMIT');
    const began = Date.now();
    await client.query('ANALYZE');
    log(`  ANALYZE ${((Date.now() - began) / 1000).toFixed(1)} s`);
  } finally {
    source.close();
  }
}
