import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, type MatDialog, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { CALLBACK_NOTE_MAX_LENGTH, CALLBACK_PRIORITIES, ERROR_CODES, type CallbackItem, type CallbackPriority } from '@huifang/shared';
import { TranslocoDirective } from '@jsverse/transloco';
import { type ErrorDescription, apiErrorCode, describeHttpError } from '../core/api-error';
import { ApiErrorComponent } from '../core/api-error.component';
import { Notifier } from '../core/notifier.service';
import { DateTimeFieldComponent } from '../core/date-time-field.component';
import { formatHospitalDate } from '../i18n/hospital-date';
import { LanguageService } from '../i18n/language.service';
import { dueErrorKey, futureDateTime } from './call-forms';
import { CallbacksApiService } from './callbacks-api.service';
import { provideCallbacksScope } from './callbacks-scope';
import { fromHospitalInput, toHospitalInput, tomorrowAtCallHour } from './hospital-date-time';

export interface ScheduleCallbackDialogData {
  patientId: number;
  patientName: string;
}

type ScheduleError = { kind: 'declined' } | { kind: 'http'; error: ErrorDescription };

/**
 * Schedules a manual callback to one patient (when, priority, why). Closes with the new callback;
 * a patient who declined follow-up calls gets the 409 explained instead. Open it with
 * `openScheduleCallbackDialog`.
 */
@Component({
  selector: 'hf-schedule-callback-dialog',
  imports: [
    ApiErrorComponent,
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    DateTimeFieldComponent,
    MatSelectModule,
    TranslocoDirective,
  ],
  providers: [provideCallbacksScope()],
  template: `
    <div *transloco="let t" data-testid="schedule-callback-dialog">
      <h2 mat-dialog-title>{{ t('callbacks.schedule.title') }}</h2>
      <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
        <mat-dialog-content class="fields">
          <p class="patient">{{ t('callbacks.schedule.patient', { name: data.patientName }) }}</p>
          <hf-date-time-field
            formControlName="due"
            testId="schedule-due"
            [min]="minDue"
            [dayLabel]="t('callbacks.schedule.dueDay')"
            [timeLabel]="t('callbacks.schedule.dueTime')"
            [hint]="t('callbacks.schedule.dueHint')"
            [error]="form.controls.due.touched && dueErrorKey(form.controls.due) ? t(dueErrorKey(form.controls.due)!) : null"
          />
          <mat-form-field appearance="outline">
            <mat-label>{{ t('callbacks.schedule.priority') }}</mat-label>
            <mat-select formControlName="priority" data-testid="schedule-priority">
              @for (priority of priorities; track priority) {
                <mat-option [value]="priority" [attr.data-testid]="'schedule-priority-' + priority">
                  {{ t('callbackPriorities.' + priority) }}
                </mat-option>
              }
            </mat-select>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ t('callbacks.schedule.note') }}</mat-label>
            <textarea
              matInput
              rows="3"
              formControlName="note"
              [placeholder]="t('callbacks.schedule.notePlaceholder')"
              data-testid="schedule-note"
            ></textarea>
            @if (form.controls.note.hasError('maxlength')) {
              <mat-error>{{ t('callbacks.validation.maxLength', { max: noteMax }) }}</mat-error>
            }
          </mat-form-field>
          @if (error(); as e) {
            <p class="form-error" role="alert" data-testid="schedule-error">
              @if (e.kind === 'declined') {
                {{ t('callbacks.schedule.declined') }}
              } @else {
                <hf-api-error [error]="e.error" />
              }
            </p>
          }
        </mat-dialog-content>
        <mat-dialog-actions align="end">
          <button mat-button type="button" mat-dialog-close>{{ t('common.cancel') }}</button>
          <button mat-flat-button type="submit" [disabled]="pending()" data-testid="schedule-submit">
            {{ t('callbacks.schedule.submit') }}
          </button>
        </mat-dialog-actions>
      </form>
    </div>
  `,
  styles: `
    .fields {
      display: flex;
      flex-direction: column;
      gap: 8px;
      padding-top: 8px;
    }
    .patient {
      margin: 0 0 8px;
      color: var(--mat-sys-on-surface-variant);
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
export class ScheduleCallbackDialogComponent {
  protected readonly data = inject<ScheduleCallbackDialogData>(MAT_DIALOG_DATA);
  private readonly api = inject(CallbacksApiService);
  private readonly dialogRef = inject<MatDialogRef<ScheduleCallbackDialogComponent, CallbackItem>>(MatDialogRef);
  private readonly notifier = inject(Notifier);
  private readonly language = inject(LanguageService);

  protected readonly priorities = CALLBACK_PRIORITIES;
  protected readonly noteMax = CALLBACK_NOTE_MAX_LENGTH;
  protected readonly dueErrorKey = dueErrorKey;
  protected readonly minDue = toHospitalInput(Date.now());
  protected readonly pending = signal(false);
  protected readonly error = signal<ScheduleError | null>(null);
  protected readonly form = inject(NonNullableFormBuilder).group({
    due: [tomorrowAtCallHour(Date.now()), futureDateTime(() => Date.now())],
    priority: ['normal' as CallbackPriority],
    note: ['', Validators.maxLength(CALLBACK_NOTE_MAX_LENGTH)],
  });

  protected submit(): void {
    if (this.pending()) {
      return;
    }
    this.form.controls.due.updateValueAndValidity();
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { due, priority, note } = this.form.getRawValue();
    const dueAt = fromHospitalInput(due);
    if (!dueAt) {
      return;
    }
    const text = note.trim();
    this.pending.set(true);
    this.error.set(null);
    this.api
      .create({ patientId: this.data.patientId, dueAt, kind: 'manual', priority, ...(text ? { note: text } : {}) })
      .subscribe({
        next: (created) => {
          this.notifier.success('callbacks.schedule.created', {
            name: this.data.patientName,
            due: formatHospitalDate(created.dueAt, 'dateTime', this.language.lang()),
          });
          this.dialogRef.close(created);
        },
        error: (err: unknown) => {
          this.pending.set(false);
          const declined = err instanceof HttpErrorResponse && apiErrorCode(err.error) === ERROR_CODES.callbackNoConsent;
          this.error.set(declined ? { kind: 'declined' } : { kind: 'http', error: describeHttpError(err) });
        },
      });
  }
}

/** Opens the schedule dialog; `afterClosed()` gives the new callback, or undefined when cancelled. */
export function openScheduleCallbackDialog(
  dialog: MatDialog,
  data: ScheduleCallbackDialogData,
): MatDialogRef<ScheduleCallbackDialogComponent, CallbackItem> {
  return dialog.open<ScheduleCallbackDialogComponent, ScheduleCallbackDialogData, CallbackItem>(
    ScheduleCallbackDialogComponent,
    { width: '520px', maxWidth: '95vw', data },
  );
}
