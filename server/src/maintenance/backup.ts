import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import Database from 'better-sqlite3';
import { assertHuifangDatabase, MaintenanceError, runCommand, sqliteFileFromEnv } from './sqlite-files';

/** Copy every page in one step: one read transaction, so one consistent moment, never restarted by a concurrent write. */
const ALL_PAGES_AT_ONCE = 0x7fffffff;

/**
 * `npm run backup -- <file>`: a consistent copy of the SQLite database while the server keeps serving
 * (SQLite's online backup API reads one snapshot; writers are not blocked, WAL readers never are).
 * The copy is a single self-contained file (rollback-journal mode), checked before it is kept.
 */
async function backup([destinationArg]: string[]): Promise<string> {
  const source = sqliteFileFromEnv('backup');
  const destination = resolve(destinationArg);
  if (!existsSync(source)) throw new MaintenanceError(`no database at ${source}`);
  if (existsSync(destination)) throw new MaintenanceError(`${destination} already exists; choose a new file name`);
  const partial = `${destination}.partial`;
  rmSync(partial, { force: true });
  const db = new Database(source, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    await db.backup(partial, { progress: () => ALL_PAGES_AT_ONCE });
  } finally {
    db.close();
  }
  const copy = new Database(partial);
  copy.pragma('journal_mode = DELETE');
  copy.close();
  try {
    assertHuifangDatabase(partial);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  renameSync(partial, destination);
  return `backed up ${source} to ${destination} (${Math.round(statSync(destination).size / 1024)} KiB)`;
}

runCommand('npm run backup -- <file>', backup);
