import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import {
  ALLOWED_TRANSITIONS,
  STAGE_REASON_MAX_LENGTH,
  type CreateTransitionRequest,
  type LifecycleStage,
  type StageTransition,
} from '@huifang/shared';
import { TranslocoDirective } from '@jsverse/transloco';
import { type ErrorDescription, describeHttpError } from '../core/api-error';
import { ApiErrorComponent } from '../core/api-error.component';
import { PatientsApiService } from './patients-api.service';
import { StageBadgeComponent } from './stage-badge.component';

export interface ChangeStageDialogData {
  patientId: number;
  patientName: string;
  current: LifecycleStage;
}

/** Moves a patient along the lifecycle; offers only the allowed next stages. Closes with the transition. */
@Component({
  selector: 'hf-change-stage-dialog',
  imports: [
    ApiErrorComponent,
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    TranslocoDirective,
    StageBadgeComponent,
  ],
  template: `
    <ng-container *transloco="let t">
      <h2 mat-dialog-title>{{ t('patients.changeStage.title', { name: data.patientName }) }}</h2>
      <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
        <mat-dialog-content class="fields">
          <p class="current">{{ t('patients.changeStage.current') }} <hf-stage-badge [stage]="data.current" /></p>
          <div class="options" role="radiogroup" [attr.aria-label]="t('patients.changeStage.to')">
            @for (stage of targets; track stage) {
              <label class="option" [class.selected]="form.controls.to.value === stage" [attr.data-testid]="'stage-option-' + stage">
                <input type="radio" name="to" formControlName="to" [value]="stage" />
                <span class="arrow">{{ t('stages.' + data.current) }} → <strong>{{ t('stages.' + stage) }}</strong></span>
              </label>
            }
          </div>
          @if (form.controls.to.touched && form.controls.to.hasError('required')) {
            <p class="hint-error" role="alert">{{ t('patients.changeStage.choose') }}</p>
          }
          <mat-form-field appearance="outline">
            <mat-label>{{ t('patients.changeStage.reason') }}</mat-label>
            <input matInput formControlName="reason" autocomplete="off" data-testid="stage-reason" />
            @if (form.controls.reason.hasError('maxlength')) {
              <mat-error>{{ t('validation.maxLength', { max: reasonMax }) }}</mat-error>
            }
          </mat-form-field>
          @if (error(); as e) {
            <p class="form-error" role="alert" data-testid="stage-error">
              <hf-api-error [error]="e" />
            </p>
          }
        </mat-dialog-content>
        <mat-dialog-actions align="end">
          <button mat-button type="button" mat-dialog-close>{{ t('common.cancel') }}</button>
          <button mat-flat-button type="submit" [disabled]="pending()" data-testid="stage-submit">
            {{ t('patients.changeStage.submit') }}
          </button>
        </mat-dialog-actions>
      </form>
    </ng-container>
  `,
  styles: `
    .fields {
      display: flex;
      flex-direction: column;
      gap: 12px;
      padding-top: 8px;
    }
    .current {
      display: flex;
      align-items: center;
      gap: 8px;
      margin: 0;
    }
    .options {
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    .option {
      display: flex;
      align-items: center;
      gap: 12px;
      padding: 10px 14px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      cursor: pointer;
      input {
        width: 18px;
        height: 18px;
        margin: 0;
        accent-color: var(--mat-sys-primary);
      }
      &.selected {
        border-color: var(--mat-sys-primary);
        background: var(--mat-sys-primary-container);
        color: var(--mat-sys-on-primary-container);
      }
    }
    .hint-error {
      margin: 0;
      color: var(--mat-sys-error);
      font: var(--mat-sys-body-small);
    }
    .form-error {
      margin: 0;
      padding: 8px 12px;
      border-radius: 8px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChangeStageDialogComponent {
  protected readonly data = inject<ChangeStageDialogData>(MAT_DIALOG_DATA);
  private readonly api = inject(PatientsApiService);
  private readonly dialogRef = inject<MatDialogRef<ChangeStageDialogComponent, StageTransition>>(MatDialogRef);

  protected readonly targets = ALLOWED_TRANSITIONS[this.data.current];
  protected readonly reasonMax = STAGE_REASON_MAX_LENGTH;
  protected readonly pending = signal(false);
  protected readonly error = signal<ErrorDescription | null>(null);
  protected readonly form = inject(NonNullableFormBuilder).group({
    to: [null as LifecycleStage | null, Validators.required],
    reason: ['', Validators.maxLength(STAGE_REASON_MAX_LENGTH)],
  });

  protected submit(): void {
    if (this.pending()) {
      return;
    }
    const { to, reason } = this.form.getRawValue();
    if (this.form.invalid || to === null) {
      this.form.markAllAsTouched();
      return;
    }
    const request: CreateTransitionRequest = { to };
    if (reason.trim()) {
      request.reason = reason.trim();
    }
    this.pending.set(true);
    this.error.set(null);
    this.api.changeStage(this.data.patientId, request).subscribe({
      next: (transition) => this.dialogRef.close(transition),
      error: (err: unknown) => {
        this.pending.set(false);
        this.error.set(describeHttpError(err));
      },
    });
  }
}
