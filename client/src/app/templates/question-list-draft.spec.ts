import type { SurveyQuestion } from '@huifang/shared';
import { QuestionListDraft } from './question-list-draft';

const PUBLISHED: SurveyQuestion[] = [
  { id: 'nps', kind: 'nps', required: true, text: { zh: '您有多大可能推荐我们？', en: 'How likely are you to recommend us?' } },
  {
    id: 'wait_time',
    kind: 'rating',
    dimension: 'wait_time',
    required: true,
    text: { zh: '您对候诊时间满意吗？', en: 'How satisfied were you with the waiting time?' },
  },
  { id: 'comment', kind: 'text', required: false, text: { zh: '还有什么想说的？', en: 'Anything else?' } },
];

describe('QuestionListDraft', () => {
  it('starts from the latest version and gives back the same questions', () => {
    const draft = new QuestionListDraft(PUBLISHED);
    expect(draft.questions().map((q) => q.id)).toEqual(['nps', 'wait_time', 'comment']);
    expect(draft.problems()).toEqual([]);
    expect(draft.canSave()).toBe(true);
    expect(draft.toQuestions()).toEqual(PUBLISHED);
  });

  it('reorders with up and down, and does nothing past either end', () => {
    const draft = new QuestionListDraft(PUBLISHED);
    draft.move(2, -1);
    expect(draft.questions().map((q) => q.id)).toEqual(['nps', 'comment', 'wait_time']);
    draft.move(0, 1);
    expect(draft.questions().map((q) => q.id)).toEqual(['comment', 'nps', 'wait_time']);
    draft.move(0, -1);
    draft.move(2, 1);
    expect(draft.questions().map((q) => q.id)).toEqual(['comment', 'nps', 'wait_time']);
  });

  it('removes a question, and refuses an empty list', () => {
    const draft = new QuestionListDraft(PUBLISHED);
    draft.remove(1);
    expect(draft.toQuestions().map((q) => q.id)).toEqual(['nps', 'comment']);
    draft.remove(0);
    draft.remove(0);
    expect(draft.problems()).toEqual([{ index: null, code: 'noQuestions' }]);
    expect(draft.canSave()).toBe(false);
  });

  it('adds an empty question that cannot be saved until it has an id and both texts', () => {
    const draft = new QuestionListDraft(PUBLISHED);
    const index = draft.add();
    expect(index).toBe(3);
    expect(draft.problems()).toEqual([
      { index: 3, code: 'idMissing' },
      { index: 3, code: 'textMissing' },
    ]);
    expect(draft.canSave()).toBe(false);

    draft.update(3, { id: 'Staff Attitude', zh: '工作人员态度如何？', en: '   ' });
    expect(draft.problems()).toEqual([
      { index: 3, code: 'idPattern' },
      { index: 3, code: 'textMissing' },
    ]);
    draft.update(3, { id: 'staff_attitude', en: 'How friendly were the staff?' });
    expect(draft.canSave()).toBe(true);
    expect(draft.toQuestions()[3]).toEqual({
      id: 'staff_attitude',
      kind: 'text',
      required: false,
      text: { zh: '工作人员态度如何？', en: 'How friendly were the staff?' },
    });
  });

  it('requires a dimension for a rating question, and sends it only for ratings', () => {
    const draft = new QuestionListDraft(PUBLISHED);
    draft.update(2, { kind: 'rating' });
    expect(draft.problems()).toEqual([{ index: 2, code: 'dimensionRequired' }]);
    expect(draft.canSave()).toBe(false);

    draft.update(2, { dimension: 'billing' });
    expect(draft.canSave()).toBe(true);
    expect(draft.toQuestions()[2]).toMatchObject({ id: 'comment', kind: 'rating', dimension: 'billing' });

    // Back to text: the dimension stays in the editor but is not sent.
    draft.update(2, { kind: 'text' });
    expect(draft.toQuestions()[2]).not.toHaveProperty('dimension');
  });

  it("names a new rating question after its dimension until an id is typed", () => {
    const draft = new QuestionListDraft(PUBLISHED);
    const index = draft.add('rating');
    draft.update(index, { dimension: 'nursing' });
    expect(draft.questions()[index].id).toBe('nursing');
    draft.update(1, { dimension: 'environment' });
    expect(draft.questions()[1].id).toBe('wait_time');
  });

  it('refuses duplicate ids and a second NPS question', () => {
    const draft = new QuestionListDraft(PUBLISHED);
    const index = draft.add('nps');
    draft.update(index, { id: 'nps', zh: '推荐？', en: 'Recommend?' });
    expect(draft.problems()).toEqual([
      { index: 0, code: 'idDuplicate' },
      { index, code: 'idDuplicate' },
      { index: null, code: 'oneNps' },
    ]);
  });

  it('edits the options of a choice question: at least two, each complete with a key-like value', () => {
    const draft = new QuestionListDraft(PUBLISHED);
    const index = draft.add('choice');
    draft.update(index, { id: 'visit_reason', zh: '就诊原因', en: 'Reason for the visit' });
    expect(draft.questions()[index].options).toHaveLength(2);
    expect(draft.problems()).toEqual([{ index, code: 'optionIncomplete' }]);

    draft.updateOption(index, 0, { value: 'first', zh: '初诊', en: 'First visit' });
    draft.updateOption(index, 1, { value: 'Follow Up', zh: '复诊', en: 'Follow-up' });
    expect(draft.problems()).toEqual([{ index, code: 'optionValuePattern' }]);
    draft.updateOption(index, 1, { value: 'follow_up' });
    expect(draft.canSave()).toBe(true);

    draft.removeOption(index, 0);
    expect(draft.problems()).toEqual([{ index, code: 'optionsTooFew' }]);
    draft.addOption(index);
    draft.updateOption(index, 1, { value: 'follow_up', zh: '复查', en: 'Check-up' });
    expect(draft.problems()).toEqual([{ index, code: 'optionValueDuplicate' }]);
    draft.updateOption(index, 1, { value: 'check_up' });

    expect(draft.toQuestions()[index]).toEqual({
      id: 'visit_reason',
      kind: 'choice',
      required: false,
      text: { zh: '就诊原因', en: 'Reason for the visit' },
      options: [
        { value: 'follow_up', label: { zh: '复诊', en: 'Follow-up' } },
        { value: 'check_up', label: { zh: '复查', en: 'Check-up' } },
      ],
    });
  });

  it('keeps each question its identity while the list is reordered', () => {
    const draft = new QuestionListDraft(PUBLISHED);
    const keys = draft.questions().map((q) => q.key);
    expect(new Set(keys).size).toBe(3);
    draft.move(0, 1);
    expect(draft.questions().map((q) => q.key)).toEqual([keys[1], keys[0], keys[2]]);
  });
});
