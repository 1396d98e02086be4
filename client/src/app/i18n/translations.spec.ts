import { ROLES } from '@huifang/shared';
import en from '../../../public/i18n/en.json';
import zh from '../../../public/i18n/zh.json';
import { STAFF_PAGES } from '../auth/page-access';

function keys(value: unknown, prefix = ''): string[] {
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
  }
  return [prefix];
}

/** Walks the dotted key; error codes are flat keys with dots of their own (`errorCodes.callback.no_consent`). */
function lookup(translation: unknown, key: string): unknown {
  const [first, ...rest] = key.split('.');
  const node = (translation as Record<string, unknown> | undefined)?.[first];
  if (first === 'errorCodes' && node && typeof node === 'object') return (node as Record<string, unknown>)[rest.join('.')];
  return rest.length ? lookup(node, rest.join('.')) : node;
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
