import { SURVEY_QUESTION_LIMITS, questionProblems } from './question-rules';
import type { SurveyQuestion } from './surveys';

const q = (changes: Partial<SurveyQuestion>): SurveyQuestion => ({ id: 'q', kind: 'text', text: { zh: '问', en: 'Q' }, required: false, ...changes });
const codes = (questions: SurveyQuestion[]) => questionProblems(questions).map((p) => `${p.index}:${p.code}`);

describe('survey question rules (server and template editor)', () => {
  it('accepts a sound template', () => {
    expect(
      codes([
        q({ id: 'nps', kind: 'nps' }),
        q({ id: 'wait_time', kind: 'rating', dimension: 'wait_time' }),
        q({ id: 'visit', kind: 'choice', options: [{ value: 'a', label: { zh: '甲', en: 'A' } }, { value: 'b', label: { zh: '乙', en: 'B' } }] }),
      ]),
    ).toEqual([]);
  });

  it('names the question of each problem', () => {
    expect(codes([])).toEqual(['null:noQuestions']);
    expect(codes([q({ id: 'a' }), q({ id: 'a' })])).toEqual(['0:idDuplicate', '1:idDuplicate']);
    expect(codes([q({ id: 'Bad-Id' })])).toEqual(['0:idPattern']);
    expect(codes([q({ kind: 'rating' })])).toEqual(['0:dimensionRequired']);
    expect(codes([q({ dimension: 'nursing' })])).toEqual(['0:dimensionNotRating']);
    expect(codes([q({ options: [] })])).toEqual(['0:optionsNotChoice']);
    expect(codes([q({ kind: 'choice' })])).toEqual(['0:optionsTooFew']);
    expect(codes([q({ text: { zh: '', en: 'Q' } })])).toEqual(['0:textMissing']);
    expect(codes([q({ id: 'a', kind: 'nps' }), q({ id: 'b', kind: 'nps' })])).toEqual(['null:oneNps']);
    expect(codes([q({ id: 'a', kind: 'csat' }), q({ id: 'b', kind: 'csat' })])).toEqual(['null:oneCsat']);
  });

  it('counts wording in characters as the database does, and the number of questions', () => {
    const max = SURVEY_QUESTION_LIMITS.maxTextLength;
    expect(codes([q({ text: { zh: '😀'.repeat(max), en: 'Q' } })])).toEqual([]);
    expect(codes([q({ text: { zh: '问'.repeat(max + 1), en: 'Q' } })])).toEqual(['0:textTooLong']);
    const many = Array.from({ length: SURVEY_QUESTION_LIMITS.maxQuestions + 1 }, (_, i) => q({ id: `q${i}` }));
    expect(codes(many)).toEqual(['null:tooManyQuestions']);
  });
});
