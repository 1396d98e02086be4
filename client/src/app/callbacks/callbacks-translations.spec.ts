import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ATTEMPT_OUTCOMES, CALLBACK_KINDS, CALLBACK_VIEWS, FOLLOW_UP_RULE_KEYS } from '@huifang/shared';
import en from '../../../public/i18n/callbacks/en.json';
import zh from '../../../public/i18n/callbacks/zh.json';
import mainEn from '../../../public/i18n/en.json';
import mainZh from '../../../public/i18n/zh.json';

function keys(value: unknown, prefix = ''): string[] {
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
  }
  return [prefix];
}

function lookup(translation: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], translation);
}

/** Every literal translation key in the sources of `folders` that starts with `prefix`. */
function literalKeys(folders: string[], pattern: RegExp): Set<string> {
  const appDir = join(__dirname, '..');
  const used = new Set<string>();
  for (const folder of folders) {
    for (const file of readdirSync(join(appDir, folder))) {
      if (!/\.(ts|html)$/.test(file) || file.endsWith('.spec.ts')) continue;
      const source = readFileSync(join(appDir, folder, file), 'utf8');
      for (const match of source.matchAll(pattern)) {
        // `'callbacks.outcomes.' + outcome` is a prefix, checked below for every value.
        if (!match[1].endsWith('.')) used.add(match[1]);
      }
    }
  }
  return used;
}

describe('callbacks scope translation files', () => {
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

  it('name every view, outcome, kind and rule', () => {
    for (const translation of [en, zh]) {
      for (const view of CALLBACK_VIEWS) {
        expect(typeof lookup(translation, `queue.views.${view}`)).toBe('string');
        expect(typeof lookup(translation, `queue.empty.${view}`)).toBe('string');
      }
      for (const outcome of ATTEMPT_OUTCOMES) {
        expect(typeof lookup(translation, `outcomes.${outcome}`)).toBe('string');
        expect(typeof lookup(translation, `outcomeHints.${outcome}`)).toBe('string');
        expect(typeof lookup(translation, `queue.results.${outcome}`)).toBe('string');
      }
      for (const kind of CALLBACK_KINDS) {
        expect(typeof lookup(translation, `scripts.${kind}`)).toBe('string');
        expect(typeof lookup(translation, `defaultReasons.${kind}`)).toBe('string');
      }
      for (const key of FOLLOW_UP_RULE_KEYS) {
        expect(lookup(translation, `rules.triggers.${key}`)).toContain('{{ span }}');
      }
    }
  });

  it('hold every literal `callbacks.*` key the callback and rule pages use', () => {
    const used = literalKeys(['callbacks', 'rules'], /'callbacks\.([a-zA-Z0-9_.]+)'/g);
    expect(used.size).toBeGreaterThan(60);
    for (const translation of [en, zh]) {
      const missing = [...used].filter((key) => typeof lookup(translation, key) !== 'string');
      expect(missing).toEqual([]);
    }
  });

  it('find the main-file keys they borrow', () => {
    const used = literalKeys(['callbacks', 'rules'], /'((?:common|callbackKinds|callbackPriorities)\.[a-zA-Z0-9_.]+)'/g);
    for (const translation of [mainEn, mainZh]) {
      const missing = [...used].filter((key) => typeof lookup(translation, key) !== 'string');
      expect(missing).toEqual([]);
      for (const kind of CALLBACK_KINDS) {
        expect(typeof lookup(translation, `callbackKinds.${kind}`)).toBe('string');
      }
    }
  });

  it('show a colleague’s claim the agreed way', () => {
    expect(zh.queue.heldBy).toBe('处理中: {{ name }}');
    expect(zh.queue.claim).toBe('领取');
    expect(zh.outcomes).toEqual({ reached: '已联系', no_answer: '无人接听', declined: '拒绝', wrong_number: '号码错误' });
    expect(zh.rules.triggers.post_treatment.replace('{{ span }}', zh.rules.span.days.replace('{{ n }}', '3'))).toBe('进入康复期后 3 天');
    expect(en.rules.triggers.post_treatment.replace('{{ span }}', en.rules.span.days.replace('{{ n }}', '3'))).toBe(
      '3 days after entering rehabilitation',
    );
  });
});
