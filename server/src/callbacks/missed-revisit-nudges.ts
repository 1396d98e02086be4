import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { outreachDate } from '@huifang/shared';
import { HospitalSettingsService } from '../hospital-settings/hospital-settings.service';
import { EncounterEntity } from '../encounters/encounter.entity';
import { commonValues, messageLanguage } from '../outreach/message-values';
import { Outbox } from '../outreach/outbox';
import { PatientEntity } from '../patients/patient.entity';

/**
 * A patient who did not come back when expected gets a `missed_revisit_nudge` message besides the
 * desk's `missed_revisit` call, in the job's transaction. The message is about the visit that set the
 * missed expectation (`missed_revisit_nudge:<encounter>`: the latest finished one due that day); an
 * expectation with no such visit (set by hand) gets the call only. The outbox applies consent and
 * the daily cap as for every message.
 */
@Injectable()
export class MissedRevisitNudges {
  constructor(
    private readonly outbox: Outbox,
    private readonly hospital: HospitalSettingsService,
  ) {}

  async nudge(manager: EntityManager, missed: readonly { patientId: number; expectedOn: string }[], now: Date): Promise<void> {
    if (missed.length === 0) return;
    const { timeZone, hospitalName } = await this.hospital.current(manager);
    for (const { patientId, expectedOn } of missed) {
      const encounter = await manager
        .createQueryBuilder(EncounterEntity, 'e')
        .where('e.patient_id = :patientId AND e.next_visit_due = :expectedOn AND e.finished_at IS NOT NULL', { patientId, expectedOn })
        .orderBy('e.finished_at', 'DESC')
        .addOrderBy('e.id', 'DESC')
        .getOne();
      const patient = await manager.findOneBy(PatientEntity, { id: patientId });
      if (!encounter || !patient) continue;
      const language = messageLanguage(patient);
      const values = { ...(await commonValues(manager, patient, encounter.departmentId, language, hospitalName)), date: outreachDate(expectedOn, language) };
      await this.outbox.enqueueOnce(
        manager,
        { kind: 'missed_revisit_nudge', patientId, idempotencyKey: `missed_revisit_nudge:${encounter.id}`, sourceId: encounter.id, departmentId: encounter.departmentId, language, values },
        now,
        timeZone,
      );
    }
  }
}
