import type { SurveyQuestion } from '@huifang/shared';

/** Rules across questions that field decorators cannot see; messages name the question. */
export function questionProblems(questions: SurveyQuestion[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  questions.forEach((q, i) => {
    const at = `questions.${i}`;
    if (seen.has(q.id)) problems.push(`${at}.id "${q.id}" is used twice`);
    seen.add(q.id);
    if (q.kind === 'rating' && !q.dimension) problems.push(`${at}.dimension is required for a rating question`);
    if (q.kind !== 'rating' && q.dimension) problems.push(`${at}.dimension is only for rating questions`);
    if (q.kind === 'choice' && !q.options?.length) problems.push(`${at}.options are required for a choice question`);
    if (q.kind !== 'choice' && q.options) problems.push(`${at}.options are only for choice questions`);
  });
  for (const kind of ['nps', 'csat'] as const) {
    if (questions.filter((q) => q.kind === kind).length > 1) problems.push(`questions may hold at most one ${kind} question`);
  }
  return problems;
}
