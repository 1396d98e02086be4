import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { FINDING_KINDS, HEADLINE_NAMES, IMPROVEMENT_STATUSES, IMPROVEMENT_VERDICTS, WAIT_BAND_KEYS } from '@huifang/shared';
import mainEn from '../../../public/i18n/en.json';
import mainZh from '../../../public/i18n/zh.json';
import dashboardEn from '../../../public/i18n/dashboard/en.json';
import en from '../../../public/i18n/reports/en.json';
import zh from '../../../public/i18n/reports/zh.json';

function keys(value: unknown, prefix = ''): string[] {
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
  }
  return [prefix];
}

function lookup(translation: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], translation);
}

/** Every literal key matching `pattern` in this folder's sources (a key ending in `.` is built on, left out). */
function literalKeys(pattern: RegExp): Set<string> {
  const used = new Set<string>();
  for (const file of readdirSync(__dirname)) {
    if (!/\.(ts|html)$/.test(file) || file.endsWith('.spec.ts')) continue;
    for (const match of readFileSync(join(__dirname, file), 'utf8').matchAll(pattern)) {
      if (!match[1].endsWith('.')) used.add(`${match[1]}`);
    }
  }
  return used;
}

describe('reports scope translation files', () => {
  it('have the same keys in Chinese and English, none empty, with the same placeholders', () => {
    expect(keys(en).sort()).toEqual(keys(zh).sort());
    const placeholders = (text: string) => [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();
    for (const key of keys(en)) {
      expect([key, typeof lookup(zh, key), (lookup(zh, key) as string).trim().length > 0]).toEqual([key, 'string', true]);
      expect([key, placeholders(lookup(zh, key) as string)]).toEqual([key, placeholders(lookup(en, key) as string)]);
    }
  });

  it('have every key the page writes out, and every headline, band, status, verdict and finding', () => {
    for (const key of literalKeys(/'reports\.([a-zA-Z0-9_.]+)'/g)) expect([key, typeof lookup(en, key)]).toEqual([key, 'string']);
    for (const key of literalKeys(/'dashboard\.([a-zA-Z0-9_.]+)'/g)) expect([key, typeof lookup(dashboardEn, key)]).toEqual([key, 'string']);
    const built = [
      ...HEADLINE_NAMES.map((n) => `headlines.${n}`),
      ...WAIT_BAND_KEYS.map((b) => `bands.${b}`),
      ...IMPROVEMENT_STATUSES.map((s) => `statuses.${s}`),
      ...IMPROVEMENT_VERDICTS.map((v) => `verdicts.${v}`),
      ...FINDING_KINDS.map((k) => `findings.kinds.${k}`),
    ];
    for (const translation of [en, zh]) for (const key of built) expect([key, typeof lookup(translation, key)]).toEqual([key, 'string']);
    expect([lookup(mainEn, 'nav.reports'), lookup(mainZh, 'nav.reports')]).toEqual(['Assessment report', '评估报告']);
    expect(zh.title).toBe('客户关系现状评估报告');
  });
});
