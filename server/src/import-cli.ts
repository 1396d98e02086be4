import { readdirSync, statSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { BadRequestException } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { SingleBar } from 'cli-progress';
import { IMPORT_ENCODINGS, IMPORT_FILE_EXTENSIONS, IMPORT_FORMATS, type ImportColumnMapping, type ImportEncoding, type ImportField, type ImportFormat, type ImportJob } from '@huifang/shared';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { ConfigError, loadConfig, type AppConfig } from './core/config/app-config';
import { checkpointAfterBulkLoad, tuneForBulkLoad } from './core/database/bulk-load-settings';
import { importFormatOf } from './imports/import-files';
import { ImportJobsService } from './imports/import-jobs.service';
import { ImportMappingsService } from './imports/import-mappings.service';
import { assertRollupZoneBeforeImport } from './indicators/rollups/rollup-zone';

/*
 * `npm run import -- <file or folder> [--mapping name] [--format fhir|csv|xlsx|nhs_fft] [--encoding …]`:
 * the nightly load from the HIS. The same importer as the Import page, on DATABASE_URL; every file
 * is a job in the import history (started by nobody). A folder imports each .csv, .xlsx and .json
 * in it. Exit code 1 when any row failed (or a file could not be imported), 2 on a usage error.
 */

const USAGE = 'usage: npm run import -- <file or folder> [--mapping name] [--format fhir|csv|xlsx|nhs_fft] [--encoding auto|utf-8|gb18030]';
const POLL_MS = 250;

class UsageError extends Error {}

interface CliOptions {
  target: string;
  mapping?: string;
  format?: ImportFormat;
  encoding: ImportEncoding;
}

export function parseImportArgs(args: readonly string[]): CliOptions {
  let target: string | undefined;
  const options: Partial<CliOptions> = { encoding: 'auto' };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = () => {
      const next = args[++i];
      if (next === undefined || next.startsWith('--')) throw new UsageError(`${arg} needs a value`);
      return next;
    };
    if (arg === '--mapping') options.mapping = value();
    else if (arg === '--format') {
      const format = value();
      if (!(IMPORT_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${IMPORT_FORMATS.join(', ')}`);
      options.format = format as ImportFormat;
    } else if (arg === '--encoding') {
      const encoding = value();
      if (!(IMPORT_ENCODINGS as readonly string[]).includes(encoding)) throw new UsageError(`--encoding must be one of ${IMPORT_ENCODINGS.join(', ')}`);
      options.encoding = encoding as ImportEncoding;
    } else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}`);
    else if (target === undefined) target = arg;
    else throw new UsageError('give one file or folder');
  }
  if (!target) throw new UsageError('no file or folder given');
  return { ...options, target, encoding: options.encoding ?? 'auto' };
}

/** The files to import: the one given, or each .csv / .xlsx / .json of a folder, in name order. */
function filesOf(target: string): string[] {
  const path = resolve(target);
  let info;
  try {
    info = statSync(path);
  } catch {
    throw new UsageError(`${target} does not exist`);
  }
  if (!info.isDirectory()) return [path];
  return readdirSync(path)
    .filter((name) => Object.hasOwn(IMPORT_FILE_EXTENSIONS, extname(name).toLowerCase()))
    .sort()
    .map((name) => join(path, name))
    .filter((file) => statSync(file).isFile());
}

async function importOne(jobs: ImportJobsService, mappings: ImportMappingsService, file: string, options: CliOptions): Promise<ImportJob> {
  const format = options.format ?? importFormatOf(undefined, file);
  if (!format) throw new UsageError(`${basename(file)}: cannot tell its format; give --format`);
  // Checked before any job is recorded: a wrong name leaves nothing behind.
  const saved = options.mapping ? await mappings.find(options.mapping) : undefined;
  if (options.mapping && !saved) throw new UsageError(`no saved mapping named ${options.mapping}`);
  // The job's path is the user's own file: the server only ever deletes files in its upload folder.
  const upload = await jobs.createFromUpload({ path: file, bytes: statSync(file).size, fileName: basename(file) }, format, options.encoding, null);
  const mapping = saved ?? upload.suggestedMapping;
  try {
    await jobs.run(upload.job.id, { mapping, encoding: options.encoding }, null);
  } catch (error) {
    // A job that cannot run is failed now, not left `uploaded` for someone to run from the Import page.
    await jobs.failUploaded(upload.job.id);
    throw new Error(unfitMappingMessage(error, mapping, upload.columns) ?? (error as Error).message);
  }
  const bar = new SingleBar({ stream: process.stderr, format: `${basename(file)} [{bar}] {percentage}% | {rows} rows`, hideCursor: true });
  bar.start(Math.max(upload.job.bytesTotal, 1), 0, { rows: 0 });
  const timer = setInterval(() => {
    void jobs.get(upload.job.id).then((job) => bar.update(job.bytesDone, { rows: job.rowsDone }), () => undefined);
  }, POLL_MS);
  await jobs.settled();
  clearInterval(timer);
  const job = await jobs.get(upload.job.id);
  bar.update(job.bytesTotal, { rows: job.rowsDone });
  bar.stop();
  return job;
}

/** A mapping that does not fit the file, in words: which fields lack a column, and which columns the file has. */
export function unfitMappingMessage(error: unknown, mapping: ImportColumnMapping, columns: readonly string[]): string | null {
  const response = error instanceof BadRequestException ? (error.getResponse() as { params?: { fields?: unknown } }) : null;
  const fields = response?.params?.fields;
  if (!Array.isArray(fields) || !fields.every((f): f is string => typeof f === 'string' && f.startsWith('mapping.'))) return null;
  const problems = fields.map((f) => {
    const field = f.slice('mapping.'.length) as ImportField;
    const column = mapping[field];
    return column ? `${field} → column "${column}" is not in the file` : `${field} is not mapped to any column`;
  });
  return `the mapping does not fit the file: ${problems.join('; ')} (the file's columns: ${columns.join(', ')})`;
}

function report(job: ImportJob): string {
  const s = job.summary;
  if (!s) return `${job.fileName}: ${job.status}`;
  const counts = (c: { created: number; updated: number; unchanged: number; failed: number }) =>
    `${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged, ${c.failed} failed`;
  const lines = [`${job.fileName}: ${job.status} (job ${job.id}, ${job.rowsDone} rows)`];
  // Feedback files bring survey responses only; history files patients and visits.
  if (job.format === 'nhs_fft') lines.push(`  responses:  ${counts(s.responses ?? { created: 0, updated: 0, unchanged: 0, failed: 0 })}`);
  else lines.push(`  patients:   ${counts(s.patients)}`, `  encounters: ${counts(s.encounters)}`);
  const skipped = Object.entries(s.skippedByType);
  if (skipped.length) lines.push(`  skipped:    ${skipped.map(([type, n]) => `${type} ${n}`).join(', ')}`);
  if (s.unmappedDepartments.length) lines.push(`  unmapped departments: ${s.unmappedDepartments.join(', ')}`);
  if (s.errorCount) lines.push(`  ${s.errorCount} row errors: see the Import page or GET /api/imports/${job.id}/errors`);
  return lines.join('\n');
}

async function main(args: string[]): Promise<number> {
  let options: CliOptions;
  let files: string[];
  let config: AppConfig;
  try {
    options = parseImportArgs(args);
    files = filesOf(options.target);
    if (files.length === 0) throw new UsageError(`no ${Object.keys(IMPORT_FILE_EXTENSIONS).join(', ')} files in ${options.target}`);
    config = loadConfig();
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n${USAGE}\n`);
      return 2;
    }
    throw error;
  }
  try {
    await assertRollupZoneBeforeImport(config);
  } catch (error) {
    process.stderr.write(`import refused: ${(error as Error).message}\n`);
    return 2;
  }
  const app = await NestFactory.createApplicationContext(
    // The whole app without its HTTP server (so the FHIR reader registers as usual), minus the
    // server's upkeep of import jobs: it would mark a running server's jobs failed.
    AppModule.forRoot(config, { cli: true }),
    { logger: ['error', 'warn'] },
  );
  let failed = false;
  try {
    const dataSource = app.get(DataSource);
    await tuneForBulkLoad(dataSource);
    const jobs = app.get(ImportJobsService);
    const mappings = app.get(ImportMappingsService);
    for (const file of files) {
      try {
        const job = await importOne(jobs, mappings, file, options);
        await checkpointAfterBulkLoad(dataSource);
        process.stdout.write(report(job) + '\n');
        if (job.status !== 'done' || (job.summary?.errorCount ?? 0) > 0) failed = true;
      } catch (error) {
        if (error instanceof UsageError) {
          process.stderr.write(`${error.message}\n${USAGE}\n`);
          return 2;
        }
        // One unreadable file does not stop the others; its message names no patient.
        process.stderr.write(`${basename(file)}: ${(error as Error).message}\n`);
        failed = true;
      }
    }
  } finally {
    await app.close();
  }
  return failed ? 1 : 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: Error) => {
      process.stderr.write(`import failed: ${error.message}\n`);
      process.exit(1);
    },
  );
}
