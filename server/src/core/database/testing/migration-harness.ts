import type { DataSource } from 'typeorm';
import { appDataSource } from './app-schema';
import { createScratchDatabase, type ScratchDatabase, type ScratchKind } from './scratch-database';

export interface MigrationHarness {
  /** Runs the migrations on it (all, those before `migrationsBefore`, or up to `migrationsThrough`); closed and dropped after the test. */
  migrate(options?: { migrationsBefore?: string; migrationsThrough?: string }): Promise<DataSource>;
}

/**
 * For a migration's spec, inside its `describe`: a scratch database per test, migrated to the state
 * before the migration by one call and past it by another, every data source closed and the
 * database dropped after each test.
 */
export function migrationHarness(kind: ScratchKind): MigrationHarness {
  let db: ScratchDatabase | undefined;
  const sources: DataSource[] = [];
  beforeEach(async () => {
    db = await createScratchDatabase(kind);
  });
  afterEach(async () => {
    for (const source of sources.splice(0)) if (source.isInitialized) await source.destroy();
    await db?.drop();
  });
  const current = () => {
    if (!db) throw new Error('the scratch database exists inside a test only');
    return db;
  };
  return {
    async migrate(options = {}) {
      const source = appDataSource(current().url, options);
      sources.push(source);
      await source.initialize();
      await source.runMigrations({ transaction: 'each' });
      return source;
    },
  };
}
