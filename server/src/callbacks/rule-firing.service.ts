import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { OPEN_CALLBACK_STATUSES, SYSTEM_CANCEL_REASONS } from '@huifang/shared';
import { AppConfig } from '../core/config/app-config';
import type { PatientEntity } from '../patients/patient.entity';
import { CallbackEntity } from './callback.entity';
import { isCallable } from './callable-patient';
import { FollowUpRulesService } from './follow-up-rules.service';
import { rehabilitationCallbacks, revisitReminder, serviceRecovery, type NewCallback } from './rule-schedule';

/**
 * Turns events into callbacks, inside the event's own transaction. Every callback carries the key of
 * its trigger, and a unique index on (kind, source_key) makes a repeated firing a no-op. Patients who
 * declined follow-up calls, or have no number to call, get none (callable-patient.ts).
 */
@Injectable()
export class RuleFiring {
  constructor(
    private readonly rules: FollowUpRulesService,
    private readonly config: AppConfig,
  ) {}

  async onStageChange(
    manager: EntityManager,
    patient: PatientEntity,
    transition: { id: number; to: string; at: Date },
  ): Promise<void> {
    if (transition.to !== 'rehabilitation' || !isCallable(patient)) return;
    const settings = await this.rules.settings(manager);
    const trigger = { transitionId: transition.id, patientId: patient.id, at: transition.at, departmentId: patient.lastDepartmentId };
    await insertCallbacks(manager, rehabilitationCallbacks(settings, trigger, this.config.timeZone));
  }

  async onVisitFinished(
    manager: EntityManager,
    patient: PatientEntity,
    encounter: { id: number; departmentId: number; nextVisitDue: string | null },
  ): Promise<void> {
    if (!encounter.nextVisitDue || !isCallable(patient)) return;
    const settings = await this.rules.settings(manager);
    const trigger = { encounterId: encounter.id, patientId: patient.id, departmentId: encounter.departmentId, nextVisitDue: encounter.nextVisitDue, now: new Date() };
    const reminder = revisitReminder(settings, trigger, this.config.timeZone);
    if (reminder) await insertCallbacks(manager, [reminder]);
  }

  async onNeedsRecovery(
    manager: EntityManager,
    patient: PatientEntity,
    response: { id: number; encounterId: number; departmentId: number; submittedAt: Date },
    reason: string,
  ): Promise<void> {
    if (!isCallable(patient)) return;
    const settings = await this.rules.settings(manager);
    const callback = serviceRecovery(settings, { responseId: response.id, patientId: patient.id, reason, ...response });
    if (callback) await insertCallbacks(manager, [callback]);
  }

  /** A patient who returns no longer needs reminding or winning back for expectations up to that day. */
  async onReturn(manager: EntityManager, patientId: number, day: string): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(CallbackEntity)
      .set({ status: 'cancelled', cancelReason: SYSTEM_CANCEL_REASONS.patientReturned, claimedBy: null, claimExpiresAt: null, updatedAt: new Date() })
      .where("patient_id = :patientId AND status IN ('pending', 'claimed') AND kind IN ('revisit_reminder', 'missed_revisit')", { patientId })
      .andWhere('expected_on <= :day', { day })
      .execute();
  }

  /**
   * A patient who withdrew consent to follow-up calls is not called: every open callback (held by
   * someone or not) is cancelled with the reason. Runs after the patient row is locked, as a claim
   * locks it too (callbacks.service.ts), so a claim either comes first and is cancelled here, or
   * comes after and is refused. Returns the cancelled ids, for the audit.
   */
  async onConsentWithdrawn(manager: EntityManager, patientId: number): Promise<number[]> {
    const open = await manager.find(CallbackEntity, {
      select: { id: true },
      where: { patientId, status: In([...OPEN_CALLBACK_STATUSES]) },
      order: { id: 'ASC' },
    });
    if (open.length === 0) return [];
    const ids = open.map((c) => c.id);
    await manager.update(
      CallbackEntity,
      { id: In(ids) },
      { status: 'cancelled', cancelReason: SYSTEM_CANCEL_REASONS.consentWithdrawn, claimedBy: null, claimedAt: null, claimExpiresAt: null, updatedAt: new Date() },
    );
    return ids;
  }
}

export async function insertCallbacks(manager: EntityManager, callbacks: NewCallback[]): Promise<void> {
  if (callbacks.length === 0) return;
  await manager
    .createQueryBuilder()
    .insert()
    .into(CallbackEntity)
    .values(callbacks.map((c) => ({ ...c, status: 'pending' as const, attemptCount: 0 })))
    .orIgnore()
    .updateEntity(false)
    .execute();
}
