import { Injectable, NotFoundException } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { ERROR_CODES, isOptOutReply, type OutreachReceiptChannel, type OutreachStatus } from '@huifang/shared';
import type { AuditActor } from '../audit/audit.service';
import { AuditService } from '../audit/audit.service';
import { FailedMessageCallbacks } from '../callbacks/failed-message-callbacks';
import { RuleFiring } from '../callbacks/rule-firing.service';
import { WriteTransaction } from '../core/database/write-transaction';
import { forUpdate } from '../core/database/row-lock';
import { PatientEntity } from '../patients/patient.entity';
import type { OutreachReceiptDto } from './dto/outreach-receipt.dto';
import { OutreachMessageEntity } from './outreach-message.entity';

export interface ReceiptOutcome {
  messageId: number;
  status: OutreachStatus;
  optedOut: boolean;
}

/**
 * Receipts and replies from the gateways (signature already verified by OutreachReceiptGuard): a
 * delivery report sets `delivered` or `failed` on the message it names; an opt-out reply withdraws
 * the patient's consent for that message's purpose, suppresses their queued messages of that
 * purpose and (for follow-up) cancels their open callbacks, audited without a staff actor.
 */
@Injectable()
export class OutreachReceiptsService {
  constructor(
    private readonly writes: WriteTransaction,
    private readonly audit: AuditService,
    private readonly rules: RuleFiring,
    private readonly callbacks: FailedMessageCallbacks,
  ) {}

  receive(channel: OutreachReceiptChannel, receipt: OutreachReceiptDto, source: AuditActor): Promise<ReceiptOutcome> {
    return this.writes.run(async (manager) => {
      // The patient row before the message, the order of an erasure or a consent change at the desk
      // (both lock the patient, then touch its messages): two of them at once cannot deadlock.
      const found = await this.find(manager, channel, receipt);
      await manager.findOne(PatientEntity, { select: { id: true }, where: { id: found.patientId }, ...forUpdate(manager) });
      const message = (await manager.findOne(OutreachMessageEntity, { where: { id: found.id }, ...forUpdate(manager) })) as OutreachMessageEntity;
      const now = new Date();
      if (receipt.status === 'delivered' && (message.status === 'sent' || message.status === 'queued')) {
        await manager.update(OutreachMessageEntity, { id: message.id }, { status: 'delivered', deliveredAt: now, sentAt: message.sentAt ?? now, claimedUntil: null, claimedBy: null, subject: '', body: '' });
        message.status = 'delivered';
      } else if (receipt.status === 'failed' && message.status !== 'suppressed') {
        const reason = `gateway reported: ${gatewayReason(receipt.reason)}`;
        await manager.update(OutreachMessageEntity, { id: message.id }, { status: 'failed', reason, claimedUntil: null, claimedBy: null });
        // Failed for good (the gateway gave up): the desk's call may stand in, as after the worker's last try.
        if (message.status !== 'failed') await this.callbacks.onFailed(manager, message, now);
        message.status = 'failed';
      }
      const optedOut = receipt.reply !== undefined && isOptOutReply(receipt.reply);
      if (optedOut) await this.optOut(manager, message, channel, source, now);
      return { messageId: message.id, status: message.status, optedOut };
    });
  }

  private async find(manager: EntityManager, channel: OutreachReceiptChannel, receipt: OutreachReceiptDto): Promise<OutreachMessageEntity> {
    const where = receipt.idempotencyKey
      ? { idempotencyKey: receipt.idempotencyKey, channel }
      : receipt.providerMessageId
        ? { providerMessageId: receipt.providerMessageId, channel }
        : null;
    const message = where ? await manager.findOne(OutreachMessageEntity, { where }) : null;
    if (!message) throw new NotFoundException({ message: 'the receipt names no message sent on this channel', code: ERROR_CODES.outreachReceiptUnknown });
    return message;
  }

  private async optOut(manager: EntityManager, message: OutreachMessageEntity, channel: OutreachReceiptChannel, source: AuditActor, now: Date): Promise<void> {
    const consent = message.purpose === 'surveys' ? { consentSurveys: false, consentSurveysAt: now, consentSurveysBy: null } : { consentCalls: false, consentCallsAt: now, consentCallsBy: null };
    await manager.update(PatientEntity, { id: message.patientId }, { ...consent, updatedAt: now });
    await manager.update(
      OutreachMessageEntity,
      { patientId: message.patientId, purpose: message.purpose, status: In(['queued']) },
      { status: 'suppressed', reason: 'opted_out', claimedUntil: null, claimedBy: null, subject: '', body: '' },
    );
    const cancelled = message.purpose === 'follow_up' ? await this.rules.onConsentWithdrawn(manager, message.patientId) : [];
    await this.audit.record(
      source,
      {
        action: 'outreach.opt_out',
        entityType: 'patient',
        entityId: message.patientId,
        patientId: message.patientId,
        detail: JSON.stringify({ channel, purpose: message.purpose, messageId: message.id, cancelledCallbacks: cancelled.length }),
      },
      manager,
    );
  }
}

/**
 * A gateway's reason as the outbox keeps it (shown to admins, on the timeline): at most 200
 * characters, with anything like a number or an address masked, as a gateway may quote the recipient.
 */
export function gatewayReason(reason: string | undefined): string {
  if (!reason) return 'no reason given';
  return reason
    .replace(/\S+@\S+/g, '[address]')
    .replace(/\+?\d[\d\s-]{4,}\d/g, '[number]')
    .slice(0, 200);
}
