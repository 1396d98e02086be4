import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, type StaffUser } from '@huifang/shared';
import { TranslocoDirective } from '@jsverse/transloco';
import { Notifier } from '../core/notifier.service';
import { UsersApiService } from './users-api.service';

export interface ResetPasswordDialogData {
  user: StaffUser;
}

/** An admin sets a new password for a staff account; closes with `true` once the server accepted it. */
@Component({
  selector: 'hf-reset-password-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    TranslocoDirective,
  ],
  template: `
    <ng-container *transloco="let t">
      <h2 mat-dialog-title>{{ t('users.resetForm.title', { username: data.user.username }) }}</h2>
      <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
        <mat-dialog-content class="fields">
          <mat-form-field appearance="outline">
            <mat-label>{{ t('users.resetForm.password') }}</mat-label>
            <input
              matInput
              type="password"
              formControlName="password"
              autocomplete="new-password"
              data-testid="reset-password-input"
            />
            <mat-hint>{{ t('validation.passwordHint', { min: passwordMin }) }}</mat-hint>
            @if (form.controls.password.hasError('required')) {
              <mat-error>{{ t('validation.required') }}</mat-error>
            } @else if (form.controls.password.hasError('minlength')) {
              <mat-error>{{ t('validation.minLength', { min: passwordMin }) }}</mat-error>
            } @else if (form.controls.password.hasError('maxlength')) {
              <mat-error>{{ t('validation.maxLength', { max: passwordMax }) }}</mat-error>
            }
          </mat-form-field>
        </mat-dialog-content>
        <mat-dialog-actions align="end">
          <button mat-button type="button" mat-dialog-close>{{ t('common.cancel') }}</button>
          <button mat-flat-button type="submit" [disabled]="pending()" data-testid="reset-password-submit">
            {{ t('users.resetForm.submit') }}
          </button>
        </mat-dialog-actions>
      </form>
    </ng-container>
  `,
  styleUrl: './user-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ResetPasswordDialogComponent {
  protected readonly data = inject<ResetPasswordDialogData>(MAT_DIALOG_DATA);
  private readonly api = inject(UsersApiService);
  private readonly dialogRef = inject<MatDialogRef<ResetPasswordDialogComponent, boolean>>(MatDialogRef);
  private readonly notifier = inject(Notifier);

  protected readonly passwordMin = PASSWORD_MIN_LENGTH;
  protected readonly passwordMax = PASSWORD_MAX_LENGTH;
  protected readonly pending = signal(false);
  protected readonly form = inject(NonNullableFormBuilder).group({
    password: [
      '',
      [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH), Validators.maxLength(PASSWORD_MAX_LENGTH)],
    ],
  });

  protected submit(): void {
    if (this.pending()) {
      return;
    }
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.pending.set(true);
    this.api.update(this.data.user.id, { password: this.form.getRawValue().password }).subscribe({
      next: () => this.dialogRef.close(true),
      error: (err: unknown) => {
        this.pending.set(false);
        this.notifier.error(err);
      },
    });
  }
}
