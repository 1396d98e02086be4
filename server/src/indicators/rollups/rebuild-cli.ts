import { loadConfig } from '../../core/config/app-config';
import { beginSqliteTransactionsImmediately } from '../../core/database/sqlite-begin-immediate';
import { fixedOffsetMinutes, registerLocalDay } from '../indicator-sql.provider';
import { rebuildRollupsSql } from './rebuild-rollups';
import { assertRollupZone, commandDataSource } from './rollup-zone';

/*
 * `npm run rollups:rebuild`: recomputes the indicator rollups from their source rows on DATABASE_URL
 * in the hospital's time zone (HUIFANG_TIMEZONE, which must be the zone they were built in: see
 * rollup-zone.ts), in one transaction. Safe while servers run (they wait for it on PostgreSQL; on
 * SQLite it is one more writer, waiting up to 5 s for the write lock). Needed only after rows were changed
 * behind the app's back, or to check the incremental rollup against a fresh one.
 */
async function main(): Promise<string> {
  const config = loadConfig();
  const postgres = config.database.kind === 'postgres';
  const dataSource = commandDataSource(config);
  await dataSource.initialize();
  try {
    await assertRollupZone(dataSource, config.timeZone);
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
