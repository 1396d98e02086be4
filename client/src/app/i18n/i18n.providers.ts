import { EnvironmentProviders, isDevMode } from '@angular/core';
import { provideTransloco, translocoConfig } from '@jsverse/transloco';
import { DEFAULT_LANG, LANGS } from './language';
import { TranslocoHttpLoader } from './transloco-http-loader';

/** Shared by the app and the component tests, so tests render the way the app does. */
export const I18N_CONFIG = translocoConfig({
  availableLangs: [...LANGS],
  defaultLang: DEFAULT_LANG,
  fallbackLang: DEFAULT_LANG,
  missingHandler: { useFallbackTranslation: true, logMissingKey: isDevMode() },
  reRenderOnLangChange: true,
  prodMode: !isDevMode(),
});

export function provideI18n(): EnvironmentProviders[] {
  return provideTransloco({ config: I18N_CONFIG, loader: TranslocoHttpLoader });
}
