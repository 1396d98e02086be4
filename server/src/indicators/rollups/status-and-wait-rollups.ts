import { rebuildWaitHistogramSql } from '../../encounters/wait-histogram';
import { rebuildStatusCountsSql } from '../../patients/status-rollup';
import type { IndicatorSql } from '../indicator-sql';

/** The statements rebuilding the status counts and the wait histograms (part of `rebuildRollupsSql`). */
export function rebuildStatusAndWaitSql(sql: IndicatorSql): string[] {
  return [...rebuildStatusCountsSql(sql.isPostgres), ...rebuildWaitHistogramSql(sql)];
}
