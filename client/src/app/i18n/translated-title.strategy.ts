import { Injectable, inject } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { type RouterStateSnapshot, TitleStrategy } from '@angular/router';
import { TranslocoService } from '@jsverse/transloco';
import { BehaviorSubject, combineLatest, map, switchMap } from 'rxjs';

/**
 * Document titles: each route's `title` is a translation key (e.g. `nav.patients`); the tab shows
 * "<page> · <product>" in the UI language, and follows a language switch without navigating.
 */
@Injectable({ providedIn: 'root' })
export class TranslatedTitleStrategy extends TitleStrategy {
  private readonly title = inject(Title);
  private readonly transloco = inject(TranslocoService);
  private readonly pageKey = new BehaviorSubject<string | undefined>(undefined);

  constructor() {
    super();
    combineLatest([this.pageKey, this.transloco.langChanges$])
      .pipe(
        switchMap(([key, lang]) =>
          // Waits for the language's translations to load, then emits both texts at once.
          this.transloco
            .selectTranslation(lang)
            .pipe(
              map(() =>
                documentTitle(this.transloco.translate('app.name', {}, lang), key && this.transloco.translate(key, {}, lang)),
              ),
            ),
        ),
      )
      .subscribe((text) => this.title.setTitle(text));
  }

  override updateTitle(snapshot: RouterStateSnapshot): void {
    this.pageKey.next(this.buildTitle(snapshot));
  }
}

/** "患者 · 回访 Huifang"; the product's name alone when a page has no title. */
export function documentTitle(product: string, page: string | undefined): string {
  return page ? `${page} · ${product}` : product;
}
