import type { EntityManager } from 'typeorm';
import { FFT_ANSWERS, FFT_COMMENT_QUESTION_ID, FFT_QUESTION_ID, type ImportRowError } from '@huifang/shared';
import { runRawSql } from '../../core/database/raw-sql';
import { insertAnswers, type NewAnswer } from '../../surveys/response-writes';
import { insertResponseThemes, insertSearchTerms, tagsToStore, type StoredTags } from '../../surveys/themes/response-tags';
import { isChinese } from '../../surveys/themes/tag-comment';
import { loadThemeCatalog } from '../../surveys/themes/theme-catalog';
import { rowError } from '../import-checks';
import type { ImportedFeedback, ImportItem } from '../import-records';
import type { SeenVisitKeys } from '../seen-visit-keys';
import { wallClockToInstant } from '../tabular/local-time';

/*
 * Imported feedback (format `nhs_fft`) in an import batch: each row one anonymous survey response
 * (no invitation, encounter or patient) with its FFT answer and comment, tagged with themes and
 * sentiment exactly as a submitted comment is (themes/response-tags.ts). A row whose import key is
 * stored already is `unchanged`: importing the file again adds nothing.
 */

export interface FeedbackPlan {
  fresh: { row: number; feedback: ImportedFeedback }[];
  unchanged: number;
  failures: ImportRowError[][];
}

/**
 * The tags of each row's comment, by row, with the themes in force (admins' themes too, read once per
 * batch). Called before the batch's transaction, as the submit does: tagging is CPU only.
 */
export async function tagFeedback(manager: EntityManager, items: readonly ImportItem[]): Promise<Map<number, StoredTags | null>> {
  const tags = new Map<number, StoredTags | null>();
  if (!items.some((item) => item.feedback)) return tags;
  const catalog = await loadThemeCatalog(manager);
  for (const item of items) if (item.feedback) tags.set(item.row, tagsToStore(item.feedback.comment, catalog));
  return tags;
}

const KEYS_PER_QUERY = 500;

/** Which rows are new, stored already, or repeat a key of this file. Reads only (the preview runs it too). */
export async function planFeedback(manager: EntityManager, items: readonly ImportItem[], seen: SeenVisitKeys): Promise<FeedbackPlan> {
  const rows = items.filter((item): item is ImportItem & { feedback: ImportedFeedback } => item.feedback !== undefined);
  const stored = new Set<string>();
  const keys = rows.map((item) => item.feedback.key);
  for (let i = 0; i < keys.length; i += KEYS_PER_QUERY) {
    const chunk = keys.slice(i, i + KEYS_PER_QUERY);
    const found = (await runRawSql(manager, `SELECT import_key FROM survey_response WHERE import_key IN (${chunk.map((_, j) => `$${j + 1}`).join(', ')})`, chunk)) as {
      import_key: string;
    }[];
    for (const row of found) stored.add(row.import_key);
  }
  const plan: FeedbackPlan = { fresh: [], unchanged: 0, failures: [] };
  for (const { row, feedback } of rows) {
    if (seen.has(feedback.key)) {
      plan.failures.push([rowError(row, 'Comment ID', 'duplicate_id', feedback.key.slice(feedback.key.indexOf(':') + 1))]);
      continue;
    }
    seen.add(feedback.key);
    if (stored.has(feedback.key)) plan.unchanged++;
    else plan.fresh.push({ row, feedback });
  }
  return plan;
}

export interface FeedbackTarget {
  templateVersionId: number;
  departmentId: number;
  timeZone: string;
}

/** Responses per multi-row INSERT of themes and search words: under both databases' bound-parameter limits. */
const TAG_ROWS_PER_INSERT = 500;

/** Stores the new rows inside the caller's transaction. */
export async function writeFeedback(manager: EntityManager, plan: FeedbackPlan, tags: ReadonlyMap<number, StoredTags | null>, target: FeedbackTarget): Promise<void> {
  const tagged: { id: number; submittedOn: string; tags: StoredTags }[] = [];
  for (const { row, feedback } of plan.fresh) {
    const rowTags = tags.get(row) ?? null;
    const [year, month, day] = feedback.answeredOn.split('-').map(Number);
    // The day is all the file knows: noon of it in the hospital's zone keeps submitted_at on that day.
    const submittedAt = new Date(wallClockToInstant(Date.UTC(year, month - 1, day, 12), target.timeZone));
    const inserted = (await runRawSql(
      manager,
      `INSERT INTO survey_response (department_id, template_version_id, submitted_at, submitted_on, fft, needs_recovery, comment, language, comment_sentiment, tagger_version, import_key)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
      [
        target.departmentId,
        target.templateVersionId,
        submittedAt,
        feedback.answeredOn,
        feedback.fft,
        // Anonymous: nobody to call back, so no service recovery.
        false,
        feedback.comment,
        feedback.comment && isChinese(feedback.comment) ? 'zh' : 'en',
        rowTags?.sentiment ?? null,
        rowTags?.version ?? null,
        feedback.key,
      ],
    )) as { id: number }[];
    const id = Number(inserted[0]?.id);
    await insertAnswers(manager, id, answersOf(feedback));
    if (rowTags) tagged.push({ id, submittedOn: feedback.answeredOn, tags: rowTags });
  }
  for (let i = 0; i < tagged.length; i += TAG_ROWS_PER_INSERT) {
    const chunk = tagged.slice(i, i + TAG_ROWS_PER_INSERT);
    await insertResponseThemes(
      manager,
      chunk.map((r) => ({ response: { id: r.id, submittedOn: r.submittedOn, departmentId: target.departmentId, nps: null }, themes: r.tags.themes })),
    );
    await insertSearchTerms(manager, chunk.map((r) => ({ responseId: r.id, terms: r.tags.terms })));
  }
}

function answersOf(feedback: ImportedFeedback): NewAnswer[] {
  const answers: NewAnswer[] = [];
  if (feedback.fft !== null) answers.push({ questionId: FFT_QUESTION_ID, kind: 'choice', dimension: null, valueNumber: null, valueText: FFT_ANSWERS[feedback.fft - 1] });
  if (feedback.comment !== null) answers.push({ questionId: FFT_COMMENT_QUESTION_ID, kind: 'text', dimension: null, valueNumber: null, valueText: feedback.comment });
  return answers;
}
