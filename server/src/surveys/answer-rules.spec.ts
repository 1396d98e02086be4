import { checkAnswers } from './answer-rules';
import { DEFAULT_TEMPLATE_QUESTIONS } from './default-template';

const complete = [
  { questionId: 'csat', value: 4 },
  { questionId: 'nps', value: 9 },
  { questionId: 'wait_time', value: 4 },
  { questionId: 'doctor_communication', value: 5 },
];

describe('checkAnswers against the default template', () => {
  it('accepts a complete answer and extracts NPS, CSAT and ratings', () => {
    const result = checkAnswers(DEFAULT_TEMPLATE_QUESTIONS, [...complete, { questionId: 'comment', value: '  很好  ' }], undefined);
    expect(result).toEqual({
      response: expect.objectContaining({
        nps: 9,
        csat: 4,
        ratings: { wait_time: 4, doctor_communication: 5 },
        needsRecovery: false,
        comment: '很好',
      }),
    });
  });

  it.each([
    [{ questionId: 'nps', value: 11 }, 'answers.nps must be a whole number from 0 to 10'],
    [{ questionId: 'csat', value: 0 }, 'answers.csat must be a whole number from 1 to 5'],
    [{ questionId: 'wait_time', value: 3.5 }, 'answers.wait_time must be a whole number from 1 to 5'],
    [{ questionId: 'nps', value: '9' }, 'answers.nps must be a whole number from 0 to 10'],
    [{ questionId: 'comment', value: 'x'.repeat(2001) }, 'answers.comment must be at most 2000 characters'],
    [{ questionId: 'mood', value: 3 }, 'answers.mood is not a question of this survey'],
  ])('refuses %p', (answer, problem) => {
    const others = complete.filter((a) => a.questionId !== answer.questionId);
    expect(checkAnswers(DEFAULT_TEMPLATE_QUESTIONS, [...others, answer], undefined)).toEqual({ problems: [problem] });
  });

  it('names each missing required answer', () => {
    expect(checkAnswers(DEFAULT_TEMPLATE_QUESTIONS, [{ questionId: 'nps', value: 8 }], undefined)).toEqual({
      problems: ['answers.csat is required', 'answers.wait_time is required', 'answers.doctor_communication is required'],
    });
  });

  it.each([
    ['nps', 6, true],
    ['nps', 7, false],
    ['csat', 2, true],
    ['csat', 3, false],
    ['wait_time', 2, true],
    ['wait_time', 3, false],
  ])('flags a response needing recovery: %s = %d → %s', (questionId, value, needsRecovery) => {
    const answers = complete.map((a) => (a.questionId === questionId ? { questionId, value } : a));
    const result = checkAnswers(DEFAULT_TEMPLATE_QUESTIONS, answers, undefined);
    expect('response' in result && result.response.needsRecovery).toBe(needsRecovery);
  });
});
