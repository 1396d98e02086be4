import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PHASE_REASONS, RELATIONSHIP_PHASES, VALUE_TIERS } from '@huifang/shared';
import mainEn from '../../../public/i18n/en.json';
import mainZh from '../../../public/i18n/zh.json';
import dashboardEn from '../../../public/i18n/dashboard/en.json';
import en from '../../../public/i18n/relationship/en.json';
import zh from '../../../public/i18n/relationship/zh.json';

function keys(value: unknown, prefix = ''): string[] {
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
  }
  return [prefix];
}

function lookup(translation: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], translation);
}

/** Every literal key starting with `prefix` in this folder's sources (a prefix ending in `.` is built on). */
function literalKeys(pattern: RegExp): Set<string> {
  const used = new Set<string>();
  for (const file of readdirSync(__dirname)) {
    if (!/\.(ts|html)$/.test(file) || file.endsWith('.spec.ts')) continue;
    for (const match of readFileSync(join(__dirname, file), 'utf8').matchAll(pattern)) {
      if (!match[1].endsWith('.')) used.add(match[1]);
    }
  }
  return used;
}

describe('relationship scope translation files', () => {
  it('have the same keys in Chinese and English, none empty, with the same placeholders', () => {
    expect(keys(en).sort()).toEqual(keys(zh).sort());
    const placeholders = (text: string) => [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();
    for (const key of keys(en)) {
      for (const translation of [en, zh]) {
        expect([key, typeof lookup(translation, key)]).toEqual([key, 'string']);
        expect([key, (lookup(translation, key) as string).trim().length > 0]).toEqual([key, true]);
      }
      expect([key, placeholders(lookup(zh, key) as string)]).toEqual([key, placeholders(lookup(en, key) as string)]);
    }
  });

  it('have every `relationship.*` key the view and the card write out, and the dashboard keys they borrow', () => {
    const used = literalKeys(/'relationship\.([a-zA-Z0-9_.]+)'/g);
    expect(used.size).toBeGreaterThan(60);
    for (const key of used) expect([key, typeof lookup(en, key)]).toEqual([key, 'string']);
    for (const key of literalKeys(/'dashboard\.([a-zA-Z0-9_.]+)'/g)) expect([key, typeof lookup(dashboardEn, key)]).toEqual([key, 'string']);
  });

  it('name every reason, phase and value tier', () => {
    const built = ['status_lapsed', 'status_at_risk', 'stable_record'];
    expect(PHASE_REASONS.filter((r) => !['visits_stopped', 'detractor_after_second_visit', 'fewer_than_two_visits', 'developing', ...built].includes(r))).toEqual([]);
    for (const translation of [en, zh]) {
      for (const reason of [...built, 'visits_stopped', 'detractor_after_second_visit', 'developing']) {
        expect(typeof lookup(translation, `reasons.${reason}`)).toBe('string');
      }
    }
    for (const main of [mainEn, mainZh]) {
      for (const phase of RELATIONSHIP_PHASES) expect(typeof lookup(main, `phases.${phase}`)).toBe('string');
      for (const tier of VALUE_TIERS) expect(typeof lookup(main, `valueTiers.${tier}`)).toBe('string');
    }
    expect(mainZh.phases).toEqual({ exploration: '考察期', development: '发展期', stable: '稳定期', decline: '退化期' });
    expect(mainZh.valueTiers).toEqual({ high: '高价值', medium: '中价值', low: '低价值' });
  });
});
