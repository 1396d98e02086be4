import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Translation, TranslocoLoader } from '@jsverse/transloco';

/** Translations are static files copied from `client/public/i18n`. */
@Injectable({ providedIn: 'root' })
export class TranslocoHttpLoader implements TranslocoLoader {
  private readonly http = inject(HttpClient);

  /** `lang` is `zh`, or `<scope>/zh` for a feature's own file (`/i18n/surveys/zh.json`). */
  getTranslation(lang: string) {
    const path = lang.split('/').map(encodeURIComponent).join('/');
    return this.http.get<Translation>(`/i18n/${path}.json`);
  }
}
