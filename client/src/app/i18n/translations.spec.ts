import { AUDIT_ACTIONS, ROLES } from '@huifang/shared';
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

/** Like Transloco: nested objects, and flat keys that contain dots (`errorCodes["department.inactive"]`). */
function lookup(translation: unknown, key: string): unknown {
  if (key.startsWith('[')) {
    const path: string[] = JSON.parse(key);
    return path.reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], translation);
  }
  if (!translation || typeof translation !== 'object') return undefined;
  const node = translation as Record<string, unknown>;
  if (key in node) return node[key];
  const parts = key.split('.');
  for (let i = 1; i < parts.length; i++) {
    const head = parts.slice(0, i).join('.');
    if (head in node) return lookup(node[head], parts.slice(i).join('.'));
  }
  return undefined;
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

  it('name every audit action in both languages', () => {
    for (const translation of [en, zh]) {
      for (const action of AUDIT_ACTIONS) {
        expect([action, typeof lookup(translation, `audit.actions.${action}`)]).toEqual([action, 'string']);
      }
    }
  });

  it('translate the role names as agreed', () => {
    expect(zh.roles).toEqual({ admin: '管理员', quality_manager: '质控经理', front_desk: '前台' });
  });
});
