import { DataSource } from 'typeorm';
import { loadConfig } from '../../core/config/app-config';
import { beginSqliteTransactionsImmediately } from '../../core/database/sqlite-begin-immediate';
import { fixedOffsetMinutes, registerLocalDay } from '../indicator-sql.provider';
import { rebuildRollupsSql } from './rebuild-rollups';

/*
 * `npm run rollups:rebuild`: recomputes the indicator rollups from their source rows on DATABASE_URL
 * in the hospital's time zone (HUIFANG_TIMEZONE), in one transaction. Safe while servers run (they
 * wait for it on PostgreSQL; on SQLite it is one more writer). Needed only after rows were changed
 * behind the app's back, or to check the incremental rollup against a fresh one.
 */
async function main(): Promise<string> {
  const config = loadConfig();
  const postgres = config.database.kind === 'postgres';
  const dataSource = new DataSource(
    config.database.kind === 'postgres'
      ? { type: 'postgres', url: config.database.url }
      : { type: 'better-sqlite3', database: config.database.file, prepareDatabase: (db: { pragma(s: string): unknown }) => void db.pragma('busy_timeout = 30') },
  );
  await dataSource.initialize();
  try {
    if (!postgres) {
      beginSqliteTransactionsImmediately(dataSource);
      if (fixedOffsetMinutes(config.timeZone) === null) registerLocalDay(dataSource, config.timeZone);
    }
    const statements = rebuildRollupsSql(config.database.kind, config.timeZone);
    const began = Date.now();
    await dataSource.transaction(async (manager) => {
      for (const statement of statements) await manager.query(statement);
    });
    return `rebuilt the indicator rollups in ${Date.now() - began} ms`;
  } finally {
    await dataSource.destroy();
  }
}

main()
  .then((message) => process.stdout.write(`${message}\n`))
  .catch((error: Error) => {
    process.stderr.write(`huifang: rollups:rebuild failed: ${error.message}\n`);
    process.exit(1);
  });
