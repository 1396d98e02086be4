import { fakerZH_CN as faker } from '@faker-js/faker';
import { calendarDayOf, callbackPriorityRank, isNpsDetractor, needsRecoveryAnswer, type RatingDimension, syntheticSatisfactionShift } from '@huifang/shared';
import { hashSurveyToken, newSurveyToken } from '../survey-token';
import { COMMENTS, COMMUNICATION_MEAN } from './demo-feedback-data';

/*
 * Invitations for about 60% of finished visits and answers to about half of them, with scores that
 * follow the visit: long waits lower the wait-time rating and the NPS; departments differ in how
 * well doctors explain. Pure: rows with explicit ids for a loader.
 */

export interface FeedbackEncounter {
  id: number;
  patientId: number;
  departmentId: number;
  departmentCode: string;
  checkedInAt: Date;
  calledAt: Date;
  finishedAt: Date;
  consentSurveys: boolean | null;
}

export interface FeedbackInput {
  now: Date;
  timeZone: string;
  templateVersionId: number;
  staffIds: number[];
  encounters: FeedbackEncounter[];
  expiryDays: number;
  minDays: number;
  seed?: number;
}

const DIMENSIONS: RatingDimension[] = ['wait_time', 'doctor_communication', 'nursing', 'environment', 'billing'];
const DAY = 86_400_000;

export function generateDemoFeedback(input: FeedbackInput) {
  faker.seed(input.seed ?? 4242);
  const invitations: Record<string, unknown>[] = [];
  // Typed where the seeder tags the comments (surveys.demo-seeder.ts).
  const responses: (Record<string, unknown> & { id: number; submittedOn: string; departmentId: number; nps: number; comment: string | null })[] = [];
  const answers: Record<string, unknown>[] = [];
  const callbacks: Record<string, unknown>[] = [];
  const lastInvited = new Map<number, Date>();
  const latestDetractor = new Map<number, boolean>();

  const sorted = [...input.encounters].sort((a, b) => a.finishedAt.getTime() - b.finishedAt.getTime());
  for (const encounter of sorted) {
    if (encounter.consentSurveys === false || faker.number.float() > 0.6) continue;
    const previous = lastInvited.get(encounter.patientId);
    const createdAt = new Date(encounter.finishedAt.getTime() + faker.number.int({ min: 2, max: 30 }) * 60_000);
    if (createdAt > input.now) continue;
    if (previous && createdAt.getTime() - previous.getTime() < input.minDays * DAY) continue;
    lastInvited.set(encounter.patientId, createdAt);
    const expiresAt = new Date(createdAt.getTime() + input.expiryDays * DAY);
    const submittedAt = new Date(createdAt.getTime() + faker.number.int({ min: 5, max: 60 * 60 }) * 60_000);
    const answered = faker.number.float() < 0.5 && submittedAt < input.now && submittedAt < expiresAt;
    const invitationId = invitations.length + 1;
    invitations.push({
      id: invitationId,
      tokenHash: hashSurveyToken(newSurveyToken()),
      encounterId: encounter.id,
      patientId: encounter.patientId,
      departmentId: encounter.departmentId,
      templateVersionId: input.templateVersionId,
      createdAt,
      expiresAt,
      usedAt: answered ? submittedAt : null,
      createdBy: faker.helpers.arrayElement(input.staffIds),
    });
    if (!answered) continue;

    const waitMinutes = (encounter.calledAt.getTime() - encounter.checkedInAt.getTime()) / 60_000;
    const ratings = scoreDimensions(encounter.departmentCode, waitMinutes);
    const meanRating = DIMENSIONS.reduce((sum, d) => sum + ratings[d], 0) / DIMENSIONS.length;
    // The patient's loyalty lifts or lowers their satisfaction (shared/ synthetic-model.ts).
    const csat = clamp(Math.round(meanRating + 0.15 + syntheticSatisfactionShift(encounter.patientId) + noise(0.55)), 1, 5);
    const nps = clamp(Math.round(2.2 * csat - 0.7 + noise(1.2) - (waitMinutes > 60 ? 1.5 : 0)), 0, 10);
    const needsRecovery =
      needsRecoveryAnswer('nps', nps) || needsRecoveryAnswer('csat', csat) || DIMENSIONS.some((d) => needsRecoveryAnswer('rating', ratings[d]));
    const comment = faker.number.float() < (needsRecovery ? 0.7 : 0.3) ? commentFor(ratings, csat) : null;
    const responseId = responses.length + 1;
    responses.push({
      id: responseId,
      invitationId,
      encounterId: encounter.id,
      patientId: encounter.patientId,
      departmentId: encounter.departmentId,
      templateVersionId: input.templateVersionId,
      submittedAt,
      submittedOn: calendarDayOf(submittedAt, input.timeZone),
      nps,
      csat,
      needsRecovery,
      comment,
      language: faker.number.float() < 0.95 ? 'zh' : 'en',
    });
    const answer = (questionId: string, kind: string, dimension: string | null, valueNumber: number | null, valueText: string | null) =>
      answers.push({ id: answers.length + 1, responseId, questionId, kind, dimension, valueNumber, valueText });
    answer('csat', 'csat', null, csat, null);
    answer('nps', 'nps', null, nps, null);
    for (const d of DIMENSIONS) if (d === 'wait_time' || d === 'doctor_communication' || faker.number.float() < 0.8) answer(d, 'rating', d, ratings[d], null);
    if (comment) answer('comment', 'text', null, null, comment);
    latestDetractor.set(encounter.patientId, isNpsDetractor(nps)); // at risk follows the NPS alone
    if (needsRecovery) {
      const dueAt = new Date(submittedAt.getTime() + DAY);
      const old = input.now.getTime() - submittedAt.getTime() > 3 * DAY;
      callbacks.push({
        id: callbacks.length + 1,
        patientId: encounter.patientId,
        kind: 'service_recovery',
        priority: 'high',
        priorityRank: callbackPriorityRank('high'),
        ...(old
          ? faker.number.float() < 0.85
            ? { status: 'completed', outcome: 'reached', attemptCount: 1 }
            : { status: 'failed', outcome: 'no_answer', attemptCount: 3 }
          : { status: 'pending', outcome: null, attemptCount: 0 }),
        sourceKey: `response:${responseId}`,
        departmentId: encounter.departmentId,
        dueAt,
        reason: `NPS ${nps}, CSAT ${csat}${comment ? ` — ${comment}` : ''}`,
        surveyResponseId: responseId,
        encounterId: encounter.id,
        createdAt: submittedAt,
        updatedAt: old ? dueAt : submittedAt,
      });
    }
  }
  return { invitations, responses, answers, callbacks, lastInvited, latestDetractor };
}

function scoreDimensions(departmentCode: string, waitMinutes: number): Record<RatingDimension, number> {
  const waitPenalty = waitMinutes > 90 ? 2.6 : waitMinutes > 60 ? 1.8 : waitMinutes > 40 ? 1.1 : waitMinutes > 25 ? 0.5 : 0;
  return {
    wait_time: clamp(Math.round(4.8 - waitPenalty + noise(0.6)), 1, 5),
    doctor_communication: clamp(Math.round((COMMUNICATION_MEAN[departmentCode] ?? 4) + 0.2 + noise(0.55)), 1, 5),
    nursing: clamp(Math.round(4.4 + noise(0.5)), 1, 5),
    environment: clamp(Math.round(4.2 + noise(0.55)), 1, 5),
    billing: clamp(Math.round(4.0 + noise(0.6)), 1, 5),
  };
}

function commentFor(ratings: Record<RatingDimension, number>, csat: number): string {
  if (csat >= 4 && Math.min(...Object.values(ratings)) >= 3) return faker.helpers.arrayElement(COMMENTS.praise);
  const worst = DIMENSIONS.reduce((a, b) => (ratings[b] < ratings[a] ? b : a));
  if (ratings[worst] <= 2) return faker.helpers.arrayElement(COMMENTS[worst]);
  return faker.helpers.arrayElement(COMMENTS.neutral);
}

function noise(sd: number): number {
  return sd * Math.sqrt(-2 * Math.log(1 - faker.number.float())) * Math.cos(2 * Math.PI * faker.number.float());
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, value));
}
