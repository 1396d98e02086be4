import { SURVEY_QUESTION_ID_PATTERN, type SurveyQuestion } from './surveys';

/** Limits of a template version's questions: the server's DTO and the template editor use these. */
export const SURVEY_QUESTION_LIMITS = {
  maxQuestions: 40,
  /** Characters of a question's or an option's wording, per language. */
  maxTextLength: 300,
  minChoiceOptions: 2,
  maxChoiceOptions: 20,
} as const;

export type QuestionProblemCode =
  | 'noQuestions'
  | 'tooManyQuestions'
  | 'idMissing'
  | 'idPattern'
  | 'idDuplicate'
  | 'textMissing'
  | 'textTooLong'
  | 'dimensionRequired'
  | 'dimensionNotRating'
  | 'optionsTooFew'
  | 'optionsTooMany'
  | 'optionsNotChoice'
  | 'optionIncomplete'
  | 'optionValuePattern'
  | 'optionValueDuplicate'
  | 'oneNps'
  | 'oneCsat';

/** Something that keeps questions from being saved; `index` names the question (0-based), if one. */
export interface QuestionProblem {
  index: number | null;
  code: QuestionProblemCode;
}

const tooLong = (text: string) => [...text].length > SURVEY_QUESTION_LIMITS.maxTextLength;

/**
 * Everything that makes a version's questions unacceptable, in question order: the rules the
 * server enforces, which the template editor shows before Save instead of a 400.
 */
export function questionProblems(questions: readonly SurveyQuestion[]): QuestionProblem[] {
  const problems: QuestionProblem[] = [];
  if (questions.length === 0) problems.push({ index: null, code: 'noQuestions' });
  if (questions.length > SURVEY_QUESTION_LIMITS.maxQuestions) problems.push({ index: null, code: 'tooManyQuestions' });
  const idCounts = countBy(questions.map((q) => q.id));
  questions.forEach((q, index) => {
    const add = (code: QuestionProblemCode) => problems.push({ index, code });
    if (!q.id) add('idMissing');
    else if (!SURVEY_QUESTION_ID_PATTERN.test(q.id)) add('idPattern');
    else if ((idCounts.get(q.id) ?? 0) > 1) add('idDuplicate');
    if (!q.text.zh || !q.text.en) add('textMissing');
    else if (tooLong(q.text.zh) || tooLong(q.text.en)) add('textTooLong');
    if (q.kind === 'rating' && !q.dimension) add('dimensionRequired');
    if (q.kind !== 'rating' && q.dimension) add('dimensionNotRating');
    if (q.kind !== 'choice' && q.options) add('optionsNotChoice');
    if (q.kind === 'choice') {
      const options = q.options ?? [];
      if (options.length < SURVEY_QUESTION_LIMITS.minChoiceOptions) add('optionsTooFew');
      if (options.length > SURVEY_QUESTION_LIMITS.maxChoiceOptions) add('optionsTooMany');
      const values = options.map((o) => o.value);
      if (options.some((o) => !o.value || !o.label.zh || !o.label.en)) add('optionIncomplete');
      else if (values.some((v) => !SURVEY_QUESTION_ID_PATTERN.test(v))) add('optionValuePattern');
      else if (new Set(values).size !== values.length) add('optionValueDuplicate');
    }
  });
  if (questions.filter((q) => q.kind === 'nps').length > 1) problems.push({ index: null, code: 'oneNps' });
  if (questions.filter((q) => q.kind === 'csat').length > 1) problems.push({ index: null, code: 'oneCsat' });
  return problems;
}

function countBy(values: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}
