import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { calendarDayOf, IMPORT_PREVIEW_ROWS, type ImportPreview, type ImportSummary } from '@huifang/shared';
import { RuleFiring } from '../callbacks/rule-firing.service';
import { runRawSql } from '../core/database/raw-sql';
import { isUniqueViolation } from '../core/database/unique-violation';
import { WriteTransaction } from '../core/database/write-transaction';
import { HospitalSettingsService } from '../hospital-settings/hospital-settings.service';
import { rebuildWaitMonths, refreshPatients } from './derived-state';
import { planBatch, type BatchContext, type BatchPlan, type UnmappedCode } from './import-batch';
import { lockImportBatches } from './import-batch-lock';
import { recordProgress, writeBatch } from './import-batch-write';
import { fftTemplateVersionId } from './feedback/fft-template';
import { planFeedback, tagFeedback, writeFeedback, type FeedbackPlan } from './feedback/feedback-batch';
import type { ImportItem, ImportSource } from './import-records';
import { ImportTally } from './import-tally';
import { SeenVisitKeys } from './seen-visit-keys';
import { unmappedDepartmentId } from './unmapped-department';

/** Rows per transaction: big enough for multi-row statements, short enough that the desk's writes interleave. */
export const IMPORT_BATCH_ROWS = 5000;
/** Patients whose derived state one transaction recomputes after the last batch. */
const DERIVED_TRANSACTION_PATIENTS = 5000;

export interface ImportRunOptions {
  /**
   * Called in each batch's transaction with the FHIR department codes first seen in it (their
   * encounters went to the unmapped department), so the FHIR mapping table lists them.
   */
  onUnmapped?: (codes: UnmappedCode[], manager: EntityManager) => Promise<void>;
  batchRows?: number;
}

/**
 * Stores what a reader reads (import-records.ts): matches records to stored ones by their source
 * keys, writes in batches, records progress and errors on the job, and then brings the derived state
 * (last visit, expected return, return fates, stages, follow-up calls, wait rollup) up to date in bulk.
 */
@Injectable()
export class HistoryImporter {
  private readonly logger = new Logger(HistoryImporter.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly writes: WriteTransaction,
    private readonly hospital: HospitalSettingsService,
    private readonly ruleFiring: RuleFiring,
  ) {}

  /** Runs an import job to its end: `done` with its summary, or `failed` (then rethrows). */
  async run(source: ImportSource, jobId: number, options: ImportRunOptions = {}): Promise<ImportSummary> {
    const tally = new ImportTally();
    const job = { id: jobId, storedErrors: 0 };
    let rowsDone = 0;
    await this.writes.run((m) =>
      runRawSql(m, `UPDATE import_job SET status = 'running', started_at = $1, bytes_total = $2 WHERE id = $3`, [new Date(), source.bytesTotal, jobId]),
    );
    // Derived state is brought up to date once per patient and month, after the last batch (a patient
    // in many batches would be recomputed in each, and a month's rollup rescanned), and also when the
    // job fails; start-up repairs what a stopped process left (import-housekeeping.ts).
    const touched = new Set<number>();
    const months = new Set<string>();
    try {
      const ctx = await this.context();
      let unmappedId: number | null = null;
      for await (const batch of batches(source.items(), options.batchRows ?? IMPORT_BATCH_ROWS)) {
        // What the batch's planning adds to the file's state is taken back if its transaction rolls back.
        const storedErrorsBefore = job.storedErrors;
        const feedbackTags = await tagFeedback(this.dataSource.manager, batch);
        const attempt = () =>
          this.writes.run(async (manager) => {
            await lockImportBatches(manager);
            const now = new Date();
            const plan = await planBatch(
              { ...ctx, manager, now, unmappedDepartmentId: async () => (unmappedId ??= await unmappedDepartmentId(manager)) },
              batch,
            );
            const feedback = await planFeedback(manager, batch, ctx.seenVisitKeys);
            addFeedbackFailures(plan, feedback);
            const written = await writeBatch(manager, plan, job, now);
            if (feedback.fresh.length) {
              const templateVersionId = (await fftTemplateVersionId(manager, true)) as number;
              unmappedId ??= await unmappedDepartmentId(manager);
              await writeFeedback(manager, feedback, feedbackTags, { templateVersionId, departmentId: unmappedId, timeZone: ctx.timeZone });
            }
            if (plan.unmapped.length && options.onUnmapped) await options.onUnmapped(plan.unmapped, manager);
            // Derived state committed with the rows: a later failure leaves nothing stale.
            for (const id of written.touchedPatients) touched.add(id);
            for (const month of plan.months) months.add(month);
            tallyPlan(tally, plan, (kind, id) => written.realId(kind, id));
            tallyFeedback(tally, feedback);
            rowsDone += plan.rowsRead;
            await recordProgress(manager, jobId, { bytesDone: source.bytesRead(), rowsDone, summary: JSON.stringify(tally.summary()) });
          });
        try {
          await attempt();
        } catch (error) {
          // Someone else (the desk registering a patient) stored a row this batch planned as new: plan again once.
          ctx.seenVisitKeys.forget();
          if (!isUniqueViolation(error)) throw error;
          job.storedErrors = storedErrorsBefore;
          unmappedId = null;
          await attempt();
        }
        ctx.seenVisitKeys.keep();
      }
      await this.refreshDerived(touched, months);
      const summary = tally.summary();
      await this.writes.run(async (m) => {
        await runRawSql(m, `UPDATE import_job SET status = 'done', finished_at = $1, bytes_done = $2, rows_done = $3, summary = $4 WHERE id = $5`, [
          new Date(),
          source.bytesRead(),
          rowsDone,
          JSON.stringify(summary),
          jobId,
        ]);
      });
      return summary;
    } catch (error) {
      // What was stored stays (imports are idempotent: running the file again completes it).
      this.logger.error({ err: error, jobId }, 'import job failed');
      await this.refreshDerived(touched, months).catch((refreshError: unknown) => this.logger.error({ err: refreshError, jobId }, 'derived state after a failed import'));
      await this.writes
        .run(async (m) => {
          await runRawSql(m, `UPDATE import_job SET status = 'failed', finished_at = $1, summary = $2 WHERE id = $3`, [new Date(), JSON.stringify(tally.summary()), jobId]);
        })
        .catch(() => undefined);
      throw error;
    }
  }

  /** Last visit, expected return, return fates, stages and follow-up calls of the touched patients, in short transactions; then the months' wait rollup. */
  async refreshDerived(patients: ReadonlySet<number>, months: ReadonlySet<string>): Promise<void> {
    const ids = [...patients].sort((a, b) => a - b);
    for (let i = 0; i < ids.length; i += DERIVED_TRANSACTION_PATIENTS) {
      const chunk = ids.slice(i, i + DERIVED_TRANSACTION_PATIENTS);
      await this.writes.run(async (manager) => {
        await refreshPatients(manager, chunk);
        await this.ruleFiring.onImportedHistory(manager, chunk, new Date());
      });
    }
    if (months.size) await this.writes.run((manager) => rebuildWaitMonths(manager, [...months].sort()));
  }

  /** Validates the first `limit` rows as a run would (the same checks, duplicates included), writing nothing. */
  async preview(source: ImportSource, limit = IMPORT_PREVIEW_ROWS): Promise<ImportPreview> {
    const ctx = await this.context();
    const items: ImportItem[] = [];
    for await (const item of source.items()) {
      items.push(item);
      if (items.length >= limit) break;
    }
    const tally = new ImportTally();
    // Reads only; placeholder ids stand for the rows a run would create.
    const plan = await planBatch({ ...ctx, manager: this.dataSource.manager, now: new Date(), unmappedDepartmentId: async () => -1 }, items);
    const feedback = await planFeedback(this.dataSource.manager, items, ctx.seenVisitKeys);
    addFeedbackFailures(plan, feedback);
    tallyPlan(tally, plan, (_kind, id) => id);
    tallyFeedback(tally, feedback);
    return { rowsChecked: items.length, summary: tally.summary(), errors: plan.failures.flatMap((f) => f.errors) };
  }

  private async context(): Promise<Omit<BatchContext, 'manager' | 'now' | 'unmappedDepartmentId'> & { timeZone: string }> {
    const { timeZone } = await this.hospital.current();
    let placeholder = 0;
    return { timeZone, dayOf: memoDayOf(timeZone), seenVisitKeys: new SeenVisitKeys(), placeholderId: () => --placeholder };
  }
}

function tallyPlan(tally: ImportTally, plan: BatchPlan, realId: (kind: 'patient' | 'encounter', id: number) => number): void {
  for (const o of plan.outcomes) {
    if (o.kind === 'patient') tally.patient(realId('patient', o.id), o.outcome);
    else tally.encounter(o.outcome);
  }
  for (const f of plan.failures) tally.failed(f.kind, f.errors);
  for (const type of plan.skippedTypes) tally.skipped(type);
  for (const u of plan.unmapped) tally.unmappedDepartments.add(`${u.system}|${u.code}`);
}

/** Feedback rows repeating a Comment ID of the file are refused with the batch's other rows (written and counted with them). */
function addFeedbackFailures(plan: BatchPlan, feedback: FeedbackPlan): void {
  for (const errors of feedback.failures) plan.failures.push({ kind: 'responses', errors });
}

function tallyFeedback(tally: ImportTally, feedback: FeedbackPlan): void {
  for (let i = 0; i < feedback.fresh.length; i++) tally.response('created');
  for (let i = 0; i < feedback.unchanged; i++) tally.response('unchanged');
}

async function* batches(items: AsyncIterable<ImportItem>, size: number): AsyncIterable<ImportItem[]> {
  let batch: ImportItem[] = [];
  for await (const item of items) {
    batch.push(item);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

/** Time-zone offsets are whole quarter hours: the day of an instant is the day of its quarter hour (cached). */
function memoDayOf(timeZone: string): (at: Date) => string {
  const cache = new Map<number, string>();
  return (at) => {
    const quarter = Math.floor(at.getTime() / 900_000);
    let day = cache.get(quarter);
    if (day === undefined) {
      if (cache.size > 100_000) cache.clear();
      day = calendarDayOf(quarter * 900_000, timeZone);
      cache.set(quarter, day);
    }
    return day;
  };
}
