import {
  needsRecoveryAnswer,
  SCALE,
  SURVEY_TEXT_MAX_LENGTH,
  type RatingDimension,
  type SurveyAnswer,
  type SurveyQuestion,
} from '@huifang/shared';

export interface CheckedAnswer {
  question: SurveyQuestion;
  valueNumber: number | null;
  valueText: string | null;
}

export interface CheckedResponse {
  answers: CheckedAnswer[];
  nps: number | null;
  csat: number | null;
  ratings: Partial<Record<RatingDimension, number>>;
  /** Any answer at or below the service-recovery threshold. */
  needsRecovery: boolean;
  /** The open comment: the `comment` field, or the answer to the first text question. */
  comment: string | null;
}

/**
 * Checks answers against the template version they answer: known question ids, each once, values in
 * range for the kind, required ones present; text trimmed and length-limited. Returns the problems
 * (naming `answers.<questionId>`) or the checked response.
 */
export function checkAnswers(
  questions: SurveyQuestion[],
  answers: SurveyAnswer[],
  comment: string | undefined,
): { problems: string[] } | { response: CheckedResponse } {
  const problems: string[] = [];
  const byId = new Map(questions.map((q) => [q.id, q]));
  const given = new Map<string, SurveyAnswer>();
  for (const answer of answers) {
    if (!byId.has(answer.questionId)) problems.push(`answers.${answer.questionId} is not a question of this survey`);
    else if (given.has(answer.questionId)) problems.push(`answers.${answer.questionId} is answered twice`);
    else given.set(answer.questionId, answer);
  }
  const checked: CheckedAnswer[] = [];
  for (const question of questions) {
    const answer = given.get(question.id);
    const empty = answer === undefined || (typeof answer.value === 'string' && answer.value.trim() === '');
    if (empty) {
      if (question.required) problems.push(`answers.${question.id} is required`);
      continue;
    }
    const value = answer.value;
    const field = `answers.${question.id}`;
    if (question.kind === 'nps' || question.kind === 'csat' || question.kind === 'rating') {
      const { min, max } = SCALE[question.kind];
      if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
        problems.push(`${field} must be a whole number from ${min} to ${max}`);
      } else checked.push({ question, valueNumber: value, valueText: null });
    } else if (question.kind === 'choice') {
      if (typeof value !== 'string' || !question.options?.some((o) => o.value === value)) {
        problems.push(`${field} must be one of ${question.options?.map((o) => o.value).join(', ')}`);
      } else checked.push({ question, valueNumber: null, valueText: value });
    } else if (typeof value !== 'string') {
      problems.push(`${field} must be text`);
    } else if (value.trim().length > SURVEY_TEXT_MAX_LENGTH) {
      problems.push(`${field} must be at most ${SURVEY_TEXT_MAX_LENGTH} characters`);
    } else checked.push({ question, valueNumber: null, valueText: value.trim() });
  }
  if (problems.length) return { problems };

  const number = (kind: string) => checked.find((a) => a.question.kind === kind)?.valueNumber ?? null;
  const ratings: CheckedResponse['ratings'] = {};
  for (const a of checked) if (a.question.kind === 'rating' && a.question.dimension) ratings[a.question.dimension] = a.valueNumber as number;
  const textAnswer = checked.find((a) => a.question.kind === 'text')?.valueText ?? null;
  return {
    response: {
      answers: checked,
      nps: number('nps'),
      csat: number('csat'),
      ratings,
      needsRecovery: checked.some((a) => a.valueNumber !== null && needsRecoveryAnswer(a.question.kind, a.valueNumber)),
      comment: comment?.trim() || textAnswer || null,
    },
  };
}
