import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { TranslocoDirective } from '@jsverse/transloco';
import { provideSurveysScope } from '../surveys/surveys-scope';

export interface PublishConfirmData {
  templateName: string;
  version: number;
  /** The version published now, retired by this one. */
  current: { version: number; responseCount: number } | null;
}

/** Asks before publishing a draft, saying what happens to earlier answers; closes with `true` to publish. */
@Component({
  selector: 'hf-publish-confirm-dialog',
  imports: [MatButtonModule, MatDialogModule, TranslocoDirective],
  providers: [provideSurveysScope()],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <h2 mat-dialog-title>{{ t('surveys.publish.title', { version: data.version }) }}</h2>
      <mat-dialog-content class="content">
        <p>{{ t('surveys.publish.intro', { name: data.templateName, version: data.version }) }}</p>
        <ul>
          <li>{{ t('surveys.publish.newInvitations', { version: data.version }) }}</li>
          @if (data.current; as current) {
            <li>
              {{ t('surveys.publish.retires', { version: current.version, count: current.responseCount }) }}
            </li>
          }
          <li>{{ t('surveys.publish.answersStay') }}</li>
          <li>{{ t('surveys.publish.final') }}</li>
        </ul>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" [mat-dialog-close]="false" data-testid="publish-cancel">
          {{ t('surveys.common.cancel') }}
        </button>
        <button mat-flat-button type="button" [mat-dialog-close]="true" data-testid="publish-confirm">
          {{ t('surveys.publish.confirm', { version: data.version }) }}
        </button>
      </mat-dialog-actions>
    </ng-container>
  `,
  styles: `
    .content ul {
      padding-left: 20px;
    }
    .content li {
      margin: 4px 0;
    }
  `,
})
export class PublishConfirmDialogComponent {
  protected readonly data = inject<PublishConfirmData>(MAT_DIALOG_DATA);
}
