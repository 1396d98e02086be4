import type { SurveyQuestion } from '@huifang/shared';
import { missingRequired, scaleValues, toAnswers } from './feedback-form';

const text = { zh: '问', en: 'Q' };
const questions: SurveyQuestion[] = [
  { id: 'csat', kind: 'csat', required: true, text },
  { id: 'nps', kind: 'nps', required: true, text },
  { id: 'comment', kind: 'text', required: false, text },
];

describe('feedback form model', () => {
  it('lists required questions still unanswered, counting blank text as unanswered', () => {
    expect(missingRequired(questions, {})).toEqual(['csat', 'nps']);
    expect(missingRequired(questions, { csat: 4, nps: 0 })).toEqual([]);
    expect(missingRequired([{ id: 't', kind: 'text', required: true, text }], { t: '   ' })).toEqual(['t']);
  });

  it('sends only answered questions, with text trimmed', () => {
    expect(toAnswers(questions, { csat: 4, nps: 0, comment: '  好  ' })).toEqual([
      { questionId: 'csat', value: 4 },
      { questionId: 'nps', value: 0 },
      { questionId: 'comment', value: '好' },
    ]);
    expect(toAnswers(questions, { csat: 5, comment: ' ' })).toEqual([{ questionId: 'csat', value: 5 }]);
  });

  it('offers 0-10 for NPS and 1-5 for CSAT and ratings', () => {
    expect(scaleValues(questions[1])).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(scaleValues(questions[0])).toEqual([1, 2, 3, 4, 5]);
  });
});
