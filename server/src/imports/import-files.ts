import { createWriteStream } from 'node:fs';
import { chmod, lstat, mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { randomUUID } from 'node:crypto';
import { IMPORT_FILE_EXTENSIONS, IMPORT_FORMATS, type ImportFormat } from '@huifang/shared';
import type { AppConfig } from '../core/config/app-config';

/*
 * Uploaded import files wait on disk (streamed there, never held in memory) until they are run, in a
 * folder only this server's user can open: HUIFANG_IMPORT_DIR, else beside the SQLite database, else
 * a fresh private temp folder per process (never a predictable shared /tmp path another local user
 * could create first or point elsewhere with a symlink).
 */

/** An upload not run within this long is removed (the job is marked failed). */
export const UPLOAD_KEEP_MS = 24 * 3_600_000;
/** Every file the server stores ends so; a path without it (the CLI's own file) is never the server's to delete. */
const UPLOAD_SUFFIX = '.upload';

const folders = new WeakMap<AppConfig, Promise<string>>();

/** The upload folder of this configuration, created and checked once per process. */
export function uploadFolder(config: AppConfig): Promise<string> {
  let folder = folders.get(config);
  if (!folder) {
    folder = prepareFolder(config);
    folders.set(config, folder);
  }
  return folder;
}

async function prepareFolder(config: AppConfig): Promise<string> {
  const { database } = config;
  const chosen = config.importDir ?? (database.kind === 'sqlite' && database.file !== ':memory:' ? join(dirname(database.file), 'imports') : null);
  if (chosen === null) return mkdtemp(join(tmpdir(), 'huifang-imports-')); // mkdtemp: a new name, mode 0700
  const folder = resolve(chosen);
  await mkdir(folder, { recursive: true, mode: 0o700 });
  await checkOwnFolder(folder);
  return folder;
}

/** A real directory (not a symlink) owned by this process's user; its mode is narrowed to 0700. */
export async function checkOwnFolder(folder: string): Promise<void> {
  const info = await lstat(folder);
  if (!info.isDirectory()) throw new Error(`the import folder ${folder} must be a directory, not a symbolic link or file`);
  if (process.getuid && info.uid !== process.getuid()) throw new Error(`the import folder ${folder} must belong to the user running the server`);
  if ((info.mode & 0o777) !== 0o700) await chmod(folder, 0o700);
}

/** Streams an upload to a fresh file in `folder`; the name on disk is random (never the user's file name). */
export async function saveUpload(folder: string, stream: Readable): Promise<{ path: string; bytes: number }> {
  const path = join(folder, `${randomUUID()}${UPLOAD_SUFFIX}`);
  let bytes = 0;
  stream.on('data', (chunk: Buffer) => (bytes += chunk.length));
  try {
    await pipeline(stream, createWriteStream(path, { mode: 0o600, flags: 'wx' }));
  } catch (error) {
    await rm(path, { force: true });
    throw error;
  }
  return { path, bytes };
}

/** The format named by the client, else the file's extension (`.json` is FHIR); null when neither says. */
export function importFormatOf(named: string | undefined, fileName: string): ImportFormat | null {
  if (named !== undefined) return (IMPORT_FORMATS as readonly string[]).includes(named) ? (named as ImportFormat) : null;
  const extension = extname(fileName).toLowerCase();
  return (IMPORT_FILE_EXTENSIONS as Readonly<Record<string, ImportFormat>>)[extension] ?? null;
}

/** Whether `path` is a file the server stored in `folder` (and so may delete). */
export function isServerUpload(folder: string, path: string): boolean {
  const full = resolve(path);
  return dirname(full) === resolve(folder) && basename(full).endsWith(UPLOAD_SUFFIX);
}

/** Deletes a stored upload; any other path (a file the CLI named, the HIS's own export) is left alone. */
export async function removeUpload(folder: string, path: string): Promise<void> {
  if (isServerUpload(folder, path)) await rm(path, { force: true });
}

/** Files in the upload folder older than `UPLOAD_KEEP_MS` (left by jobs never run, or by a stopped process). */
export async function staleUploads(folder: string, now = Date.now()): Promise<string[]> {
  const names = await readdir(folder).catch(() => [] as string[]);
  const stale: string[] = [];
  for (const name of names) {
    const path = join(folder, name);
    const info = await stat(path).catch(() => null);
    if (info?.isFile() && now - info.mtimeMs > UPLOAD_KEEP_MS) stale.push(path);
  }
  return stale;
}
