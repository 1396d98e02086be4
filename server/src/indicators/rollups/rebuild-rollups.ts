import { IndicatorSql } from '../indicator-sql';
import { fixedOffsetMinutes } from '../indicator-sql.provider';
import { rebuildCallbackRollupSql } from './callback-rollup';
import { rebuildStatusAndWaitSql } from './status-and-wait-rollups';

/**
 * Every statement that recomputes the indicator rollups from their source rows, for one database
 * kind and hospital time zone; run them in one transaction. Plain SQL, so loaders outside the app
 * (the benchmark's generator, with better-sqlite3) use them too. On SQLite a zone with daylight
 * saving needs the app's `hf_local_day()` function registered on the connection (`registerLocalDay`).
 */
export function rebuildRollupsSql(kind: 'sqlite' | 'postgres', timeZone: string): string[] {
  const sql = new IndicatorSql(null, fixedOffsetMinutes(timeZone), timeZone, kind === 'postgres');
  return [...rebuildCallbackRollupSql(sql, timeZone), ...rebuildStatusAndWaitSql(sql)];
}
