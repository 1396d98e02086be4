import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { PatientTimeline, TimelineEntry } from '@huifang/shared';
import { CallbackEntity } from '../callbacks/callback.entity';
import { toCallbackSummary } from '../callbacks/callback-view';
import { recoveryTriggers } from '../callbacks/recovery-trigger';
import { EncountersService } from '../encounters/encounters.service';
import { OutreachMessageEntity } from '../outreach/outreach-message.entity';
import { toOutreachMessage } from '../outreach/outreach-messages.service';
import { PatientsService } from '../patients/patients.service';
import { StageTransitionEntity } from '../patients/stage-transition.entity';
import { toStageTransition } from '../patients/stage-transition-view';
import { SurveyResponsesService } from '../surveys/survey-responses.service';

const MESSAGE_COLUMNS = {
  id: true,
  kind: true,
  patientId: true,
  departmentId: true,
  channel: true,
  purpose: true,
  status: true,
  reason: true,
  attempts: true,
  nextAttemptAt: true,
  sentAt: true,
  deliveredAt: true,
  createdAt: true,
} as const;

/** One patient's history across features, newest first (messages to the patient with their status, no text). */
@Injectable()
export class TimelineService {
  constructor(
    @InjectRepository(StageTransitionEntity) private readonly transitions: Repository<StageTransitionEntity>,
    @InjectRepository(CallbackEntity) private readonly callbacks: Repository<CallbackEntity>,
    @InjectRepository(OutreachMessageEntity) private readonly messages: Repository<OutreachMessageEntity>,
    private readonly patients: PatientsService,
    private readonly encounters: EncountersService,
    private readonly responses: SurveyResponsesService,
  ) {}

  async forPatient(patientId: number): Promise<PatientTimeline> {
    await this.patients.require(patientId);
    const [transitions, encounters, responses, callbacks, messages] = await Promise.all([
      this.transitions.find({ where: { patientId }, relations: { by: true }, order: { at: 'DESC', id: 'DESC' } }),
      this.encounters.forPatient(patientId),
      this.responses.forPatient(patientId),
      this.callbacks.find({ where: { patientId }, order: { createdAt: 'DESC', id: 'DESC' } }),
      // Not the text (a queued survey message's link is a credential); the address is never stored.
      this.messages.find({ select: MESSAGE_COLUMNS, where: { patientId }, order: { createdAt: 'DESC', id: 'DESC' } }),
    ]);
    const recovery = await recoveryTriggers(this.callbacks.manager, callbacks.map((c) => c.surveyResponseId));
    const entries: TimelineEntry[] = [
      ...transitions.map((row): TimelineEntry => ({
        kind: 'transition',
        at: row.at.toISOString(),
        transition: toStageTransition(row, row.by ? { id: row.by.id, displayName: row.by.displayName } : null),
      })),
      ...encounters.map((encounter): TimelineEntry => ({ kind: 'encounter', at: encounter.checkedInAt, encounter })),
      ...responses.map((response): TimelineEntry => ({ kind: 'survey_response', at: response.submittedAt, response })),
      ...callbacks.map((row): TimelineEntry => ({
        kind: 'callback',
        at: row.createdAt.toISOString(),
        callback: toCallbackSummary(row, recovery.get(row.surveyResponseId ?? 0) ?? null),
      })),
      ...messages.map((row): TimelineEntry => ({ kind: 'message', at: row.createdAt.toISOString(), message: toOutreachMessage(row) })),
    ];
    entries.sort((a, b) => b.at.localeCompare(a.at));
    return { patientId, entries };
  }
}
