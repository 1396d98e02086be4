import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { RelationshipService } from './relationship.service';

/** How often marked patients are worked out again, and how often the day's pass is looked for. */
const DIRTY_EVERY_MS = 1_000;
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

  constructor(private readonly relationship: RelationshipService) {}

  onApplicationBootstrap(): void {
    const start = setTimeout(() => void this.tick(true), 500);
    start.unref();
    this.timers.push(start, setInterval(() => void this.tick(false), DIRTY_EVERY_MS), setInterval(() => void this.tick(true), PASS_EVERY_MS));
    for (const timer of this.timers) timer.unref();
  }

  onModuleDestroy(): void {
    for (const timer of this.timers) clearTimeout(timer);
  }

  /** One piece of work at a time: a pass and the worker never overlap in one process. */
  private async tick(pass: boolean): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      if (pass) await this.relationship.runPass();
      await this.relationship.refreshDirty();
    } catch (error) {
      this.logger.error({ err: error }, 'relationship upkeep failed; the next tick retries');
    } finally {
      this.running = false;
    }
  }
}
