import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { OUTREACH_TEMPLATE_LANGUAGES, OUTREACH_TEMPLATE_VARIABLES } from '@huifang/shared';
import mainEn from '../../../public/i18n/en.json';
import en from '../../../public/i18n/outreach/en.json';
import zh from '../../../public/i18n/outreach/zh.json';

function keys(value: unknown, prefix = ''): string[] {
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
  }
  return [prefix];
}

function lookup(translation: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], translation);
}

/** Every literal key matching `pattern` in this folder's sources (a prefix ending in `.` is built on). */
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

describe('outreach scope translation files', () => {
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

  it('have every `outreach.*` key the page writes out, and the main file the shared words', () => {
    const used = literalKeys(/'outreach\.([a-zA-Z0-9_.]+)'/g);
    expect(used.size).toBeGreaterThan(40);
    for (const key of used) expect([key, typeof lookup(en, key)]).toEqual([key, 'string']);
    for (const key of literalKeys(/'((?:common|outreachKinds|outreachChannels|outreachStatuses)\.[a-zA-Z0-9_.]+)'/g)) {
      expect([key, typeof lookup(mainEn, key)]).toEqual([key, 'string']);
    }
  });

  it('name every tone, note, template language and variable', () => {
    for (const translation of [en, zh]) {
      for (const key of [
        ...['ok', 'warning', 'problem'].map((tone) => `channels.tones.${tone}`),
        ...['logOnly', 'failures', 'notConfigured'].map((note) => `channels.notes.${note}`),
        ...OUTREACH_TEMPLATE_LANGUAGES.map((language) => `templates.languages.${language}`),
        ...OUTREACH_TEMPLATE_VARIABLES.map((variable) => `templates.variableHints.${variable}`),
      ]) {
        expect([key, typeof lookup(translation, key)]).toEqual([key, 'string']);
      }
    }
  });
});
