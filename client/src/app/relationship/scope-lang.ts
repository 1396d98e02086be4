import { type Signal, inject } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { TranslocoService } from '@jsverse/transloco';
import { catchError, combineLatest, map, of, switchMap } from 'rxjs';
import type { Lang } from '../i18n/language';
import { LanguageService } from '../i18n/language.service';

/**
 * The UI language once the words of `scopes` are loaded in it, for texts written in TypeScript
 * (`TranslocoService.translate`) rather than in a template; null until then. Call in an injection context.
 */
export function scopeLang(...scopes: string[]): Signal<Lang | null> {
  const transloco = inject(TranslocoService);
  return toSignal(
    toObservable(inject(LanguageService).lang).pipe(
      switchMap((lang) =>
        combineLatest(scopes.map((scope) => transloco.selectTranslation(`${scope}/${lang}`))).pipe(
          map(() => lang),
          catchError(() => of(lang)),
        ),
      ),
    ),
    { initialValue: null },
  );
}
