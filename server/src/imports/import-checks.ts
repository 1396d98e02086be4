import { nextVisitDueProblem, type ImportRowError } from '@huifang/shared';
import type { ImportedEncounter, ImportItem } from './import-records';

/*
 * The checks on a row that need no database and that the readers cannot make (they see one cell
 * at a time): the times of a visit in order and not in the future, the expected return after the
 * visit day. Imported history is exempt from the desk's 7-day check-in limit.
 */

/** Clocks differ a little between the HIS and this server (as at the desk). */
export const CLOCK_SKEW_MS = 60_000;
export const ROW_ERROR_VALUE_MAX_LENGTH = 100;

export function rowError(row: number, field: string | null, problem: ImportRowError['problem'], value: unknown): ImportRowError {
  return { row, field, problem, value: shortValue(value) };
}

export function shortValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const text = value instanceof Date ? value.toISOString() : String(value);
  return text.length > ROW_ERROR_VALUE_MAX_LENGTH ? text.slice(0, ROW_ERROR_VALUE_MAX_LENGTH) : text;
}

/** What is wrong with a visit's times and expected return, if anything (the first problem found). */
export function encounterProblem(row: number, encounter: ImportedEncounter, visitDay: string, now: Date): ImportRowError | null {
  const latest = now.getTime() + CLOCK_SKEW_MS;
  const times = [
    ['checkedInAt', encounter.checkedInAt],
    ['calledAt', encounter.calledAt],
    ['finishedAt', encounter.finishedAt],
  ] as const;
  for (const [field, at] of times) {
    if (at && at.getTime() > latest) return rowError(row, field, 'time_in_future', at);
  }
  if (encounter.calledAt && encounter.calledAt < encounter.checkedInAt) return rowError(row, 'calledAt', 'times_out_of_order', encounter.calledAt);
  const before = encounter.calledAt ?? encounter.checkedInAt;
  if (encounter.finishedAt && encounter.finishedAt < before) return rowError(row, 'finishedAt', 'times_out_of_order', encounter.finishedAt);
  if (encounter.nextVisitDue !== null) {
    // History may name a return date further out than the desk's two years: only the order is checked.
    const problem = nextVisitDueProblem(visitDay, encounter.nextVisitDue);
    if (problem === 'date') return rowError(row, 'nextVisitDue', 'bad_date', encounter.nextVisitDue);
    if (problem === 'notAfterVisit') return rowError(row, 'nextVisitDue', 'next_visit_not_after_visit', encounter.nextVisitDue);
  }
  return null;
}

/** An imported visit without a finish time is history, not an open desk visit: finished at its last known time. */
export function finishTimeOf(encounter: Pick<ImportedEncounter, 'checkedInAt' | 'calledAt' | 'finishedAt'>): Date {
  return encounter.finishedAt ?? encounter.calledAt ?? encounter.checkedInAt;
}

/** Which count a row the reader or the importer refused falls under. */
export function failedKind(item: ImportItem): 'patients' | 'encounters' | 'responses' {
  if (item.feedback || item.failsAs) return 'responses';
  if (item.encounter) return 'encounters';
  if (item.patient) return 'patients';
  const fields = (item.errors ?? []).map((e) => e.field ?? '');
  return fields.some((f) => /^(patient|name|phone|gender|birth)/i.test(f)) && !fields.some((f) => /^(visit|encounter|department|checked|called|finished|next|charge|clinician)/i.test(f))
    ? 'patients'
    : 'encounters';
}
