import { WAIT_BAND_KEYS, type DriverCounts, type NpsBandName, type WaitBand } from '@huifang/shared';
import { npsBandKeySql, waitBandKeySql } from '../surveys/band-sql';
import { num, type IndicatorScope } from './indicator-scope';
import type { IndicatorSql } from './indicator-sql';

/*
 * The counts behind the drivers of dissatisfaction (shared/src/lib/drivers.ts works the figures out
 * of them): responses by submission day and department, as the satisfaction figures count them.
 * Read from the source rows through their indexes (no rollup yet): `response_theme` carries the
 * response's day, department and NPS for this (IDX_response_theme_day); ratings join their
 * response; wait bands join the response's visit.
 */
export async function driverCounts(sql: IndicatorSql, scope: IndicatorScope): Promise<DriverCounts> {
  const inScope = (alias: string) =>
    `${alias}.submitted_on BETWEEN :from AND :to ${scope.departmentId === null ? '' : `AND ${alias}.department_id = :departmentId`}`;
  const params = { from: scope.from, to: scope.to, departmentId: scope.departmentId };
  // A comment counts once tagged (its sentiment is set then, with or without a theme found).
  const commented = await sql.query<Record<string, unknown>>(
    `SELECT ${npsBandKeySql('r.nps')} AS band, COUNT(*) AS c FROM survey_response r
      WHERE ${inScope('r')} AND r.comment_sentiment IS NOT NULL AND r.nps IS NOT NULL
      GROUP BY 1`,
    params,
  );
  const themes = await sql.query<Record<string, unknown>>(
    `SELECT t.theme_key AS theme, c.name_zh, c.name_en, t.band, t.c FROM
       (SELECT t.theme_key, ${npsBandKeySql('t.nps')} AS band, COUNT(*) AS c FROM response_theme t
         WHERE ${inScope('t')} AND t.nps IS NOT NULL GROUP BY 1, 2) t
       JOIN comment_theme c ON c.key = t.theme_key`,
    params,
  );
  const ratings = await sql.query<Record<string, unknown>>(
    `SELECT a.dimension, a.value_number AS rating, r.nps, COUNT(*) AS c
       FROM survey_response r JOIN survey_answer a ON a.response_id = r.id
      WHERE ${inScope('r')} AND a.kind = 'rating' AND a.dimension IS NOT NULL AND a.value_number IS NOT NULL
      GROUP BY 1, 2, 3`,
    params,
  );
  const waits = await sql.query<Record<string, unknown>>(
    `SELECT ${waitBandKeySql('e.wait_seconds')} AS band, r.nps, r.csat, COUNT(*) AS c
       FROM survey_response r JOIN encounter e ON e.id = r.encounter_id
      WHERE ${inScope('r')} AND e.wait_seconds IS NOT NULL
      GROUP BY 1, 2, 3`,
    params,
  );
  const orNull = (value: unknown) => (value === null || value === undefined ? null : Number(value));
  return {
    commented: commented.map((row) => ({ band: row['band'] as NpsBandName, count: num(row['c']) })),
    themes: themes.map((row) => ({
      theme: String(row['theme']),
      nameZh: String(row['name_zh']),
      nameEn: String(row['name_en']),
      band: row['band'] as NpsBandName,
      count: num(row['c']),
    })),
    ratings: ratings.map((row) => ({ dimension: String(row['dimension']), rating: num(row['rating']), nps: orNull(row['nps']), count: num(row['c']) })),
    waits: waits
      .filter((row) => WAIT_BAND_KEYS.includes(row['band'] as WaitBand))
      .map((row) => ({ band: row['band'] as WaitBand, nps: orNull(row['nps']), csat: orNull(row['csat']), count: num(row['c']) })),
  };
}
