import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { assertHuifangDatabase, assertNotInUse, MaintenanceError, removeSidecars, runCommand, sqliteFileFromEnv } from './sqlite-files';

/**
 * `npm run restore -- <file>`: puts a backup back as the database DATABASE_URL names, with the server
 * stopped. The backup is checked first (an intact Huifang database this build knows), the current
 * database must not be open anywhere, and the file is swapped in by rename, so a failure half-way
 * leaves the old database as it was.
 */
async function restore([backupArg]: string[]): Promise<string> {
  const target = sqliteFileFromEnv('restore');
  const backupFile = resolve(backupArg);
  if (backupFile === target) throw new MaintenanceError('the backup is the database itself');
  if (existsSync(`${backupFile}-wal`)) throw new MaintenanceError(`${backupFile} has a write-ahead log beside it (a live database?): make a backup with npm run backup`);
  assertHuifangDatabase(backupFile);
  if (existsSync(target)) assertNotInUse(target);
  mkdirSync(dirname(target), { recursive: true });
  const incoming = `${target}.restoring`;
  copyFileSync(backupFile, incoming);
  fsyncPath(incoming, 'r+');
  if (existsSync(target)) assertNotInUse(target);
  removeSidecars(target);
  renameSync(incoming, target);
  fsyncPath(dirname(target), 'r');
  return `restored ${backupFile} into ${target}; start the server`;
}

/** On disk before the next step: the copied bytes before the rename, the rename itself after. */
function fsyncPath(path: string, flags: 'r' | 'r+'): void {
  const fd = openSync(path, flags);
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

runCommand('npm run restore -- <file>', restore);
