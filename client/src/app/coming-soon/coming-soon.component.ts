import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { TranslocoDirective } from '@jsverse/transloco';
import type { StaffPage } from '../auth/page-access';

/** Placeholder for a staff page that a later issue fills in; `page` comes from the route data. */
@Component({
  selector: 'hf-coming-soon',
  imports: [MatCardModule, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-card *transloco="let t" appearance="outlined" class="coming-soon" data-testid="coming-soon">
      <mat-card-header>
        <mat-card-title>
          <h1 class="title">{{ t('comingSoon.title', { page: t('nav.' + page()) }) }}</h1>
        </mat-card-title>
      </mat-card-header>
      <mat-card-content>
        <p>{{ t('comingSoon.description.' + page()) }}</p>
      </mat-card-content>
    </mat-card>
  `,
  styles: `
    .coming-soon {
      max-width: 720px;
    }
    .title {
      margin: 0;
      font: var(--mat-sys-headline-small);
    }
  `,
})
export class ComingSoonComponent {
  readonly page = input.required<StaffPage>();
}
