import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { calendarDayOf, OPEN_CALLBACK_STATUSES, outreachDate, type CallbackStatus, type OutreachSuppressionRule } from '@huifang/shared';
import { HospitalSettingsService } from '../hospital-settings/hospital-settings.service';
import { commonValues, messageLanguage, outreachTime } from '../outreach/message-values';
import { Outbox } from '../outreach/outbox';
import { OutreachMessageEntity } from '../outreach/outreach-message.entity';
import { PatientEntity } from '../patients/patient.entity';
import type { CallbackEntity } from './callback.entity';

/**
 * Whether an announcement still has a reason to go when due (it may have waited for the morning):
 * not when its call was closed meanwhile (made, failed, cancelled, or gone), nor when a later
 * reschedule announced another time: the patient gets the latest time only.
 */
export function appointmentRule(callbackStatus: CallbackStatus | null, announcedAgain: boolean): OutreachSuppressionRule | null {
  if (callbackStatus === null || !(OPEN_CALLBACK_STATUSES as readonly CallbackStatus[]).includes(callbackStatus)) return 'call_closed';
  return announcedAgain ? 'superseded' : null;
}

/**
 * A rescheduled call announced to the patient (`notifyPatient`): a `callback_appointment` message
 * with the call's new day and time in the hospital's zone, in the reschedule's transaction. Each
 * reschedule announces its own time: the key counts the callback's announcements
 * (`callback_appointment:<callback>:<n>`), safe because the reschedule holds the callback's row.
 * Every reschedule, announced or not, withdraws an earlier announcement still waiting (for the
 * morning): the patient is never told a time that no longer holds (`appointmentRule` covers one
 * already being delivered).
 */
@Injectable()
export class CallbackAppointments {
  constructor(
    private readonly outbox: Outbox,
    private readonly hospital: HospitalSettingsService,
  ) {}

  async announce(manager: EntityManager, callback: CallbackEntity, dueAt: Date, now: Date): Promise<OutreachMessageEntity> {
    const { timeZone, hospitalName } = await this.hospital.current(manager);
    const patient = (await manager.findOneBy(PatientEntity, { id: callback.patientId })) as PatientEntity;
    const language = messageLanguage(patient);
    const values = {
      ...(await commonValues(manager, patient, callback.departmentId, language, hospitalName)),
      date: outreachDate(calendarDayOf(dueAt, timeZone), language),
      time: outreachTime(dueAt, timeZone),
    };
    const earlier = await manager.count(OutreachMessageEntity, { where: { kind: 'callback_appointment', sourceId: callback.id } });
    return this.outbox.enqueue(
      manager,
      {
        kind: 'callback_appointment',
        patientId: patient.id,
        idempotencyKey: `callback_appointment:${callback.id}:${earlier + 1}`,
        sourceId: callback.id,
        departmentId: callback.departmentId,
        language,
        values,
      },
      now,
      timeZone,
    );
  }

  /** An earlier announcement of this call not yet sent: suppressed `superseded`, its text emptied. */
  async withdrawEarlier(manager: EntityManager, callbackId: number): Promise<void> {
    await manager.update(
      OutreachMessageEntity,
      { kind: 'callback_appointment', sourceId: callbackId, status: 'queued' },
      { status: 'suppressed', reason: 'superseded', claimedUntil: null, claimedBy: null, subject: '', body: '' },
    );
  }
}
