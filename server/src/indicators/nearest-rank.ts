/**
 * Nearest-rank percentiles (DOMAIN.md, Statistics) in SQL that runs unchanged on SQLite, which has
 * no percentile function, and PostgreSQL. `histogram` must select `g` (bucket key), `v` (an
 * integer value) and `c` (how many rows had it). The value at rank ceil(p/100 * n) is the smallest
 * `v` whose running count reaches p/100 * n. Working on the histogram instead of the rows keeps the
 * window functions small: a year of a million encounters has only a few thousand distinct waits.
 * Yields `g, n, total (sum of v), p50, p90` and any `extra` aggregates over the histogram's columns;
 * `ctes` are further common table expressions the histogram reads.
 */
export function nearestRankSql(histogram: string, extra = '', ctes = ''): string {
  return `WITH ${ctes ? `${ctes}, ` : ''}h AS (${histogram}),
    r AS (
      SELECT h.*,
             SUM(c) OVER (PARTITION BY g ORDER BY v ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS cum,
             SUM(c) OVER (PARTITION BY g) AS n
        FROM h)
    SELECT g, MAX(n) AS n, SUM(v * c) AS total,
           MIN(CASE WHEN cum * 100 >= n * 50 THEN v END) AS p50,
           MIN(CASE WHEN cum * 100 >= n * 90 THEN v END) AS p90${extra ? `, ${extra}` : ''}
      FROM r GROUP BY g`;
}
