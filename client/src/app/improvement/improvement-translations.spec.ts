import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { IMPROVEMENT_STATUSES, IMPROVEMENT_TESTS, IMPROVEMENT_VERDICTS, TARGET_COMPARATORS, BETTER_DIRECTIONS } from '@huifang/shared';
import dashboardEn from '../../../public/i18n/dashboard/en.json';
import dashboardZh from '../../../public/i18n/dashboard/zh.json';
import en from '../../../public/i18n/improvement/en.json';
import zh from '../../../public/i18n/improvement/zh.json';

function keys(value: unknown, prefix = ''): string[] {
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
  }
  return [prefix];
}

function lookup(translation: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], translation);
}

/** Every literal key matching `pattern` in this folder's sources and the dashboard's (a key ending in `.` is built on). */
function literalKeys(pattern: RegExp, folders = [__dirname, join(__dirname, '..', 'dashboard')]): Set<string> {
  const used = new Set<string>();
  for (const folder of folders) {
    for (const file of readdirSync(folder)) {
      if (!/\.(ts|html)$/.test(file) || file.endsWith('.spec.ts')) continue;
      for (const match of readFileSync(join(folder, file), 'utf8').matchAll(pattern)) {
        if (!match[1].endsWith('.')) used.add(match[1]);
      }
    }
  }
  return used;
}

const placeholders = (text: string) => [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();

describe('improvement scope translation files', () => {
  it('have the same keys in Chinese and English, none empty, with the same placeholders', () => {
    expect(keys(en).sort()).toEqual(keys(zh).sort());
    for (const key of keys(en)) {
      for (const translation of [en, zh]) expect([key, (lookup(translation, key) as string).trim().length > 0]).toEqual([key, true]);
      expect([key, placeholders(lookup(zh, key) as string)]).toEqual([key, placeholders(lookup(en, key) as string)]);
    }
  });

  it('have every `improvement.*` key the pages write out', () => {
    const used = literalKeys(/'improvement\.([a-zA-Z0-9_.]+)'/g, [__dirname]);
    expect(used.size).toBeGreaterThan(40);
    for (const key of used) expect([key, typeof lookup(en, key)]).toEqual([key, 'string']);
  });

  it('name every status, verdict, test, direction and comparator', () => {
    for (const translation of [en, zh]) {
      for (const status of IMPROVEMENT_STATUSES) expect(typeof lookup(translation, `statuses.${status}`)).toBe('string');
      for (const verdict of IMPROVEMENT_VERDICTS) expect(typeof lookup(translation, `verdicts.${verdict}`)).toBe('string');
      for (const test of IMPROVEMENT_TESTS) expect(typeof lookup(translation, `tests.${test}`)).toBe('string');
      for (const direction of BETTER_DIRECTIONS) expect(typeof lookup(translation, `directions.${direction}`)).toBe('string');
      for (const comparator of TARGET_COMPARATORS) expect(typeof lookup(translation, `comparators.${comparator}`)).toBe('string');
    }
  });

  it('says the verdicts as the issue words them', () => {
    expect(en.verdicts.improvedWithP.replace('{{ p }}', '= 0.003')).toBe('improved (p = 0.003)');
    expect(en.verdicts.no_change).toBe('no detectable change');
    expect(en.verdicts.too_few.replace('{{ n }}', '30')).toBe('too few answers to tell (n < 30)');
  });

  it("gives the dashboard's words for acting, marks and targets in both languages", () => {
    for (const key of ['act.button', 'act.marked', 'target.line', 'target.headline', 'target.met', 'target.notMet']) {
      expect([key, typeof lookup(dashboardEn, key)]).toEqual([key, 'string']);
      expect([key, placeholders(lookup(dashboardZh, key) as string)]).toEqual([key, placeholders(lookup(dashboardEn, key) as string)]);
    }
  });
});
