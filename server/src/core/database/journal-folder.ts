import { Logger } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';

/** Moves one journal's committed rows into its rollup, in the transaction it is given. */
export type FoldStep = (manager: EntityManager) => Promise<void>;

/**
 * One key for every instance on the database: while one instance folds, the others skip their turn
 * (its DELETE … RETURNING takes every committed journal row anyway). Correctness does not rest on it:
 * two folds at once would each take distinct rows (DELETE … RETURNING), only wait on each other.
 */
export const JOURNAL_FOLD_LOCK_KEY = 4_823_112_907;
/** How soon after a write its journal rows are folded; reads add unfolded rows, so this bounds only the journal's size. */
export const FOLD_AFTER_WRITE_MS = 250;
/** Without writes through this instance, how often to look for rows journalled by others (a loader, SQL by hand, a stopped instance). */
export const FOLD_WHEN_IDLE_MS = 5_000;

/**
 * PostgreSQL: folds the rollup journals into the rollups in short transactions of its own, off the
 * request path. Folding inside every write transaction made all concurrent writers update the same
 * rollup rows (today × department, and department 0) and queue on their row locks until each
 * committed: 122 survey submits/s at 50 clients (docs/PERFORMANCE.md). Writers now only append
 * journal rows (triggers), which never conflict; every indicator read adds the rows still in the
 * journal to the rollup in one statement (one snapshot), so figures are exact whether or not a fold
 * ran, and a fold changes no figure (no read-cache invalidation).
 *
 * One fold at a time per instance; a fold is one transaction, so stopping can only wait for it, never
 * cut it in half. SQLite keeps folding in its group commit (one writer, no contention).
 */
export class JournalFolder {
  private readonly logger = new Logger(JournalFolder.name);
  private timer: NodeJS.Timeout | undefined;
  private requested = true;
  private lastFold = -Infinity;
  private running: Promise<boolean> | undefined;
  private stopped = false;
  /** After a failed fold the next waits `idleMs` (one log line per try, not four a second). */
  private failedAt = -Infinity;

  constructor(
    private readonly dataSource: DataSource,
    private readonly steps: readonly FoldStep[],
    private readonly everyMs = FOLD_AFTER_WRITE_MS,
    private readonly idleMs = FOLD_WHEN_IDLE_MS,
  ) {}

  start(): void {
    if (this.timer || this.stopped) return;
    this.timer = setInterval(() => this.tick(), this.everyMs);
    this.timer.unref();
  }

  /** A write committed journal rows: fold them at the next tick. */
  request(): void {
    this.requested = true;
  }

  /**
   * Folds every journal row committed before the call (after the fold running now, if any). False
   * when another instance held the fold: it takes the rows, or this folder's next tick does.
   */
  async foldNow(): Promise<boolean> {
    while (this.running) await this.running.catch(() => undefined);
    this.requested = false;
    const fold = this.fold();
    this.running = fold;
    try {
      const folded = await fold;
      if (!folded) this.requested = true;
      return folded;
    } catch (error) {
      this.requested = true;
      this.failedAt = performance.now();
      throw error;
    } finally {
      this.running = undefined;
      this.lastFold = performance.now();
    }
  }

  /** No new fold starts; the one running (a transaction) completes or rolls back whole. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }

  private tick(): void {
    if (this.stopped || this.running) return;
    const now = performance.now();
    if (now - this.failedAt < this.idleMs || (!this.requested && now - this.lastFold < this.idleMs)) return;
    this.foldNow().catch((error: unknown) => this.logger.error({ err: error }, `folding the rollup journals failed; trying again in ${this.idleMs / 1000} s`));
  }

  private fold(): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const rows = (await manager.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [JOURNAL_FOLD_LOCK_KEY])) as { locked: boolean }[];
      if (!rows[0]?.locked) return false;
      for (const step of this.steps) await step(manager);
      return true;
    });
  }
}
