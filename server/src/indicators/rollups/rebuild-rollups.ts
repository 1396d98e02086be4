import { rebuildChurnOrderSql } from '../../encounters/churn-order';
import { IndicatorSql } from '../indicator-sql';
import { fixedOffsetMinutes } from '../indicator-sql.provider';
import { CALLBACK_ROLLUP, rebuildCallbackRollupSql } from './callback-rollup';
import { rebuildDriverRollupSql } from './driver-rollup';
import { rebuildRatingRollupSql } from './rating-rollup';
import { rebuildStatusAndWaitSql } from './status-and-wait-rollups';
import { SURVEY_ROLLUP, rebuildSurveyRollupSql } from './survey-rollup';

/**
 * Every statement that recomputes the indicator rollups from their source rows, for one database
 * kind and hospital time zone: the follow-up (callback_daily, callback_duration_daily), the
 * satisfaction (survey_daily), the dimension (survey_rating_daily), the wait (wait_histogram),
 * the drivers' (driver_count) and the status-count ones, and the churn cohort's order columns of the encounters.
 * Run them in one transaction. Plain SQL, so loaders outside the app (the benchmark's generator,
 * with better-sqlite3) use them too. On SQLite a zone with daylight saving needs the app's
 * `hf_local_day()` function registered on the connection (`registerLocalDay`).
 */
export function rebuildRollupsSql(kind: 'sqlite' | 'postgres', timeZone: string): string[] {
  const sql = new IndicatorSql(null, fixedOffsetMinutes(timeZone), timeZone, kind === 'postgres');
  return [
    // The drivers' journal first: a response's or answer's triggers write it before the survey journals
    // (PostgreSQL fires them in name order, `…_drivers` before `…_rollup`), so the rebuild's locks are
    // taken in a writer's order and the two cannot deadlock on them.
    ...rebuildDriverRollupSql(sql),
    ...rebuildZonedRollupsSql(kind, timeZone, [CALLBACK_ROLLUP, SURVEY_ROLLUP]),
    ...rebuildStatusAndWaitSql(sql),
    ...rebuildChurnOrderSql(kind),
  ];
}

/**
 * Only the rollups named (their `rollup_state` names), e.g. those never built or built in another
 * zone at start-up: a server upgraded to a new rollup builds that one, not all of them. The survey
 * rollup's dimension counts came with it (migration 1765950000000) and are rebuilt with it.
 */
export function rebuildZonedRollupsSql(kind: 'sqlite' | 'postgres', timeZone: string, names: readonly string[]): string[] {
  const sql = new IndicatorSql(null, fixedOffsetMinutes(timeZone), timeZone, kind === 'postgres');
  return [
    ...(names.includes(CALLBACK_ROLLUP) ? rebuildCallbackRollupSql(sql, timeZone) : []),
    ...(names.includes(SURVEY_ROLLUP) ? [...rebuildSurveyRollupSql(sql, timeZone), ...rebuildRatingRollupSql(kind === 'postgres')] : []),
  ];
}
