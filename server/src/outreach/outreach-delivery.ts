import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { OutreachSuppressionRule } from '@huifang/shared';
import { FailedMessageCallbacks } from '../callbacks/failed-message-callbacks';
import { AppConfig } from '../core/config/app-config';
import { WriteTransaction } from '../core/database/write-transaction';
import { HospitalSettingsService } from '../hospital-settings/hospital-settings.service';
import { PatientEntity } from '../patients/patient.entity';
import { consentFor, consentRule } from './outbox';
import type { ClaimedMessage } from './outreach-claims';
import { OutreachChannels } from './outreach-channels';
import { recordFailure, recordPostponed, recordSent, recordSuppressed, retryDelayMs } from './outreach-outcomes';
import { firstSendableAt } from './quiet-hours';
import { noLongerWanted } from './still-wanted';

/**
 * One try of one claimed message: the rules are looked at again (consent may have been withdrawn
 * since the message was queued, the patient erased; a reminder may have lost its reason or have to
 * wait, see still-wanted.ts), the address is read from the patient, the channel sends, and the
 * outcome is written while the claim is still ours.
 */
@Injectable()
export class OutreachDelivery {
  private readonly logger = new Logger(OutreachDelivery.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly writes: WriteTransaction,
    private readonly channels: OutreachChannels,
    private readonly config: AppConfig,
    private readonly callbacks: FailedMessageCallbacks,
    private readonly hospital: HospitalSettingsService,
  ) {}

  /** `claimedUntil`: past it another worker may claim the message again, so the outcome must be written before. */
  async deliver(message: ClaimedMessage, token: string, claimedUntil: Date): Promise<void> {
    // A write that may open a call for the desk changes what the callback queue and figures read.
    const write = (work: (manager: EntityManager) => Promise<void>, opensCall = false) => this.write(work, claimedUntil, opensCall);
    const patient = await this.dataSource.manager.findOne(PatientEntity, {
      select: { id: true, phone: true, email: true, consentSurveys: true, consentCalls: true },
      where: { id: message.patientId },
    });
    const rule = patient ? (consentRule(consentFor(patient, message.purpose)) ?? (await noLongerWanted(this.dataSource.manager, message, new Date()))) : 'unreachable';
    if (rule === 'later') {
      // Waits as a retry would (the first back-off), never into the quiet hours.
      const { timeZone } = await this.hospital.current();
      const at = firstSendableAt(new Date(Date.now() + this.config.outreach.retryBaseMs), timeZone);
      return write((m) => recordPostponed(m, message.id, token, at));
    }
    if (rule) return write((m) => this.suppressed(m, message, token, rule));
    const driver = this.channels.driver(message.channel);
    if (!driver) return write((m) => this.failed(m, message, token, `the ${message.channel} channel is not configured on this server`, null), true);
    const to = driver.addressOf(patient as PatientEntity);
    if (to === null) return write((m) => this.suppressed(m, message, token, 'unreachable'));

    const outcome = await driver.send({ messageId: message.id, idempotencyKey: message.idempotencyKey, kind: message.kind, to, subject: message.subject, body: message.body, language: message.language });
    const now = new Date();
    if (outcome.sent) return write((m) => recordSent(m, message.id, token, outcome.providerMessageId, now));
    const { retryBaseMs, maxAttempts } = this.config.outreach;
    // A try again waits out the quiet hours like a first one.
    const retryAt = outcome.retry && message.attempts < maxAttempts ? firstSendableAt(new Date(now.getTime() + retryDelayMs(retryBaseMs, message.attempts)), (await this.hospital.current()).timeZone) : null;
    return write((m) => this.failed(m, message, token, outcome.reason, retryAt), retryAt === null);
  }

  /** A failed try; one that failed for good may open a call for the desk in the same transaction (failed-message-callbacks.ts). */
  private async failed(manager: EntityManager, message: ClaimedMessage, token: string, reason: string, retryAt: Date | null): Promise<void> {
    if (!(await recordFailure(manager, message.id, token, reason, retryAt)) || retryAt) return;
    const callbackId = await this.callbacks.onFailed(manager, message, new Date());
    if (callbackId !== null) this.logger.log(`outreach message ${message.id} (${message.kind}) failed for good; callback ${callbackId} opened for the front desk`);
  }

  /** Suppressed at delivery; a revisit reminder that reached no one is left to the desk's call (failed-message-callbacks.ts). */
  private async suppressed(manager: EntityManager, message: ClaimedMessage, token: string, rule: OutreachSuppressionRule): Promise<void> {
    if (!(await recordSuppressed(manager, message.id, token, rule))) return;
    const callbackId = await this.callbacks.onSuppressed(manager, message, rule, new Date());
    if (callbackId !== null) this.logger.log(`outreach message ${message.id} (${message.kind}) suppressed (${rule}); callback ${callbackId} opened for the front desk`);
  }

  /**
   * The worker's own bookkeeping (no cached read depends on the outbox, but a call opened for a
   * message that failed for good is read by the queue and the figures: `changesReads`). A write refused for a moment
   * (SQLite busy with another instance's write, a dropped PostgreSQL connection) is tried again while
   * the claim lasts: an outcome lost would let the message be claimed and sent again.
   */
  private async write(work: (manager: EntityManager) => Promise<void>, claimedUntil: Date, changesReads: boolean): Promise<void> {
    for (let wait = 100; ; wait = Math.min(wait * 2, 2_000)) {
      try {
        return await this.writes.run(work, { changesReads });
      } catch (error) {
        if (Date.now() + wait >= claimedUntil.getTime()) throw error;
        this.logger.warn({ err: error }, `outreach outcome not written yet; trying again in ${wait} ms`);
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }
  }
}
