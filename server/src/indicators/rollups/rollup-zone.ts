import { existsSync } from 'node:fs';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../../core/config/app-config';

/** How long a maintenance command waits for SQLite's write lock (a running server's commit). */
export const COMMAND_BUSY_TIMEOUT_MS = 5_000;

/** A connection for a maintenance command (not the app's: no entities, no migrations). */
export function commandDataSource(config: AppConfig): DataSource {
  return new DataSource(
    config.database.kind === 'postgres'
      ? { type: 'postgres', url: config.database.url }
      : {
          type: 'better-sqlite3',
          database: config.database.file,
          // A command may wait on its own thread: nothing else runs in it.
          prepareDatabase: (db: { pragma(source: string): unknown }) => void db.pragma(`busy_timeout = ${COMMAND_BUSY_TIMEOUT_MS}`),
        },
  );
}

/**
 * The rollups hold calendar days of the zone they were built in (`rollup_state`). A command run
 * with another HUIFANG_TIMEZONE than the servers' would write days of its own zone (an import: the
 * visit days; `rollups:rebuild`: every rollup row), which the running servers then read as theirs.
 * So commands refuse a zone other than the rollups'; a server started with a new zone rebuilds
 * them itself.
 */
export async function assertRollupZone(dataSource: DataSource, timeZone: string): Promise<void> {
  const runner = dataSource.createQueryRunner();
  try {
    if (!(await runner.hasTable('rollup_state'))) return; // not migrated yet: nothing built
    const rows = (await runner.query('SELECT DISTINCT time_zone AS zone FROM rollup_state')) as { zone: string }[];
    const built = rows.find((row) => row.zone !== timeZone);
    if (built) {
      throw new Error(
        `the indicator rollups of this database are in ${built.zone}, HUIFANG_TIMEZONE is ${timeZone}: run the command with the servers' HUIFANG_TIMEZONE (a server started with a new zone rebuilds the rollups itself)`,
      );
    }
  } finally {
    await runner.release();
  }
}

/** The same check before an import builds the whole app (whose start would rebuild the rollups in the command's zone). */
export async function assertRollupZoneBeforeImport(config: AppConfig): Promise<void> {
  if (config.database.kind === 'sqlite' && (config.database.file === ':memory:' || !existsSync(config.database.file))) return;
  const dataSource = commandDataSource(config);
  await dataSource.initialize();
  try {
    await assertRollupZone(dataSource, config.timeZone);
  } finally {
    await dataSource.destroy();
  }
}
