import { SCALE, type SurveyAnswer, type SurveyQuestion } from '@huifang/shared';

export type AnswerValues = Readonly<Record<string, number | string | undefined>>;

/** Required questions without an answer (blank text counts as unanswered). */
export function missingRequired(questions: readonly SurveyQuestion[], values: AnswerValues): string[] {
  return questions
    .filter((q) => q.required)
    .filter((q) => {
      const value = values[q.id];
      return value === undefined || (typeof value === 'string' && value.trim() === '');
    })
    .map((q) => q.id);
}

/** The request body's answers: only questions that were answered, text trimmed. */
export function toAnswers(questions: readonly SurveyQuestion[], values: AnswerValues): SurveyAnswer[] {
  return questions.flatMap((q): SurveyAnswer[] => {
    const value = values[q.id];
    if (value === undefined) return [];
    if (typeof value === 'string') return value.trim() ? [{ questionId: q.id, value: value.trim() }] : [];
    return [{ questionId: q.id, value }];
  });
}

/** The values a scale question offers: the server's bounds (`SCALE`), NPS 0-10, CSAT and ratings 1-5. */
export function scaleValues(question: SurveyQuestion): number[] {
  const { min, max } = question.kind === 'nps' ? SCALE.nps : question.kind === 'csat' ? SCALE.csat : SCALE.rating;
  return Array.from({ length: max - min + 1 }, (_, i) => min + i);
}
