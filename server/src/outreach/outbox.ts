import { Injectable } from '@nestjs/common';
import { Between, Not, type EntityManager } from 'typeorm';
import {
  addDays,
  calendarDayOf,
  OUTREACH_DAILY_CAP,
  OUTREACH_PURPOSE_OF,
  startOfCalendarDay,
  type OutreachKind,
  type OutreachPurpose,
  type OutreachSuppressionRule,
  type OutreachTemplateValues,
} from '@huifang/shared';
import { forUpdate } from '../core/database/row-lock';
import { PatientEntity } from '../patients/patient.entity';
import { OutreachChannels } from './outreach-channels';
import { OutreachMessageEntity } from './outreach-message.entity';
import { OutreachTexts } from './outreach-texts';
import { firstSendableAt } from './quiet-hours';

export interface NewMessage {
  kind: OutreachKind;
  patientId: number;
  /** `<kind>:<id of the causing record>`. */
  idempotencyKey: string;
  /** The causing record (OutreachMessageEntity.sourceId) and the department it belongs to. */
  sourceId: number;
  departmentId: number | null;
  language: 'zh' | 'en';
  /** The template's variables (OUTREACH_VARIABLES_OF the kind); the text is rendered here. */
  values: OutreachTemplateValues;
  /** When the message is meant to go out, if later than now (a reminder); quiet hours still apply to it. */
  dueAt?: Date;
}

/** The patient's consent for a purpose: true, false (refused or withdrawn) or null (never asked). */
export function consentFor(patient: Pick<PatientEntity, 'consentSurveys' | 'consentCalls'>, purpose: OutreachPurpose): boolean | null {
  return purpose === 'surveys' ? patient.consentSurveys : patient.consentCalls;
}

/** Why a message to this patient may not go out (consent first), or null. */
export function consentRule(consent: boolean | null): OutreachSuppressionRule | null {
  return consent === true ? null : consent === false ? 'opted_out' : 'no_consent';
}

/**
 * The transactional outbox: `enqueue` runs inside the transaction of the event that causes the
 * message, so the message exists exactly when the event does. The rules are applied here and the
 * outcome kept on the row: suppressed with the rule (no consent, opted out, no reachable channel,
 * daily cap), or queued, due now (or at `dueAt`) or, in the quiet hours, at 08:00.
 */
@Injectable()
export class Outbox {
  constructor(
    private readonly channels: OutreachChannels,
    private readonly texts: OutreachTexts,
  ) {}

  async enqueue(manager: EntityManager, message: NewMessage, now: Date, timeZone: string): Promise<OutreachMessageEntity> {
    return this.write(manager, await this.lockPatient(manager, message.patientId), message, now, timeZone);
  }

  /**
   * `enqueue`, unless the key has its message already (a rule fired again for the same record, as an
   * import re-run does): then that message, unchanged. The patient is locked before the key is looked
   * for, so two transactions writing one key (two instances) take turns: the second finds the first's
   * row rather than running into the unique key, which would abort its whole event on PostgreSQL.
   */
  async enqueueOnce(manager: EntityManager, message: NewMessage, now: Date, timeZone: string): Promise<OutreachMessageEntity> {
    const patient = await this.lockPatient(manager, message.patientId);
    const existing = await manager.findOneBy(OutreachMessageEntity, { idempotencyKey: message.idempotencyKey });
    return existing ?? this.write(manager, patient, message, now, timeZone);
  }

  /** Locked so that two events for one patient (two instances) count the daily cap, and look for a key, one after the other. */
  private async lockPatient(manager: EntityManager, patientId: number): Promise<PatientEntity> {
    return (await manager.findOne(PatientEntity, { where: { id: patientId }, ...forUpdate(manager) })) as PatientEntity;
  }

  private async write(manager: EntityManager, patient: PatientEntity, message: NewMessage, now: Date, timeZone: string): Promise<OutreachMessageEntity> {
    const purpose = OUTREACH_PURPOSE_OF[message.kind];
    const channel = this.channels.channelFor(patient);
    const sendAt = firstSendableAt(message.dueAt && message.dueAt > now ? message.dueAt : now, timeZone);
    const rule = consentRule(consentFor(patient, purpose)) ?? (channel === null ? 'unreachable' : await this.capRule(manager, patient.id, sendAt, timeZone));
    const text = rule ? { subject: '', body: '' } : await this.texts.render(manager, message.kind, message.language, message.values);
    const row = manager.create(OutreachMessageEntity, {
      kind: message.kind,
      patientId: patient.id,
      departmentId: message.departmentId,
      sourceId: message.sourceId,
      // A suppressed message names the channel it would have taken (log when none reaches the patient).
      channel: channel ?? 'log',
      purpose,
      idempotencyKey: message.idempotencyKey,
      language: message.language,
      subject: text.subject,
      body: text.body,
      status: rule ? 'suppressed' : 'queued',
      reason: rule,
      attempts: 0,
      nextAttemptAt: rule ? now : sendAt,
      claimedUntil: null,
      claimedBy: null,
      providerMessageId: null,
      sentAt: null,
      deliveredAt: null,
      createdAt: now,
    });
    await manager.insert(OutreachMessageEntity, row);
    return row;
  }

  /**
   * `daily_cap` when the patient already has the messages of the day this one goes out (suppressed
   * ones do not count). Counted by the day each message is due (`next_attempt_at`: a sent one's last
   * try, a queued one's planned time), not the day it was written: a survey reminder written with
   * its invitation for two days later must not take a place of the invitation's day, and counts on
   * its own. Decided here, under the patient's lock, rather than at delivery, so two messages for one
   * patient (two instances) always count one after the other; a reminder suppressed at delivery
   * (answered meanwhile) frees its place for messages written after that.
   */
  private async capRule(manager: EntityManager, patientId: number, sendAt: Date, timeZone: string): Promise<OutreachSuppressionRule | null> {
    const day = calendarDayOf(sendAt, timeZone);
    const thatDay = await manager.count(OutreachMessageEntity, {
      where: {
        patientId,
        status: Not('suppressed'),
        nextAttemptAt: Between(startOfCalendarDay(day, timeZone), new Date(startOfCalendarDay(addDays(day, 1), timeZone).getTime() - 1)),
      },
    });
    return thatDay >= OUTREACH_DAILY_CAP ? 'daily_cap' : null;
  }
}
