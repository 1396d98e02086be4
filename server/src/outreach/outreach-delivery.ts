import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../core/config/app-config';
import { WriteTransaction } from '../core/database/write-transaction';
import { PatientEntity } from '../patients/patient.entity';
import { consentFor, consentRule } from './outbox';
import type { ClaimedMessage } from './outreach-claims';
import { OutreachChannels } from './outreach-channels';
import { recordFailure, recordSent, recordSuppressed, retryDelayMs } from './outreach-outcomes';

/**
 * One try of one claimed message: the rules are looked at again (consent may have been withdrawn
 * since the message was queued, the patient erased), the address is read from the patient, the
 * channel sends, and the outcome is written while the claim is still ours.
 */
@Injectable()
export class OutreachDelivery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writes: WriteTransaction,
    private readonly channels: OutreachChannels,
    private readonly config: AppConfig,
  ) {}

  async deliver(message: ClaimedMessage, token: string): Promise<void> {
    const patient = await this.dataSource.manager.findOne(PatientEntity, {
      select: { id: true, phone: true, email: true, consentSurveys: true, consentCalls: true },
      where: { id: message.patientId },
    });
    const rule = patient ? consentRule(consentFor(patient, message.purpose)) : 'unreachable';
    if (rule) return this.write((m) => recordSuppressed(m, message.id, token, rule));
    const driver = this.channels.driver(message.channel);
    if (!driver) return this.write((m) => recordFailure(m, message.id, token, `the ${message.channel} channel is not configured on this server`, null));
    const to = driver.addressOf(patient as PatientEntity);
    if (to === null) return this.write((m) => recordSuppressed(m, message.id, token, 'unreachable'));

    const outcome = await driver.send({ messageId: message.id, idempotencyKey: message.idempotencyKey, kind: message.kind, to, subject: message.subject, body: message.body, language: message.language });
    const now = new Date();
    if (outcome.sent) return this.write((m) => recordSent(m, message.id, token, outcome.providerMessageId, now));
    const { retryBaseMs, maxAttempts } = this.config.outreach;
    const retryAt = outcome.retry && message.attempts < maxAttempts ? new Date(now.getTime() + retryDelayMs(retryBaseMs, message.attempts)) : null;
    return this.write((m) => recordFailure(m, message.id, token, outcome.reason, retryAt));
  }

  /** The worker's own bookkeeping: no cached read depends on the outbox. */
  private write(work: (manager: import('typeorm').EntityManager) => Promise<void>): Promise<void> {
    return this.writes.run(work, { changesReads: false });
  }
}
