import type { Routes } from '@angular/router';
import en from '../../../public/i18n/en.json';
import zh from '../../../public/i18n/zh.json';
import { APP_ROUTES } from '../app.routes';
import { CALLBACKS_ROUTES } from '../callbacks/callbacks.routes';
import { PATIENTS_ROUTES } from '../patients/patients.routes';
import { SHELL_ROUTES } from '../shell/shell.routes';
import { documentTitle } from './translated-title.strategy';

function titleKeys(routes: Routes): string[] {
  return routes.flatMap((route) => [
    ...(typeof route.title === 'string' ? [route.title] : []),
    ...titleKeys(route.children ?? []),
  ]);
}

function lookup(translation: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], translation);
}

describe('route titles', () => {
  it('name every page with a key both languages translate', () => {
    const keys = titleKeys([...APP_ROUTES, ...SHELL_ROUTES, ...PATIENTS_ROUTES, ...CALLBACKS_ROUTES]);
    expect(keys).toEqual(
      expect.arrayContaining(['pageTitles.login', 'nav.patients', 'today.title', 'pageTitles.patient', 'pageTitles.callback', 'nav.settings', 'nav.audit']),
    );
    for (const key of keys) {
      expect([key, typeof lookup(zh, key), typeof lookup(en, key)]).toEqual([key, 'string', 'string']);
    }
  });

  it('put the page before the product', () => {
    expect(documentTitle('回访 Huifang', '患者')).toBe('患者 · 回访 Huifang');
    expect(documentTitle('回访 Huifang', undefined)).toBe('回访 Huifang');
  });
});
