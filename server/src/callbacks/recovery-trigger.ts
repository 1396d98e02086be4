import { In, type EntityManager } from 'typeorm';
import { needsRecoveryAnswer, type RecoveryTrigger, type RecoveryTriggerAnswer } from '@huifang/shared';
import { SurveyAnswerEntity } from '../surveys/survey-answer.entity';
import { SurveyResponseEntity } from '../surveys/survey-response.entity';

/**
 * Why each service-recovery callback was opened, read from the response it is linked to: the answers
 * at or below the recovery threshold (in the order they were given) and the comment. Structured, so
 * the client can translate question kinds and dimensions instead of showing a stored English text.
 */
export async function recoveryTriggers(manager: EntityManager, responseIds: (number | null)[]): Promise<Map<number, RecoveryTrigger>> {
  const ids = [...new Set(responseIds.filter((id): id is number => id !== null))];
  if (ids.length === 0) return new Map();
  const [responses, answers] = await Promise.all([
    manager.find(SurveyResponseEntity, { select: { id: true, comment: true }, where: { id: In(ids) } }),
    manager.find(SurveyAnswerEntity, { where: { responseId: In(ids), kind: In(['nps', 'csat', 'rating']) }, order: { id: 'ASC' } }),
  ]);
  const triggers = new Map<number, RecoveryTrigger>(responses.map((r) => [r.id, { answers: [], comment: r.comment }]));
  for (const answer of answers) {
    if (answer.valueNumber === null || !needsRecoveryAnswer(answer.kind, answer.valueNumber)) continue;
    const low: RecoveryTriggerAnswer = {
      questionId: answer.questionId,
      kind: answer.kind as RecoveryTriggerAnswer['kind'],
      dimension: answer.dimension,
      value: answer.valueNumber,
    };
    triggers.get(answer.responseId)?.answers.push(low);
  }
  return triggers;
}
