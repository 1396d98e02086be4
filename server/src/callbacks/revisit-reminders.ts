import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { outreachDate, type HospitalSettings, type OutreachChannel, type OutreachStatus } from '@huifang/shared';
import { HospitalSettingsService } from '../hospital-settings/hospital-settings.service';
import { commonValues, messageLanguage } from '../outreach/message-values';
import { Outbox } from '../outreach/outbox';
import { OutreachChannels } from '../outreach/outreach-channels';
import { PatientEntity } from '../patients/patient.entity';
import { isCallable } from './callable-patient';
import { insertCallbacks } from './insert-callbacks';
import type { NewCallback } from './rule-schedule';

/**
 * A reminder goes by message rather than by the desk's call when the patient consented to follow-up
 * contact (not merely was never asked) and a real channel reaches them. The `log` channel (no channel
 * configured: development, demo) never reaches a patient, so the desk still calls.
 */
export function remindsByMessage(patient: Pick<PatientEntity, 'consentCalls'>, channel: OutreachChannel | null): boolean {
  return patient.consentCalls === true && channel !== null && channel !== 'log';
}

/**
 * The `revisit_reminder` rule's reminder of an expected return (rule-schedule.ts), written in the
 * event's transaction: a message due when the call would have been (`revisit_reminder:<encounter>`),
 * or the call as before. A message the outbox suppresses at once (the daily cap of its day) leaves
 * the reminder to the call; one that fails for good later opens the call then
 * (failed-message-callbacks.ts).
 */
@Injectable()
export class RevisitReminders {
  constructor(
    private readonly outbox: Outbox,
    private readonly channels: OutreachChannels,
    private readonly hospital: HospitalSettingsService,
  ) {}

  async remind(manager: EntityManager, reminders: readonly NewCallback[], now: Date): Promise<void> {
    if (reminders.length === 0) return;
    const patients = new Map((await manager.findBy(PatientEntity, { id: In(reminders.map((r) => r.patientId)) })).map((p) => [p.id, p]));
    const settings = await this.hospital.current(manager);
    const calls: NewCallback[] = [];
    for (const reminder of reminders) {
      const patient = patients.get(reminder.patientId);
      if (!patient) continue;
      if (remindsByMessage(patient, this.channels.channelFor(patient)) && (await this.message(manager, patient, reminder, settings, now)) !== 'suppressed') continue;
      if (isCallable(patient)) calls.push(reminder);
    }
    await insertCallbacks(manager, calls);
  }

  private async message(manager: EntityManager, patient: PatientEntity, reminder: NewCallback, settings: HospitalSettings, now: Date): Promise<OutreachStatus> {
    const { timeZone, hospitalName } = settings;
    const language = messageLanguage(patient);
    const values = {
      ...(await commonValues(manager, patient, reminder.departmentId, language, hospitalName)),
      date: outreachDate(reminder.expectedOn as string, language),
    };
    const message = await this.outbox.enqueueOnce(
      manager,
      {
        kind: 'revisit_reminder',
        patientId: patient.id,
        idempotencyKey: `revisit_reminder:${reminder.encounterId}`,
        sourceId: reminder.encounterId as number,
        departmentId: reminder.departmentId,
        language,
        values,
        dueAt: reminder.dueAt,
      },
      now,
      timeZone,
    );
    return message.status;
  }
}
