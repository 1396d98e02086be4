import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { OPEN_CALLBACK_STATUSES, SYSTEM_CANCEL_REASONS, calendarDayOf } from '@huifang/shared';
import { AppConfig } from '../core/config/app-config';
import { runRawSql, storedInstant } from '../core/database/raw-sql';
import { integerList } from '../encounters/return-expectations';
import type { PatientEntity } from '../patients/patient.entity';
import { CallbackEntity } from './callback.entity';
import { isCallable } from './callable-patient';
import { FollowUpRulesService } from './follow-up-rules.service';
import { insertCallbacks } from './insert-callbacks';
import { phaseCallbacks, type PhaseRuleCandidate } from './phase-rule-schedule';
import { RevisitReminders } from './revisit-reminders';
import { rehabilitationCallbacks, revisitReminder, serviceRecovery, type NewCallback } from './rule-schedule';

/**
 * Turns events into callbacks, inside the event's own transaction. Every callback carries the key of
 * its trigger, and a unique index on (kind, source_key) makes a repeated firing a no-op. Patients who
 * declined follow-up calls, or have no number to call, get none (callable-patient.ts). A revisit
 * reminder goes by message instead when one reaches the patient (revisit-reminders.ts).
 */
@Injectable()
export class RuleFiring {
  constructor(
    private readonly rules: FollowUpRulesService,
    private readonly config: AppConfig,
    private readonly reminders: RevisitReminders,
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
    if (!encounter.nextVisitDue) return;
    const settings = await this.rules.settings(manager);
    const now = new Date();
    const trigger = { encounterId: encounter.id, patientId: patient.id, departmentId: encounter.departmentId, nextVisitDue: encounter.nextVisitDue, now };
    const reminder = revisitReminder(settings, trigger, this.config.timeZone);
    // By message or by the desk's call (revisit-reminders.ts).
    if (reminder) await this.reminders.remind(manager, [reminder], now);
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

  /**
   * Patients whose relationship was just worked out (relationship/): the phases' calls, for callable
   * patients only. A win-back call is not opened while the patient already has an open win-back,
   * missed-revisit or service-recovery call (one call reaches out either way); a care call not when a
   * call reached the patient since their last contact.
   */
  async onRelationships(manager: EntityManager, candidates: readonly (PhaseRuleCandidate & { callable: boolean })[], now: Date): Promise<void> {
    const callable = candidates.filter((c) => c.callable);
    if (callable.length === 0) return;
    const settings = await this.rules.settings(manager);
    const today = calendarDayOf(now, this.config.timeZone);
    let calls = callable.flatMap((c) => phaseCallbacks(settings, c, today, now, this.config.timeZone));
    if (calls.length === 0) return;
    const patients = integerList([...new Set(calls.map((c) => c.patientId))]);
    const open = (await runRawSql(
      manager,
      `SELECT DISTINCT patient_id FROM callback WHERE patient_id IN (${patients}) AND status IN ('pending', 'claimed')
          AND kind IN ('win_back', 'missed_revisit', 'service_recovery')`,
      [],
    )) as { patient_id: number }[];
    const busy = new Set(open.map((r) => Number(r.patient_id)));
    const reached = (await runRawSql(
      manager,
      `SELECT patient_id, MAX(completed_at) AS at FROM callback WHERE patient_id IN (${patients}) AND outcome = 'reached' GROUP BY patient_id`,
      [],
    )) as { patient_id: number; at: Date | string }[];
    const lastReached = new Map(reached.map((r) => [Number(r.patient_id), calendarDayOf(storedInstant(r.at), this.config.timeZone)]));
    const lastContact = new Map(callable.map((c) => [c.patientId, c.lastContactOn ?? '']));
    calls = calls.filter((call) => {
      if (call.kind === 'win_back') return !busy.has(call.patientId);
      if (call.kind === 'care') return (lastReached.get(call.patientId) ?? '') <= (lastContact.get(call.patientId) ?? '');
      return true;
    });
    await insertCallbacks(manager, calls);
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
   * An import brought in history for these patients (ids from the database), in bulk: a return it
   * recorded cancels their reminders and win-back calls as the desk's `onReturn` does, and a visit
   * whose expected return is still ahead (the one in force) gets its reminder as `onVisitFinished`
   * would give it (by message or call), to patients who consent and have a number to call. Past
   * expectations fire nothing. Idempotent: the reminder's key is the visit's, as the desk's.
   */
  async onImportedHistory(manager: EntityManager, patientIds: readonly number[], now: Date): Promise<void> {
    if (patientIds.length === 0) return;
    const list = integerList(patientIds);
    await runRawSql(
      manager,
      `UPDATE callback SET status = 'cancelled', cancel_reason = $1, claimed_by = NULL, claim_expires_at = NULL, updated_at = $2
        WHERE patient_id IN (${list}) AND status IN ('pending', 'claimed') AND kind IN ('revisit_reminder', 'missed_revisit')
          AND EXISTS (SELECT 1 FROM patient p WHERE p.id = callback.patient_id AND p.last_visit_on >= callback.expected_on)`,
      [SYSTEM_CANCEL_REASONS.patientReturned, now],
    );
    const settings = await this.rules.settings(manager);
    if (!settings.revisit_reminder.enabled) return;
    const inForce = (await runRawSql(
      manager,
      `SELECT e.id, e.patient_id, e.department_id, e.next_visit_due
         FROM patient p JOIN encounter e ON e.id = (
              SELECT x.id FROM encounter x WHERE x.patient_id = p.id AND x.finished_at IS NOT NULL AND x.next_visit_due IS NOT NULL
               ORDER BY x.finished_at DESC, x.id DESC LIMIT 1)
        WHERE p.id IN (${list}) AND p.next_visit_due >= $1 AND (p.last_visit_on IS NULL OR p.last_visit_on < p.next_visit_due)
          AND (p.consent_calls IS NULL OR p.consent_calls = $2) AND p.phone <> ''`,
      [calendarDayOf(now, this.config.timeZone), true],
    )) as { id: number; patient_id: number; department_id: number; next_visit_due: string }[];
    const reminders = inForce.map((e) =>
      revisitReminder(
        settings,
        { encounterId: Number(e.id), patientId: Number(e.patient_id), departmentId: Number(e.department_id), nextVisitDue: e.next_visit_due, now },
        this.config.timeZone,
      ),
    );
    await this.reminders.remind(manager, reminders.filter((r): r is NewCallback => r !== null), now);
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
