import { questionProblems as sharedQuestionProblems, type QuestionProblem, type SurveyQuestion } from '@huifang/shared';

/**
 * The rules across questions that field decorators cannot see (shared/, so the template editor
 * applies the same), as messages naming the question. Field-level problems (id pattern, lengths,
 * option counts) are the DTO's and reach here only as a safety net.
 */
export function questionProblems(questions: SurveyQuestion[]): string[] {
  return sharedQuestionProblems(questions)
    .filter((problem) => !(problem.code === 'idDuplicate' && isFirstOfItsId(problem, questions)))
    .map((problem) => message(problem, questions));
}

function isFirstOfItsId(problem: QuestionProblem, questions: SurveyQuestion[]): boolean {
  const index = problem.index ?? 0;
  return questions.findIndex((q) => q.id === questions[index].id) === index;
}

function message({ index, code }: QuestionProblem, questions: SurveyQuestion[]): string {
  const at = `questions.${index}`;
  switch (code) {
    case 'idDuplicate':
      return `${at}.id "${questions[index ?? 0].id}" is used twice`;
    case 'dimensionRequired':
      return `${at}.dimension is required for a rating question`;
    case 'dimensionNotRating':
      return `${at}.dimension is only for rating questions`;
    case 'optionsTooFew':
      return `${at}.options are required for a choice question`;
    case 'optionsNotChoice':
      return `${at}.options are only for choice questions`;
    case 'oneNps':
      return 'questions may hold at most one nps question';
    case 'oneCsat':
      return 'questions may hold at most one csat question';
    default:
      return index === null ? `questions: ${code}` : `${at}: ${code}`;
  }
}
