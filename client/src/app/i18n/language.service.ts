import { DOCUMENT, Injectable, inject, signal } from '@angular/core';
import { TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import {
  DEFAULT_LANG,
  LANG_STORAGE_KEY,
  type Lang,
  detectLanguage,
  htmlLangFor,
  isLang,
  otherLang,
} from './language';

/** The active UI language: Transloco, `<html lang>` and the remembered choice kept in step. */
@Injectable({ providedIn: 'root' })
export class LanguageService {
  private readonly transloco = inject(TranslocoService);
  private readonly document = inject(DOCUMENT);
  private readonly current = signal<Lang>(activeOrDefault(this.transloco.getActiveLang()));

  readonly lang = this.current.asReadonly();

  /** App start: pick the language and load its translations before the first screen. */
  init(): Promise<void> {
    const lang = detectLanguage(this.readStored(), this.document.defaultView?.navigator.language);
    this.apply(lang);
    return firstValueFrom(this.transloco.load(lang)).then(
      () => undefined,
      () => undefined,
    );
  }

  /** The user's explicit choice, remembered in localStorage. */
  use(lang: Lang): void {
    this.apply(lang);
    try {
      localStorage.setItem(LANG_STORAGE_KEY, lang);
    } catch {
      // storage unavailable: the choice lasts for this page only
    }
  }

  toggle(): void {
    this.use(otherLang(this.current()));
  }

  private apply(lang: Lang): void {
    this.current.set(lang);
    this.transloco.setActiveLang(lang);
    this.document.documentElement.lang = htmlLangFor(lang);
  }

  private readStored(): string | null {
    try {
      return localStorage.getItem(LANG_STORAGE_KEY);
    } catch {
      return null;
    }
  }
}

function activeOrDefault(active: string): Lang {
  return isLang(active) ? active : DEFAULT_LANG;
}
