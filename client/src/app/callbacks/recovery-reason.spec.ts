import type { RecoveryTrigger } from '@huifang/shared';
import { recoveryReasonLine, recoveryReasonParts, recoveryReasonTexts, type Translate } from './recovery-reason';
import zh from '../../../public/i18n/zh.json';
import en from '../../../public/i18n/en.json';

/** Transloco's interpolation over the real translation files. */
function translator(file: Record<string, unknown>): Translate {
  return (key, params = {}) => {
    const text = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], file);
    if (typeof text !== 'string') throw new Error(`missing translation ${key}`);
    return text.replace(/{{\s*(\w+)\s*}}/g, (_, name: string) => String(params[name]));
  };
}

const WAIT_TWO: RecoveryTrigger = {
  answers: [{ questionId: 'wait_time', kind: 'rating', dimension: 'wait_time', value: 2 }],
  comment: '排队太久了',
};

describe('recovery reason', () => {
  it('names the answer that triggered recovery, translated, not the overall scores nor the raw key', () => {
    expect(recoveryReasonTexts(WAIT_TWO, translator(zh))).toEqual(['候诊时间 2/5']);
    expect(recoveryReasonTexts(WAIT_TWO, translator(en))).toEqual(['Waiting time 2/5']);
    expect(recoveryReasonLine(WAIT_TWO, translator(zh))).toBe('候诊时间 2/5 · “排队太久了”');
    expect(recoveryReasonLine(WAIT_TWO, translator(zh))).not.toMatch(/wait_time|NPS/);
  });

  it('keeps the order of the answers and translates the question kinds with their scales', () => {
    const trigger: RecoveryTrigger = {
      answers: [
        { questionId: 'csat', kind: 'csat', dimension: null, value: 1 },
        { questionId: 'nps', kind: 'nps', dimension: null, value: 3 },
        { questionId: 'billing', kind: 'rating', dimension: 'billing', value: 1 },
      ],
      comment: null,
    };
    expect(recoveryReasonParts(trigger).map((p) => [p.key, p.dimensionKey, p.value, p.max])).toEqual([
      ['recoveryTrigger.csat', null, 1, 5],
      ['recoveryTrigger.nps', null, 3, 10],
      ['recoveryTrigger.rating', 'dimensions.billing', 1, 5],
    ]);
    expect(recoveryReasonLine(trigger, translator(zh))).toBe('总体满意度 1/5、推荐意愿 3/10、费用与缴费 1/5');
    expect(recoveryReasonLine(trigger, translator(en))).toBe('Overall satisfaction 1/5, Likelihood to recommend 3/10, Billing 1/5');
  });

  it('shows nothing for a callback without a trigger', () => {
    expect(recoveryReasonParts(null)).toEqual([]);
    expect(recoveryReasonLine(null, translator(zh))).toBe('');
  });
});
