import type { ColumnOptions } from 'typeorm';
import { parseDatabaseUrl } from './database-url';

/*
 * SQLite and PostgreSQL name their timestamp types differently and TypeORM accepts no common name
 * for a zone-aware instant. Entity decorators run when their module loads, before Nest reads its
 * configuration, so the kind comes straight from DATABASE_URL (validated again, loudly, at start-up).
 */
function kindFromEnv(): 'sqlite' | 'postgres' {
  try {
    return parseDatabaseUrl(process.env['DATABASE_URL']).kind;
  } catch {
    return 'sqlite';
  }
}

const KIND = kindFromEnv();
const TIMESTAMP_TYPE = KIND === 'postgres' ? 'timestamptz' : 'datetime';

/**
 * The default "now" the migrations give timestamp columns: on SQLite with milliseconds (TypeORM's
 * own `datetime('now')` has whole seconds). Declared on every such column so entities and schema agree.
 */
const NOW_SQL = KIND === 'postgres' ? 'now()' : "(strftime('%Y-%m-%d %H:%M:%f', 'now'))";

/** A UTC instant: `timestamptz` on PostgreSQL, `datetime` (stored as UTC text) on SQLite. */
export function timestampColumn(options: ColumnOptions = {}): ColumnOptions {
  return { type: TIMESTAMP_TYPE, ...options };
}

/** A UTC instant that defaults to the time of the insert (for CreateDateColumn, UpdateDateColumn and the like). */
export function timestampColumnDefaultNow(options: ColumnOptions = {}): ColumnOptions {
  return timestampColumn({ default: () => NOW_SQL, ...options });
}

/** The same choice for migrations, which know the driver at run time. */
export function timestampTypeFor(driver: string): 'timestamptz' | 'datetime' {
  return driver === 'postgres' ? 'timestamptz' : 'datetime';
}
