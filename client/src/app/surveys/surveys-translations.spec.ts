import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { FFT_ANSWERS, QUESTION_KINDS, RATING_DIMENSIONS, TEMPLATE_VERSION_STATUSES } from '@huifang/shared';
import en from '../../../public/i18n/surveys/en.json';
import zh from '../../../public/i18n/surveys/zh.json';

function keys(value: unknown, prefix = ''): string[] {
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
  }
  return [prefix];
}

function lookup(translation: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], translation);
}

describe('surveys scope translation files', () => {
  it('have the same keys in Chinese and English', () => {
    expect(keys(en).sort()).toEqual(keys(zh).sort());
  });

  it('have no empty strings', () => {
    for (const translation of [en, zh]) {
      for (const key of keys(translation)) {
        expect([key, typeof lookup(translation, key)]).toEqual([key, 'string']);
        expect([key, (lookup(translation, key) as string).trim().length > 0]).toEqual([key, true]);
      }
    }
  });

  it('name every question kind, dimension and version status', () => {
    for (const translation of [en, zh]) {
      for (const kind of QUESTION_KINDS) {
        expect(typeof lookup(translation, `kinds.${kind}`)).toBe('string');
        expect(typeof lookup(translation, `kindHints.${kind}`)).toBe('string');
      }
      for (const answer of FFT_ANSWERS) expect(typeof lookup(translation, `fftAnswers.${answer}`)).toBe('string');
      for (const dimension of RATING_DIMENSIONS) {
        expect(typeof lookup(translation, `dimensions.${dimension}`)).toBe('string');
        expect(typeof lookup(translation, `dimensionsShort.${dimension}`)).toBe('string');
      }
      for (const status of TEMPLATE_VERSION_STATUSES) {
        expect(typeof lookup(translation, `statuses.${status}`)).toBe('string');
      }
    }
  });

  it('hold every literal `surveys.*` key the survey pages use', () => {
    const appDir = join(__dirname, '..');
    const used = new Set<string>();
    for (const folder of ['surveys', 'feedback-responses', 'templates']) {
      for (const file of readdirSync(join(appDir, folder))) {
        if (!/\.(ts|html)$/.test(file) || file.endsWith('.spec.ts')) continue;
        const source = readFileSync(join(appDir, folder, file), 'utf8');
        for (const match of source.matchAll(/'surveys\.([a-zA-Z0-9_.]+)'/g)) {
          // `'surveys.kinds.' + kind` is a prefix, checked above for every kind.
          if (!match[1].endsWith('.')) used.add(match[1]);
        }
      }
    }
    expect(used.size).toBeGreaterThan(50);
    for (const translation of [en, zh]) {
      const missing = [...used].filter((key) => typeof lookup(translation, key) !== 'string');
      expect(missing).toEqual([]);
    }
  });

  it('translate the dimension names as agreed', () => {
    expect(zh.dimensions).toEqual({
      wait_time: '候诊时间',
      doctor_communication: '医患沟通',
      nursing: '护理服务',
      environment: '就诊环境',
      billing: '费用与缴费',
    });
    expect(en.dimensions).toEqual({
      wait_time: 'Waiting time',
      doctor_communication: 'Doctor communication',
      nursing: 'Nursing',
      environment: 'Environment',
      billing: 'Billing',
    });
  });

  it('print the patient sheet in both languages whatever the UI language', () => {
    expect(zh.invite.sheet).toEqual(en.invite.sheet);
  });
});
