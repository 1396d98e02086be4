import { COMMENT_SENTIMENTS, type CommentSentiment } from '@huifang/shared';
import type { DataSource, EntityManager } from 'typeorm';
import { runRawSql } from '../../core/database/raw-sql';
import { insertResponseThemes, insertSearchTerms, tagsToStore, type StoredTags, type TaggedResponse } from './response-tags';
import { taggerVersion } from './tagger-version';
import { loadThemeCatalog } from './theme-catalog';

/**
 * Responses per batch: each batch is one short write transaction (the comments are tagged before it),
 * so submits wait for at most one batch's writes; 500 × up to 10 themes × 6 values stays under the
 * bound-parameter limits.
 */
export const RETAG_BATCH = 500;

export interface RetagProgress {
  /** Comments tagged again. */
  retagged: number;
  /** Responses after which the next batch starts (a cursor over ids). */
  lastId: number;
  /** The tagger version the run stamps (the themes in force when it started). */
  version: string;
}

interface StaleRow {
  id: number;
  comment: string;
  submitted_on: string;
  department_id: number;
  nps: number | null;
}

/**
 * Tags again every comment whose stored tagger version is not the current one (or that was never
 * tagged), in batches by id. Resumable by nature: what was done carries the current version, so a
 * run stopped halfway and started again finds only the rest. `run` wraps each batch's writes in a
 * write transaction (the app's WriteTransaction or a plain one for the CLI). The themes in force
 * are read once at the start: a change made during a run makes another run necessary (the admin
 * API starts one after the current; the CLI is simply run again).
 */
export async function retagStaleComments(
  dataSource: DataSource,
  run: <T>(work: (manager: EntityManager) => Promise<T>) => Promise<T>,
  onBatch: (progress: RetagProgress) => void = () => undefined,
): Promise<RetagProgress> {
  const catalog = await loadThemeCatalog(dataSource.manager);
  const version = taggerVersion(catalog);
  const progress: RetagProgress = { retagged: 0, lastId: 0, version };
  for (;;) {
    const rows = (await runRawSql(
      dataSource.manager,
      `SELECT id, comment, submitted_on, department_id, nps FROM survey_response
        WHERE id > $1 AND comment IS NOT NULL AND (tagger_version IS NULL OR tagger_version <> $2) ORDER BY id LIMIT ${RETAG_BATCH}`,
      [progress.lastId, version],
    )) as StaleRow[];
    if (rows.length === 0) return progress;
    const tagged = rows.map((row) => ({ row, tags: tagsToStore(row.comment, catalog) }));
    await run((manager) => storeBatch(manager, tagged, version));
    progress.retagged += rows.length;
    progress.lastId = Number(rows[rows.length - 1]?.id);
    onBatch(progress);
  }
}

async function storeBatch(manager: EntityManager, tagged: { row: StaleRow; tags: StoredTags | null }[], version: string): Promise<void> {
  const ids = tagged.map(({ row }) => Number(row.id));
  // A comment erased since it was read keeps no tags: only those still there are written.
  const present = new Set(
    ((await runRawSql(manager, `SELECT id FROM survey_response WHERE id IN (${placeholders(ids.length)}) AND comment IS NOT NULL`, ids)) as { id: number }[]).map(
      (r) => Number(r.id),
    ),
  );
  const kept = tagged.filter(({ row }) => present.has(Number(row.id)));
  if (kept.length === 0) return;
  const keptIds = kept.map(({ row }) => Number(row.id));
  await runRawSql(manager, `DELETE FROM response_theme WHERE response_id IN (${placeholders(keptIds.length)})`, keptIds);
  await runRawSql(manager, `DELETE FROM comment_search_term WHERE response_id IN (${placeholders(keptIds.length)})`, keptIds);
  // One UPDATE per sentiment (three at most), not one per response.
  const bySentiment = new Map<CommentSentiment | null, number[]>();
  for (const { row, tags } of kept) {
    const sentiment = tags?.sentiment ?? null;
    bySentiment.set(sentiment, [...(bySentiment.get(sentiment) ?? []), Number(row.id)]);
  }
  for (const sentiment of [...COMMENT_SENTIMENTS, null]) {
    const group = bySentiment.get(sentiment);
    if (!group) continue;
    await runRawSql(
      manager,
      `UPDATE survey_response SET comment_sentiment = $1, tagger_version = $2 WHERE id IN (${placeholders(group.length, 3)})`,
      [sentiment, version, ...group],
    );
  }
  const themes = kept.flatMap(({ row, tags }) => (tags?.themes.length ? [{ response: taggedResponse(row), themes: tags.themes }] : []));
  await insertResponseThemes(manager, themes);
  await insertSearchTerms(manager, kept.map(({ row, tags }) => ({ responseId: Number(row.id), terms: tags?.terms ?? [] })));
}

function taggedResponse(row: StaleRow): TaggedResponse {
  return { id: Number(row.id), submittedOn: row.submitted_on, departmentId: Number(row.department_id), nps: row.nps === null ? null : Number(row.nps) };
}

/** `$first, …` for `count` values (runRawSql turns them into `?` on SQLite). */
function placeholders(count: number, first = 1): string {
  return Array.from({ length: count }, (_, i) => `$${first + i}`).join(', ');
}
