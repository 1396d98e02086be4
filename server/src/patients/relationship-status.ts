import type { RelationshipStatus } from '@huifang/shared';
import { addDays, calendarDayOf, type CalendarDay } from '@huifang/shared';

/**
 * Relationship status (DOMAIN.md), derived in SQL from the patient row so lists can filter on it
 * with an index on `next_visit_due`:
 * - lapsed:  an expected return date + grace has passed with no visit on or after that date;
 * - at_risk: the expected date has passed and the grace period has not run out yet, or the
 *            patient's latest survey answer was a detractor;
 * - active:  otherwise.
 * Parameters: `:today` and `:graceStart` (= today - grace days), from `statusClock`.
 */
export interface StatusClock {
  today: CalendarDay;
  graceStart: CalendarDay;
  /** Bound as a parameter: booleans are written differently in SQLite and PostgreSQL SQL. */
  detractor: true;
}

export function statusClock(timeZone: string, graceDays: number, now = new Date()): StatusClock {
  const today = calendarDayOf(now, timeZone);
  return { today, graceStart: addDays(today, -graceDays), detractor: true };
}

const notReturned = (p: string) =>
  `(${p}.next_visit_due IS NOT NULL AND (${p}.last_visit_on IS NULL OR ${p}.last_visit_on < ${p}.next_visit_due))`;

const CONDITIONS: Record<RelationshipStatus, (p: string) => string> = {
  lapsed: (p) => `${notReturned(p)} AND ${p}.next_visit_due < :graceStart`,
  at_risk: (p) =>
    `NOT (${notReturned(p)} AND ${p}.next_visit_due < :graceStart) AND ` +
    `((${notReturned(p)} AND ${p}.next_visit_due < :today) OR ${p}.latest_survey_detractor = :detractor)`,
  active: (p) => `NOT (${notReturned(p)} AND ${p}.next_visit_due < :today) AND ${p}.latest_survey_detractor <> :detractor`,
};

/** A WHERE condition selecting patients (alias `p`) in `status`. */
export function statusCondition(status: RelationshipStatus, alias = 'p'): string {
  return `(${CONDITIONS[status](alias)})`;
}

/** A SELECT expression giving each patient's status. */
export function statusExpression(alias = 'p'): string {
  return `CASE WHEN ${CONDITIONS.lapsed(alias)} THEN 'lapsed' WHEN ${CONDITIONS.at_risk(alias)} THEN 'at_risk' ELSE 'active' END`;
}
