import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { WriteTransaction } from '../core/database/write-transaction';
import { RelationshipService } from './relationship.service';

/**
 * How often marked patients are worked out again (at the latest: a write through this instance starts
 * the worker a moment after it commits), and how often the day's pass is looked for.
 */
const DIRTY_EVERY_MS = 1_000;
/** After a write commits: long enough to take the marks of a burst of writes together. */
const AFTER_WRITE_MS = 20;
const PASS_EVERY_MS = 60_000;

/**
 * The server's timers for the relationship work (not the import CLI's, which leaves it to the server):
 * the day's pass shortly after start-up and then whenever the day has turned, and the worker for
 * patients whose record changed. A failure is logged and retried on the next tick.
 */
@Injectable()
export class RelationshipUpkeep implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(RelationshipUpkeep.name);
  private readonly timers: NodeJS.Timeout[] = [];
  private running = false;

  private soon: NodeJS.Timeout | undefined;
  private again = false;
  private passWanted = false;

  constructor(
    private readonly relationship: RelationshipService,
    writes: WriteTransaction,
  ) {
    writes.afterWrites(() => this.kick());
  }

  /** A write committed: work its marked patients out shortly (once per burst). */
  private kick(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.soon) return;
    this.soon = setTimeout(() => {
      this.soon = undefined;
      void this.tick(false);
    }, AFTER_WRITE_MS);
    this.soon.unref();
  }

  onApplicationBootstrap(): void {
    const start = setTimeout(() => void this.tick(true), 500);
    start.unref();
    this.timers.push(start, setInterval(() => void this.tick(false), DIRTY_EVERY_MS), setInterval(() => void this.tick(true), PASS_EVERY_MS));
    for (const timer of this.timers) timer.unref();
  }

  onModuleDestroy(): void {
    for (const timer of this.timers) clearTimeout(timer);
    clearTimeout(this.soon);
  }

  /**
   * One piece of work at a time: a pass and the worker never overlap in one process. A tick that finds
   * the other running is not lost: the pass it wanted runs right after.
   */
  private async tick(pass: boolean): Promise<void> {
    if (pass) this.passWanted = true;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    try {
      if (this.passWanted) {
        this.passWanted = false;
        await this.relationship.runPass();
      }
      await this.relationship.refreshDirty();
    } catch (error) {
      this.logger.error({ err: error }, 'relationship upkeep failed; the next tick retries');
    } finally {
      this.running = false;
      if (this.again) {
        this.again = false;
        this.kick();
      }
    }
  }
}
