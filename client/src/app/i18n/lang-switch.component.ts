import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { TranslocoDirective } from '@jsverse/transloco';
import { htmlLangFor, otherLang } from './language';
import { LanguageService } from './language.service';

/** One button: shows the other language's name and switches to it. */
@Component({
  selector: 'hf-lang-switch',
  imports: [MatButtonModule, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button
      *transloco="let t"
      mat-button
      type="button"
      data-testid="lang-switch"
      [attr.lang]="targetHtmlLang()"
      [attr.aria-label]="t('lang.switchAria')"
      (click)="language.toggle()"
    >
      {{ t('lang.switchTo') }}
    </button>
  `,
})
export class LangSwitchComponent {
  protected readonly language = inject(LanguageService);
  protected readonly targetHtmlLang = computed(() => htmlLangFor(otherLang(this.language.lang())));
}
