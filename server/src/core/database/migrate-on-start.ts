import { Logger } from '@nestjs/common';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { beginSqliteTransactionsImmediately } from './sqlite-begin-immediate';

const logger = new Logger('Migrations');

/**
 * Connects and applies pending migrations, each in its own transaction. Called by the TypeORM
 * module when it creates the connection, which it does only once the start-up lock is held
 * (database.module.ts), so no two instances migrate at once.
 */
export async function connectAndMigrate(options?: DataSourceOptions): Promise<DataSource> {
  if (!options) throw new Error('no database options');
  const dataSource = await new DataSource(options).initialize();
  // A migration on SQLite waits for another connection's write lock like any writer does.
  if (dataSource.options.type !== 'postgres') beginSqliteTransactionsImmediately(dataSource);
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    if (applied.length) logger.log(`applied ${applied.length} migration(s): ${applied.map((m) => m.name).join(', ')}`);
    return dataSource;
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
}
