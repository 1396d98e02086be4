import { REBUILD_WAIT_MONTHLY } from '../../encounters/wait-rollup';
import { IndicatorSql } from '../indicator-sql';
import { fixedOffsetMinutes } from '../indicator-sql.provider';
import { rebuildCallbackRollupSql } from './callback-rollup';
import { rebuildRatingRollupSql } from './rating-rollup';
import { rebuildSurveyRollupSql } from './survey-rollup';

/**
 * Every statement that recomputes the indicator rollups from their source rows, for one database
 * kind and hospital time zone: the follow-up (callback_daily, callback_duration_daily), the
 * satisfaction (survey_daily), the dimension (survey_rating_daily) and the wait (wait_monthly) ones.
 * Run them in one transaction. Plain SQL, so loaders outside the app (the benchmark's generator,
 * with better-sqlite3) use them too. On SQLite a zone with daylight saving needs the app's
 * `hf_local_day()` function registered on the connection (`registerLocalDay`).
 */
export function rebuildRollupsSql(kind: 'sqlite' | 'postgres', timeZone: string): string[] {
  const sql = new IndicatorSql(null, fixedOffsetMinutes(timeZone), timeZone, kind === 'postgres');
  // The wait rollup is counted by the call itself: the rebuild waits for (then holds off) those writers too.
  const lock = kind === 'postgres' ? ['LOCK TABLE wait_monthly IN SHARE ROW EXCLUSIVE MODE'] : [];
  return [
    ...rebuildCallbackRollupSql(sql, timeZone),
    ...rebuildSurveyRollupSql(sql, timeZone),
    ...rebuildRatingRollupSql(kind === 'postgres'),
    ...lock,
    ...REBUILD_WAIT_MONTHLY,
  ];
}
