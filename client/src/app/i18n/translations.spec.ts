import { ROLES } from '@huifang/shared';
import en from '../../../public/i18n/en.json';
import zh from '../../../public/i18n/zh.json';
import { STAFF_PAGES } from '../auth/page-access';

/** Key paths as lists: flat keys may contain dots themselves (`errorCodes` → `patient.duplicate`). */
function paths(value: unknown, prefix: string[] = []): string[][] {
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, child]) => paths(child, [...prefix, key]));
  }
  return [prefix];
}

function keys(value: unknown): string[] {
  return paths(value).map((path) => JSON.stringify(path));
}

function lookup(translation: unknown, key: string): unknown {
  const path: string[] = key.startsWith('[') ? JSON.parse(key) : key.split('.');
  return path.reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], translation);
}

describe('translation files', () => {
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

  it('name every role and every staff page, with a coming-soon description', () => {
    for (const translation of [en, zh]) {
      for (const role of ROLES) {
        expect(typeof lookup(translation, `roles.${role}`)).toBe('string');
      }
      for (const page of STAFF_PAGES) {
        expect(typeof lookup(translation, `nav.${page}`)).toBe('string');
        expect(typeof lookup(translation, `comingSoon.description.${page}`)).toBe('string');
      }
    }
  });

  it('translate the role names as agreed', () => {
    expect(zh.roles).toEqual({ admin: '管理员', quality_manager: '质控经理', front_desk: '前台' });
  });
});
