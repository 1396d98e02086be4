import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource, DataSourceOptions, MigrationInterface } from 'typeorm';

const SERVER_SRC = join(__dirname, '..', '..', '..');

function entityFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entityFiles(path);
    return entry.name.endsWith('.entity.ts') ? [path] : [];
  });
}

/**
 * A DataSource (not initialized) over the app's entities (every `*.entity.ts`, so a new entity is
 * covered without a list to keep) and migrations, for one database URL. Entity column types depend
 * on DATABASE_URL when their modules load (core/database/column-types.ts), so they are loaded
 * afresh, with TypeORM itself, in an isolated module registry under that URL.
 * `migrationsBefore` (a migration class name) leaves that migration and the later ones out;
 * `migrationsThrough` leaves out only the later ones. `alongside` runs in the same registry: a spec
 * requires there the app code it drives over this data source (code that names an entity class must
 * see the same classes).
 */
export function appDataSource(
  url: string,
  { migrationsBefore, migrationsThrough }: { migrationsBefore?: string; migrationsThrough?: string } = {},
  alongside?: () => void,
): DataSource {
  let dataSource: DataSource | undefined;
  const previous = process.env['DATABASE_URL'];
  process.env['DATABASE_URL'] = url;
  try {
    jest.isolateModules(() => {
      const typeorm = require('typeorm') as typeof import('typeorm');
      const classes = entityFiles(SERVER_SRC).flatMap((file) =>
        Object.values(require(file) as Record<string, unknown>).filter((value) => typeof value === 'function'),
      );
      const tables = new Set(typeorm.getMetadataArgsStorage().tables.map((table) => table.target));
      const { MIGRATIONS } = require('../migrations') as { MIGRATIONS: (new () => MigrationInterface)[] };
      const named = migrationsBefore ?? migrationsThrough;
      const index = named ? MIGRATIONS.findIndex((migration) => migration.name === named) : MIGRATIONS.length;
      if (index < 0) throw new Error(`no migration ${named}`);
      const until = migrationsThrough ? index + 1 : index;
      const entities = classes.filter((c) => tables.has(c as never)) as never[];
      const common = { entities, migrations: MIGRATIONS.slice(0, until), migrationsTransactionMode: 'each' as const };
      const options: DataSourceOptions = url.startsWith('sqlite:')
        ? { ...common, type: 'better-sqlite3', database: url.slice('sqlite:'.length), enableWAL: true, prepareDatabase: (db: { pragma(s: string): unknown }) => void db.pragma('foreign_keys = ON') }
        : { ...common, type: 'postgres', url };
      dataSource = new typeorm.DataSource(options);
      alongside?.();
    });
  } finally {
    if (previous === undefined) delete process.env['DATABASE_URL'];
    else process.env['DATABASE_URL'] = previous;
  }
  if (!dataSource) throw new Error('no data source');
  return dataSource;
}

/** The statements TypeORM would run to make the database match the entities; none when they agree. */
export async function pendingSchemaChanges(dataSource: DataSource): Promise<string[]> {
  const log = await dataSource.driver.createSchemaBuilder().log();
  return log.upQueries.map((query) => query.query);
}
