import { npsBandName, WAIT_BAND_KEYS, type DriverCounts, type NpsBandName, type WaitBand } from '@huifang/shared';
import type { IndicatorScope } from './indicator-scope';
import type { IndicatorSql } from './indicator-sql';
import { readDriverCounts, type DriverCountRow } from './rollups/driver-rollup';

/*
 * The counts behind the drivers of dissatisfaction (shared/src/lib/drivers.ts works the figures out
 * of them): responses by submission day and department, as the satisfaction figures count them,
 * read from the `driver_count` rollup (rollups/driver-rollup.ts) by whole months, weeks and days.
 */
export async function driverCounts(sql: IndicatorSql, scope: IndicatorScope): Promise<DriverCounts> {
  const rows = await readDriverCounts(sql, scope.from, scope.to, scope.departmentId);
  const themeKeys = [...new Set(rows.filter((row) => row.kind === 'theme').map((row) => row.label))];
  const names = new Map(
    themeKeys.length === 0
      ? []
      : (
          await sql.query<Record<string, unknown>>(
            `SELECT c.key, c.name_zh, c.name_en FROM comment_theme c WHERE c.key IN (${themeKeys.map((_, i) => `:k${i}`).join(', ')})`,
            Object.fromEntries(themeKeys.map((key, i) => [`k${i}`, key])),
          )
        ).map((row) => [String(row['key']), { nameZh: String(row['name_zh']), nameEn: String(row['name_en']) }]),
  );
  const of = (kind: DriverCountRow['kind']) => rows.filter((row) => row.kind === kind);
  const orNull = (answer: number) => (answer === -1 ? null : answer); // -1: no answer (driver-rollup.ts)
  /** Counts summed by NPS band (rows of the same label and band added up). */
  const byBand = (kind: 'commented' | 'theme') => {
    const sums = new Map<string, { label: string; band: NpsBandName; count: number }>();
    for (const row of of(kind)) {
      const band = npsBandName(row.x);
      if (band === null) continue;
      const key = `${row.label}\u0000${band}`;
      const sum = sums.get(key) ?? { label: row.label, band, count: 0 };
      sum.count += row.n;
      sums.set(key, sum);
    }
    return [...sums.values()];
  };
  return {
    commented: byBand('commented').map(({ band, count }) => ({ band, count })),
    // A theme whose catalog row is gone is left out, as the join of the source rows did.
    themes: byBand('theme').flatMap(({ label, band, count }) => {
      const name = names.get(label);
      return name ? [{ theme: label, ...name, band, count }] : [];
    }),
    ratings: of('rating').map((row) => ({ dimension: row.label, rating: row.x, nps: orNull(row.y), count: row.n })),
    waits: of('wait')
      .filter((row) => WAIT_BAND_KEYS.includes(row.label as WaitBand))
      .map((row) => ({ band: row.label as WaitBand, nps: orNull(row.x), csat: orNull(row.y), count: row.n })),
  };
}
