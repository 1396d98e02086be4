import { type Provider, type Signal, inject } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { TranslocoService, provideTranslocoScope } from '@jsverse/transloco';
import { catchError, map, of, switchMap } from 'rxjs';
import type { Lang } from '../i18n/language';
import { LanguageService } from '../i18n/language.service';

/**
 * The Transloco scope of the improvement pages (actions, targets): `client/public/i18n/improvement/<lang>.json`,
 * keys `improvement.*`. The dashboard's own words for "act on this", markers and targets are in its scope.
 */
export const IMPROVEMENT_SCOPE = 'improvement';

export function provideImprovementScope(): Provider {
  return provideTranslocoScope(IMPROVEMENT_SCOPE);
}

/**
 * The UI language once this scope's words for it are loaded, null before: figures written in
 * TypeScript (units, changes) wait for it rather than show keys. Call in an injection context.
 */
export function improvementWordsLang(): Signal<Lang | null> {
  const transloco = inject(TranslocoService);
  return toSignal(
    toObservable(inject(LanguageService).lang).pipe(
      switchMap((lang) =>
        transloco.selectTranslation(`${IMPROVEMENT_SCOPE}/${lang}`).pipe(
          map(() => lang),
          catchError(() => of(lang)),
        ),
      ),
    ),
    { initialValue: null },
  );
}
