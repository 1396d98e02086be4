import type { EntityManager } from 'typeorm';
import { runRawSql } from '../core/database/raw-sql';

/*
 * Dimension scores (DOMAIN.md: top-2-box % and mean of each rating dimension) over a year are
 * several hundred thousand answers, each to be joined to its response for the day and the
 * department. Answers never change once submitted, so a daily count per department, dimension and
 * value (`survey_rating_daily`, at most 5 rows per dimension, department and day) answers the same
 * question exactly, without the join.
 */

/** Adds one response's rating answers to the daily counts (inside the submission's transaction). */
export async function countRatings(
  manager: EntityManager,
  response: { submittedOn: string; departmentId: number },
  ratings: { dimension: string; value: number }[],
): Promise<void> {
  for (const rating of ratings) {
    await runRawSql(
      manager,
      `INSERT INTO survey_rating_daily (day, department_id, dimension, value, n) VALUES ($1, $2, $3, $4, 1)
       ON CONFLICT (day, department_id, dimension, value) DO UPDATE SET n = survey_rating_daily.n + 1`,
      [response.submittedOn, response.departmentId, rating.dimension, rating.value],
    );
  }
}

/** Rebuilds the daily counts from the answers (migration, demo data, bulk loads). Plain SQL for both databases. */
export const REBUILD_RATING_COUNTS = [
  'DELETE FROM survey_rating_daily',
  `INSERT INTO survey_rating_daily (day, department_id, dimension, value, n)
   SELECT r.submitted_on, r.department_id, a.dimension, a.value_number, COUNT(*)
     FROM survey_answer a JOIN survey_response r ON r.id = a.response_id
    WHERE a.kind = 'rating' AND a.dimension IS NOT NULL AND a.value_number IS NOT NULL
    GROUP BY r.submitted_on, r.department_id, a.dimension, a.value_number`,
];

export async function rebuildRatingCounts(manager: EntityManager): Promise<void> {
  for (const sql of REBUILD_RATING_COUNTS) await manager.query(sql);
}
