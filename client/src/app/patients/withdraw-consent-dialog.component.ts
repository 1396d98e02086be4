import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog, MAT_DIALOG_DATA, MatDialogModule, type MatDialogRef } from '@angular/material/dialog';
import { TranslocoDirective } from '@jsverse/transloco';

export interface WithdrawConsentDialogData {
  patientName: string;
  /** Callbacks waiting to be made, which the withdrawal cancels. */
  openCallbacks: number;
}

/**
 * Confirms withdrawing consent to follow-up calls, saying how many queued calls it cancels (the
 * server cancels them and records why). Closes with `true` to go ahead.
 */
@Component({
  selector: 'hf-withdraw-consent-dialog',
  imports: [MatButtonModule, MatDialogModule, TranslocoDirective],
  template: `
    <ng-container *transloco="let t">
      <h2 mat-dialog-title>{{ t('patients.consent.withdraw.title', { name: data.patientName }) }}</h2>
      <mat-dialog-content>
        <p data-testid="withdraw-consent-effect">
          @if (data.openCallbacks > 0) {
            {{ t('patients.consent.withdraw.cancels', { count: data.openCallbacks }) }}
          } @else {
            {{ t('patients.consent.withdraw.nothingQueued') }}
          }
        </p>
        <p>{{ t('patients.consent.withdraw.after') }}</p>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" [mat-dialog-close]="false" data-testid="withdraw-consent-keep">{{ t('common.cancel') }}</button>
        <button mat-flat-button type="button" class="warn" [mat-dialog-close]="true" data-testid="withdraw-consent-confirm">
          {{ t('patients.consent.withdraw.confirm') }}
        </button>
      </mat-dialog-actions>
    </ng-container>
  `,
  styles: `
    .warn {
      --mdc-filled-button-container-color: var(--mat-sys-error);
      --mdc-filled-button-label-text-color: var(--mat-sys-on-error);
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WithdrawConsentDialogComponent {
  protected readonly data = inject<WithdrawConsentDialogData>(MAT_DIALOG_DATA);
}

export function openWithdrawConsentDialog(dialog: MatDialog, data: WithdrawConsentDialogData): MatDialogRef<WithdrawConsentDialogComponent, boolean> {
  return dialog.open<WithdrawConsentDialogComponent, WithdrawConsentDialogData, boolean>(WithdrawConsentDialogComponent, {
    data,
    width: '440px',
    maxWidth: '94vw',
    autoFocus: '[data-testid="withdraw-consent-keep"]',
  });
}
