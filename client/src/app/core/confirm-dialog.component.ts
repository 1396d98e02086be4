import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialog, MatDialogModule } from '@angular/material/dialog';
import { TranslocoDirective } from '@jsverse/transloco';
import { map, type Observable } from 'rxjs';

/** Translation keys (and their parameters) of a confirmation: what happens, and the button that does it. */
export interface ConfirmDialogData {
  titleKey: string;
  messageKey: string;
  confirmKey: string;
  params?: Record<string, unknown>;
}

/**
 * Asks before a destructive one-click action (deactivating a user or a department); closes with
 * `true` to go ahead. Cancel has the initial focus, so Enter does not confirm by accident.
 */
@Component({
  selector: 'hf-confirm-dialog',
  imports: [MatButtonModule, MatDialogModule, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <h2 mat-dialog-title>{{ t(data.titleKey, data.params) }}</h2>
      <mat-dialog-content>
        <p data-testid="confirm-message">{{ t(data.messageKey, data.params) }}</p>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" [mat-dialog-close]="false" data-testid="confirm-cancel">
          {{ t('common.cancel') }}
        </button>
        <button mat-flat-button type="button" class="danger" [mat-dialog-close]="true" data-testid="confirm-ok">
          {{ t(data.confirmKey, data.params) }}
        </button>
      </mat-dialog-actions>
    </ng-container>
  `,
  styles: `
    .danger {
      --mdc-filled-button-container-color: var(--mat-sys-error);
      --mdc-filled-button-label-text-color: var(--mat-sys-on-error);
    }
  `,
})
export class ConfirmDialogComponent {
  protected readonly data = inject<ConfirmDialogData>(MAT_DIALOG_DATA);
}

/** Opens the confirmation; emits once, `true` only when the user confirmed. */
export function confirmAction(dialog: MatDialog, data: ConfirmDialogData): Observable<boolean> {
  return dialog
    .open<ConfirmDialogComponent, ConfirmDialogData, boolean>(ConfirmDialogComponent, { width: '420px', data, autoFocus: 'first-tabbable' })
    .afterClosed()
    .pipe(map((confirmed) => confirmed === true));
}
