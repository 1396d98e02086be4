/*
 * Today's count of patients per relationship status scanned every patient (100k at 1M encounters,
 * 1M at 10M). A patient's status is a function of four columns and today (relationship-status.ts):
 * the department, whether a return is outstanding and since which due date (`next_visit_due` while
 * no visit came on or after it), and the detractor flag. `patient_status_counts` keeps how many
 * patients share each such key; the status rule applied to the keys, weighted by their counts, gives
 * exactly the patients' counts. The keys are bounded by departments × due days × 2, not by patients.
 *
 * Patient rows change on many paths (check-ins, finishing visits, surveys, imports, erasure, edits),
 * so no path is trusted to report it: triggers on `patient` (migration 1765955000000) journal the old
 * and new key of every row whose key changed, and the journal is folded into the counts
 * (`PatientStatusRollupService`: on SQLite before each commit, on PostgreSQL by the background
 * folder). Reads add what is still in the journal, so the counts are exact whether or not a fold ran.
 */

/** A patient row's key (alias or trigger row `r`), the same SQL on both databases. */
export const statusKeySql = (r: string) => ({
  department: `COALESCE(${r}.last_department_id, 0)`,
  dueOn: `CASE WHEN ${r}.next_visit_due IS NOT NULL AND (${r}.last_visit_on IS NULL OR ${r}.last_visit_on < ${r}.next_visit_due) THEN ${r}.next_visit_due ELSE '' END`,
  detractor: `${r}.latest_survey_detractor`,
});

/** The patient columns the key reads; an update leaving the key alone journals nothing. */
export const STATUS_KEY_COLUMNS = ['last_department_id', 'next_visit_due', 'last_visit_on', 'latest_survey_detractor'];

const ADD = 'ON CONFLICT (department_id, due_on, detractor) DO UPDATE SET n = patient_status_counts.n + excluded.n';
const journalSums = (from: string) => `SELECT j.department_id, j.due_on, j.detractor, SUM(j.sign) FROM ${from} j GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`;

/**
 * Moves the journal into the counts, keys in order (two PostgreSQL folds lock the rows they
 * share in the same order). On PostgreSQL the journal rows are taken with DELETE … RETURNING, so rows
 * another fold already took are not counted twice. SQLite has one writer.
 */
export function foldStatusJournalSql(postgres: boolean): string[] {
  if (postgres) {
    return [`WITH j AS (DELETE FROM patient_status_journal RETURNING *) INSERT INTO patient_status_counts (department_id, due_on, detractor, n) ${journalSums('j')} ${ADD}`];
  }
  return [
    `INSERT INTO patient_status_counts (department_id, due_on, detractor, n) ${journalSums('patient_status_journal')} ${ADD}`,
    'DELETE FROM patient_status_journal',
  ];
}

/** Recomputes the counts from the patients (`npm run rollups:rebuild`, the benchmark's loaders). */
export function rebuildStatusCountsSql(postgres: boolean): string[] {
  const key = statusKeySql('p');
  return [
    // PostgreSQL: a change journalled between the DELETE and the INSERT … FROM patient would count twice.
    ...(postgres ? ['LOCK TABLE patient_status_journal IN SHARE ROW EXCLUSIVE MODE'] : []),
    'DELETE FROM patient_status_journal',
    'DELETE FROM patient_status_counts',
    `INSERT INTO patient_status_counts (department_id, due_on, detractor, n)
     SELECT ${key.department}, ${key.dueOn}, ${key.detractor}, COUNT(*) FROM patient p GROUP BY 1, 2, 3`,
  ];
}

/**
 * The counts (and the journal not yet folded) as rows shaped like patients, so the one status rule
 * (`statusExpression`) reads them: columns `last_department_id`, `next_visit_due`, `last_visit_on`,
 * `latest_survey_detractor`, and `n`, the patients the row stands for.
 */
export const STATUS_COUNT_ROWS = `(
  SELECT department_id AS last_department_id, NULLIF(due_on, '') AS next_visit_due, NULL AS last_visit_on,
         detractor AS latest_survey_detractor, n FROM patient_status_counts WHERE n <> 0
  UNION ALL
  SELECT department_id, NULLIF(due_on, ''), NULL, detractor, sign FROM patient_status_journal)`;
