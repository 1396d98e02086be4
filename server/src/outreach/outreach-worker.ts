import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AppConfig } from '../core/config/app-config';
import { WriteTransaction } from '../core/database/write-transaction';
import { claimDueMessages } from './outreach-claims';
import { OutreachDelivery } from './outreach-delivery';

/** After a write commits (a survey invitation): soon enough to feel immediate, late enough to take a burst together. */
const AFTER_WRITE_MS = 50;

/**
 * The server's outreach worker (one per instance; the import CLI has none): every `pollMs`, and
 * shortly after a write, it claims due messages, up to `inFlight` at once, delivers them in
 * parallel and claims again until none is due. A failure is logged and retried on the next tick.
 */
@Injectable()
export class OutreachWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(OutreachWorker.name);
  private readonly instance = randomUUID().slice(0, 8);
  private claims = 0;
  private timer: NodeJS.Timeout | undefined;
  private soon: NodeJS.Timeout | undefined;
  private running = false;
  private again = false;
  /** Set by a claim that found fewer due messages than free slots; a write (kick) clears it. */
  private drained = false;
  private stopped = false;

  constructor(
    private readonly writes: WriteTransaction,
    private readonly delivery: OutreachDelivery,
    private readonly config: AppConfig,
  ) {
    writes.afterWrites(() => this.kick());
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), this.config.outreach.pollMs);
    this.timer.unref();
    this.kick();
  }

  onModuleDestroy(): void {
    this.stopped = true;
    clearInterval(this.timer);
    clearTimeout(this.soon);
  }

  private kick(): void {
    if (this.running) {
      // A message written meanwhile is claimed into the free slots of the running pass.
      this.drained = false;
      this.again = true;
      return;
    }
    if (this.soon || this.stopped) return;
    this.soon = setTimeout(() => {
      this.soon = undefined;
      void this.tick();
    }, AFTER_WRITE_MS);
    this.soon.unref();
  }

  private async tick(): Promise<void> {
    if (this.running || this.stopped) {
      this.again = true;
      return;
    }
    this.running = true;
    try {
      await this.deliverDue();
    } catch (error) {
      this.logger.error({ err: error }, 'outreach worker failed; the next tick retries');
    } finally {
      this.running = false;
      if (this.again && !this.stopped) {
        this.again = false;
        this.kick();
      }
    }
  }

  /**
   * Keeps up to `inFlight` deliveries going: claims as many due messages as there are free slots
   * (once a fifth of them is free, so that claims stay batched writes), starts each as it is
   * claimed, and waits for a slot rather than for the whole batch, so one slow gateway answer does
   * not hold the other 49. Stops when a claim finds fewer than it asked for (nothing else is due
   * now: a later write kicks the worker again) and the last delivery has finished.
   */
  private async deliverDue(): Promise<void> {
    const { inFlight, claimMs } = this.config.outreach;
    const refillAt = Math.max(1, Math.floor(inFlight / 5));
    const active = new Set<Promise<void>>();
    this.drained = false;
    try {
      while (!this.stopped) {
        const free = inFlight - active.size;
        if (!this.drained && (free >= refillAt || active.size === 0)) {
          const token = `${this.instance}:${++this.claims}`;
          const now = new Date();
          const until = new Date(now.getTime() + claimMs);
          const claimed = await this.writes.run((m) => claimDueMessages(m, token, now, until, free), { changesReads: false });
          this.drained = claimed.length < free;
          for (const message of claimed) {
            const delivery = this.delivery.deliver(message, token, until).catch((error: unknown) => {
              // The claim expires and the message is tried again.
              this.logger.error({ err: error }, `outreach message ${message.id}: delivery not recorded; retried after the claim expires`);
            });
            const tracked = delivery.finally(() => active.delete(tracked));
            active.add(tracked);
          }
          if (claimed.length > 0) continue;
        }
        if (active.size === 0) break;
        await Promise.race(active);
      }
    } finally {
      // A claim that failed leaves the deliveries already begun to finish before the next tick.
      await Promise.all(active);
    }
  }
}
