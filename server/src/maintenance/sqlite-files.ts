import { existsSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { MIGRATIONS } from '../core/database/migrations';
import { parseDatabaseUrl } from '../core/database/database-url';

/** A maintenance command failed for a reason the operator can act on: one line, exit code 1. */
export class MaintenanceError extends Error {}

/** Tables every Huifang database has; a file without them is some other SQLite database. */
const CORE_TABLES = ['migrations', 'staff_user', 'patient', 'encounter', 'callback', 'survey_response', 'audit_entry'];

/** The SQLite file DATABASE_URL names (the server's default when unset); PostgreSQL has its own tools. */
export function sqliteFileFromEnv(command: 'backup' | 'restore'): string {
  const target = parseDatabaseUrl(process.env['DATABASE_URL']);
  if (target.kind === 'postgres') {
    const howTo =
      command === 'backup'
        ? 'pg_dump --format=custom --file=huifang.dump "$DATABASE_URL"'
        : 'stop every instance, then pg_restore --clean --if-exists --no-owner --dbname="$DATABASE_URL" huifang.dump';
    throw new MaintenanceError(`DATABASE_URL is PostgreSQL: use ${howTo}`);
  }
  if (target.file === ':memory:') throw new MaintenanceError('DATABASE_URL is an in-memory database: nothing to back up or restore');
  return target.file;
}

/** Refuses a file that is not an intact Huifang database this build can run (integrity_check, its tables, known migrations). */
export function assertHuifangDatabase(file: string): void {
  if (!existsSync(file)) throw new MaintenanceError(`${file} does not exist`);
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch {
    throw new MaintenanceError(`${file} cannot be opened as a SQLite database`);
  }
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new MaintenanceError(`${file} fails SQLite's integrity check: ${String(integrity)}`);
    const tables = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name));
    const missing = CORE_TABLES.filter((t) => !tables.has(t));
    if (missing.length > 0) throw new MaintenanceError(`${file} is not a Huifang database (no ${missing.join(', ')} table)`);
    const known = new Set(MIGRATIONS.map((migration) => new migration().name));
    const applied = (db.prepare('SELECT name FROM migrations ORDER BY id').all() as { name: string }[]).map((m) => m.name);
    if (applied.length === 0) throw new MaintenanceError(`${file} is not a Huifang database (no migration has run on it)`);
    const unknown = applied.filter((name) => !known.has(name));
    if (unknown.length > 0) throw new MaintenanceError(`${file} was written by a newer Huifang (unknown migration ${unknown[0]}): update first`);
  } catch (error) {
    if (error instanceof MaintenanceError) throw error;
    throw new MaintenanceError(`${file} cannot be read as a Huifang database: ${(error as Error).message}`);
  } finally {
    db.close();
  }
}

/**
 * Refuses when any process (a running server, a backup) has the database open. Leaving WAL mode needs
 * the database to itself: SQLite answers BUSY while another connection exists, however idle, and the
 * operating system drops a crashed process's hold, so there is no stale lock file to clean up. On
 * success the file is left in rollback-journal mode with its write-ahead log folded in; the server
 * switches it back to WAL when it next opens it.
 */
export function assertNotInUse(file: string): void {
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 0');
    db.pragma('journal_mode = DELETE');
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY')) {
      throw new MaintenanceError(`${file} is in use (is Huifang running?): stop the server first`);
    }
    throw error;
  } finally {
    db.close();
  }
}

/** Write-ahead log and shared-memory index of a database file: they belong to the file they were written for. */
export function removeSidecars(file: string): void {
  for (const suffix of ['-wal', '-shm', '-journal']) rmSync(`${file}${suffix}`, { force: true });
}

/** Runs a maintenance command: a one-line message and exit code 1 on a MaintenanceError, 2 on a usage error. */
export function runCommand(usage: string, command: (args: string[]) => Promise<string>): void {
  const args = process.argv.slice(2);
  if (args.length !== 1 || args[0].startsWith('-')) {
    process.stderr.write(`usage: ${usage}\n`);
    process.exit(2);
  }
  command(args)
    .then((message) => process.stdout.write(`${message}\n`))
    .catch((error: Error) => {
      process.stderr.write(`huifang: ${error instanceof MaintenanceError ? error.message : `failed: ${error.message}`}\n`);
      process.exit(1);
    });
}
