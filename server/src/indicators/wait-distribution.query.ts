import { WAIT_BAND_KEYS, type WaitBand } from '@huifang/shared';
import { waitBandKeySql } from '../surveys/band-sql';
import { num, type IndicatorScope } from './indicator-scope';
import type { IndicatorSql } from './indicator-sql';

/**
 * Visits with a wait (DOMAIN.md: wait = calledAt - checkedInAt, counted by check-in day) per shared
 * WAIT_BANDS, from the encounters themselves: the histograms round waits to tenths of a minute, which
 * cannot tell a wait of exactly 15:00 from 14:58. IDX_encounter_day_wait covers the read.
 */
export async function waitBandCounts(sql: IndicatorSql, scope: IndicatorScope): Promise<Map<WaitBand, number>> {
  const rows = await sql.query<Record<string, unknown>>(
    `SELECT ${waitBandKeySql('e.wait_seconds')} AS band, COUNT(*) AS n FROM encounter e
      WHERE e.checked_in_on BETWEEN :from AND :to AND e.wait_seconds IS NOT NULL
        ${scope.departmentId === null ? '' : 'AND e.department_id = :departmentId'}
      GROUP BY 1`,
    { ...scope },
  );
  const counts = new Map<WaitBand, number>(WAIT_BAND_KEYS.map((band) => [band, 0]));
  for (const row of rows) if (counts.has(row['band'] as WaitBand)) counts.set(row['band'] as WaitBand, num(row['n']));
  return counts;
}
