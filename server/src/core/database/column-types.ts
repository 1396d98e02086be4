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

const TIMESTAMP_TYPE = kindFromEnv() === 'postgres' ? 'timestamptz' : 'datetime';

/** A UTC instant: `timestamptz` on PostgreSQL, `datetime` (stored as UTC text) on SQLite. */
export function timestampColumn(options: ColumnOptions = {}): ColumnOptions {
  return { type: TIMESTAMP_TYPE, ...options };
}

/** The same choice for migrations, which know the driver at run time. */
export function timestampTypeFor(driver: string): 'timestamptz' | 'datetime' {
  return driver === 'postgres' ? 'timestamptz' : 'datetime';
}
