import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, extname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { randomUUID } from 'node:crypto';
import { IMPORT_FORMATS, type ImportFormat } from '@huifang/shared';
import type { AppConfig } from '../core/config/app-config';

/*
 * Uploaded import files wait on disk (streamed there, never held in memory) until they are run:
 * beside the SQLite database, or in the OS temp folder when the database is PostgreSQL (or in memory).
 */

/** An upload not run within this long is removed (the job is marked failed). */
export const UPLOAD_KEEP_MS = 24 * 3_600_000;

export function uploadFolder(config: AppConfig): string {
  const { database } = config;
  if (database.kind === 'sqlite' && database.file !== ':memory:') return join(dirname(database.file), 'imports');
  return join(tmpdir(), 'huifang-imports');
}

/** Streams an upload to a fresh file in `folder`; the name on disk is random (never the user's file name). */
export async function saveUpload(folder: string, stream: Readable): Promise<{ path: string; bytes: number }> {
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const path = join(folder, `${randomUUID()}.upload`);
  let bytes = 0;
  stream.on('data', (chunk: Buffer) => (bytes += chunk.length));
  try {
    await pipeline(stream, createWriteStream(path, { mode: 0o600 }));
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
  if (extension === '.csv' || extension === '.txt') return 'csv';
  if (extension === '.xlsx') return 'xlsx';
  // Not `.ndjson`: the FHIR reader parses a file whole, and NDJSON is no one JSON document.
  if (extension === '.json') return 'fhir';
  return null;
}

export async function removeFile(path: string): Promise<void> {
  await rm(path, { force: true });
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
