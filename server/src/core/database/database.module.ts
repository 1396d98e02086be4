import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Global, Module } from '@nestjs/common';
import { TypeOrmModule, type TypeOrmModuleOptions } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { connectAndMigrate } from './migrate-on-start';
import { MIGRATIONS } from './migrations';
import { SafeTypeOrmLogger } from './safe-typeorm-logger';
import { StartupLock } from './startup-lock';

/**
 * SQLite waits this long for a lock held by another connection before failing with SQLITE_BUSY.
 * better-sqlite3 waits synchronously, on the event loop, so it is short: enough for a read or a
 * commit meeting a checkpoint's brief lock. A writer waiting for the write lock waits without
 * blocking, up to ~5 s (sqlite-begin-immediate.ts).
 */
const SQLITE_BUSY_TIMEOUT_MS = 30;

export function typeOrmOptions(config: AppConfig): TypeOrmModuleOptions {
  const common = {
    autoLoadEntities: true,
    synchronize: false,
    migrations: MIGRATIONS,
    // Run by connectAndMigrate, under the start-up lock.
    migrationsRun: false,
    migrationsTransactionMode: 'each' as const,
    retryAttempts: 2,
    retryDelay: 1000,
    // Failed queries are logged without their parameters (they carry patients' data).
    logging: ['error' as const, 'warn' as const],
    logger: new SafeTypeOrmLogger(),
  };
  if (config.database.kind === 'postgres') {
    return { ...common, type: 'postgres', url: config.database.url, extra: { max: 10 } };
  }
  const { file } = config.database;
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  return {
    ...common,
    type: 'better-sqlite3',
    database: file,
    enableWAL: true,
    prepareDatabase: (db: { pragma(source: string): unknown }) => {
      db.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
      db.pragma('foreign_keys = ON');
      // An erased patient's name, phone and comments must not linger in free pages of the file.
      db.pragma('secure_delete = ON');
      // Health data: a commit the API acknowledged must survive power loss, not only a crash (docs/SECURITY.md, "Durability").
      db.pragma('synchronous = FULL');
    },
  };
}

/** The start-up lock, taken before the database connection is made (see FirstStartService for its release). */
@Global()
@Module({
  providers: [{ provide: StartupLock, inject: [AppConfig], useFactory: (config: AppConfig) => StartupLock.acquire(config) }],
  exports: [StartupLock],
})
class StartupLockModule {}

@Module({
  imports: [
    StartupLockModule,
    TypeOrmModule.forRootAsync({
      // Depending on the lock makes the connection (and the migrations) wait for it.
      inject: [AppConfig, StartupLock],
      useFactory: (config: AppConfig) => typeOrmOptions(config),
      dataSourceFactory: connectAndMigrate,
    }),
  ],
})
export class DatabaseModule {}
