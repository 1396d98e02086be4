import { Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { WriteTransaction } from '../../core/database/write-transaction';
import { retagStaleComments } from './retag';

class Stopping extends Error {}

/**
 * The re-tag job (retag.ts) run in the background by the server after an admin changed the themes
 * (an admin's deliberate change, once, in the process that took it; never at start-up: see
 * docs/INSIGHTS.md). One run at a time: a change during a run queues one more, which reads the
 * themes afresh. Stopped between batches at shutdown; what is left is found by the next run or by
 * `npm run themes:retag` (the job is resumable by construction).
 */
@Injectable()
export class RetagRunner implements BeforeApplicationShutdown {
  private readonly logger = new Logger(RetagRunner.name);
  private running: Promise<void> | null = null;
  private again = false;
  private stopping = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly writes: WriteTransaction,
  ) {}

  /** Starts a run (or queues one after the current); false once the server is stopping. */
  start(): boolean {
    if (this.stopping) return false;
    if (this.running) {
      this.again = true;
      return true;
    }
    this.running = this.loop().finally(() => (this.running = null));
    return true;
  }

  /** Resolves when no run is going on (tests and shutdown). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.idle();
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      const began = Date.now();
      try {
        const done = await retagStaleComments(
          this.dataSource,
          (work) => this.writes.run(work),
          () => {
            if (this.stopping) throw new Stopping();
          },
        );
        this.logger.log(`re-tagged ${done.retagged} comments with tagger ${done.version} in ${Date.now() - began} ms`);
      } catch (error) {
        if (error instanceof Stopping) return;
        // A message only: the batch's comments are never logged.
        this.logger.error(`re-tag failed (run npm run themes:retag): ${error instanceof Error ? error.message : String(error)}`);
        return;
      }
    } while (this.again && !this.stopping);
  }
}
