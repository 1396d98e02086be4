import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DRILL_DOWN_SEGMENTS, HEADLINE_NAMES, INDICATOR_NAMES, type IndicatorName } from '@huifang/shared';
import en from '../../../public/i18n/dashboard/en.json';
import zh from '../../../public/i18n/dashboard/zh.json';
import { DASHBOARD_PERIODS } from './dashboard-state';

function keys(value: unknown, prefix = ''): string[] {
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
  }
  return [prefix];
}

function lookup(translation: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], translation);
}

/** Every literal `dashboard.*` key written in the dashboard's sources (prefixes ending in `.` are checked below). */
function literalKeys(): Set<string> {
  const used = new Set<string>();
  for (const file of readdirSync(__dirname)) {
    if (!/\.(ts|html)$/.test(file) || file.endsWith('.spec.ts')) continue;
    const source = readFileSync(join(__dirname, file), 'utf8');
    for (const match of source.matchAll(/'dashboard\.([a-zA-Z0-9_.-]+)'/g)) {
      if (!match[1].endsWith('.')) used.add(match[1]);
    }
  }
  return used;
}

describe('dashboard scope translation files', () => {
  it('have the same keys in Chinese and English, none empty', () => {
    expect(keys(en).sort()).toEqual(keys(zh).sort());
    for (const translation of [en, zh]) {
      for (const key of keys(translation)) {
        expect([key, typeof lookup(translation, key)]).toEqual([key, 'string']);
        expect([key, (lookup(translation, key) as string).trim().length > 0]).toEqual([key, true]);
      }
    }
  });

  it('have every key the dashboard writes out', () => {
    const used = literalKeys();
    expect(used.size).toBeGreaterThan(40);
    for (const key of used) {
      expect([key, typeof lookup(en, key)]).toEqual([key, 'string']);
    }
  });

  it('name every headline, period, panel and drill-down segment', () => {
    const indicators: readonly (IndicatorName | 'flow')[] = [...INDICATOR_NAMES, 'flow'];
    const needed = [
      ...HEADLINE_NAMES.map((name) => `headlines.${name}`),
      ...DASHBOARD_PERIODS.map((period) => `period.${period}`),
      ...indicators.map((name) => `panels.${name}`),
      ...indicators.map((name) => `drill.values.${name}`),
      ...INDICATOR_NAMES.flatMap((name) => DRILL_DOWN_SEGMENTS[name].map((segment) => `segments.${name}.${segment}`)),
      ...['minutes', 'hours', 'percent', 'points'].map((unit) => `units.${unit}`),
    ];
    for (const translation of [en, zh]) {
      for (const key of needed) {
        expect([key, typeof lookup(translation, key)]).toEqual([key, 'string']);
      }
    }
  });

  it('keep the placeholders of each text in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();
    for (const key of keys(en)) {
      expect([key, placeholders(lookup(zh, key) as string)]).toEqual([key, placeholders(lookup(en, key) as string)]);
    }
  });
});
