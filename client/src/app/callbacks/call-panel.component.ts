import { ChangeDetectionStrategy, Component, ViewEncapsulation, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { HttpErrorResponse } from '@angular/common/http';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, type MatDialogConfig, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import {
  ATTEMPT_OUTCOMES,
  CALLBACK_NOTE_MAX_LENGTH,
  CALLBACK_REASON_MAX_LENGTH,
  type AttemptOutcome,
  type CallbackItem,
  type ClaimedCallback,
  MAX_ATTEMPTS, winBackReasons } from '@huifang/shared';
import { TranslocoDirective } from '@jsverse/transloco';
import { interval } from 'rxjs';
import { type ErrorDescription, describeHttpError } from '../core/api-error';
import { ApiErrorComponent } from '../core/api-error.component';
import { DateTimeFieldComponent } from '../core/date-time-field.component';
import { HospitalDatePipe } from '../i18n/hospital-date.pipe';
import { dueErrorKey, futureDateTime, requiredText } from './call-forms';
import type { CallPanelResult } from './call-result';
import { CallbacksApiService } from './callbacks-api.service';
import { provideCallbacksScope } from './callbacks-scope';
import { claimHolderName } from './claim-conflict';
import { claimRemainingMs, claimTone, formatCountdown } from './claim-countdown';
import { RecoveryReasonComponent } from './recovery-reason.component';
import { fromHospitalInput, toHospitalInput, tomorrowAtCallHour } from './hospital-date-time';
import { systemCallbackReasonKey } from './callback-history';

export interface CallPanelData {
  /** The claimed callback, with the full phone number. */
  callback: ClaimedCallback;
  /** The department's name in the UI language. */
  departmentLabel: string;
  /** Whether the user may open the patient page (quality managers may not). */
  canOpenPatient: boolean;
}

/** A side sheet on the right, closed only by its own buttons (a stray click must not lose the notes). */
export const CALL_PANEL_CONFIG: MatDialogConfig = {
  position: { top: '0', right: '0' },
  width: '520px',
  // 100% of the overlay (the viewport without its scrollbar): a phone gets the whole width.
  maxWidth: '100%',
  height: '100%',
  maxHeight: '100vh',
  panelClass: 'hf-call-sheet',
  disableClose: true,
  autoFocus: '.hf-call-phone',
  ariaLabelledBy: 'hf-call-title',
};

type Mode = 'call' | 'reschedule' | 'cancel';
type PanelError = { kind: 'http'; error: ErrorDescription } | { kind: 'key'; key: string; params?: Record<string, unknown> };

/**
 * The call panel for a claimed callback: the number to dial, why to call and what to say, earlier
 * calls, and the outcome buttons; also reschedule, cancel and release. The claim's timeout (a hospital setting) counts
 * down; once it runs out the claim can be renewed. Closes with a `CallPanelResult`, or with
 * nothing when closed keeping the claim.
 */
@Component({
  selector: 'hf-call-panel',
  imports: [
    ApiErrorComponent,
    DateTimeFieldComponent,
    HospitalDatePipe,
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    RecoveryReasonComponent,
    TranslocoDirective,
  ],
  providers: [provideCallbacksScope()],
  templateUrl: './call-panel.component.html',
  styleUrl: './call-panel.component.scss',
  // The sheet's shape is set on the dialog pane outside this component; every class is `hf-call-*`.
  encapsulation: ViewEncapsulation.None,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CallPanelComponent {
  /** A win-back call's reason as the decline's reasons (shared/), worded by the template. */
  protected readonly winBackCodes = winBackReasons;
  protected readonly systemReasonKey = systemCallbackReasonKey;
  protected readonly data = inject<CallPanelData>(MAT_DIALOG_DATA);
  private readonly api = inject(CallbacksApiService);
  private readonly dialogRef = inject<MatDialogRef<CallPanelComponent, CallPanelResult>>(MatDialogRef);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly outcomes = ATTEMPT_OUTCOMES;
  protected readonly maxAttempts = MAX_ATTEMPTS;
  protected readonly noteMax = CALLBACK_NOTE_MAX_LENGTH;
  protected readonly reasonMax = CALLBACK_REASON_MAX_LENGTH;

  protected readonly callback = signal<ClaimedCallback>(this.data.callback);
  protected readonly now = signal(Date.now());
  protected readonly mode = signal<Mode>('call');
  protected readonly busy = signal(false);
  protected readonly error = signal<PanelError | null>(null);
  /** The server said the claim has run out even if the clock here disagrees. */
  private readonly expiredByServer = signal(false);

  protected readonly remainingMs = computed(() =>
    this.expiredByServer() ? 0 : claimRemainingMs(this.callback().claimExpiresAt, this.now()),
  );
  protected readonly tone = computed(() => claimTone(this.remainingMs()));
  protected readonly countdown = computed(() => formatCountdown(this.remainingMs()));
  protected readonly attemptNumber = computed(() => this.callback().attempts.length + 1);
  protected readonly expectedOnKey = computed(() => {
    const c = this.callback();
    if (!c.expectedOn) return null;
    return c.kind === 'revisit_reminder' ? 'callbacks.panel.expectedOnReminder' : 'callbacks.panel.expectedOn';
  });

  protected readonly note = this.fb.control('', Validators.maxLength(CALLBACK_NOTE_MAX_LENGTH));
  protected readonly rescheduleForm = this.fb.group({
    due: [tomorrowAtCallHour(Date.now()), futureDateTime(() => Date.now())],
    reason: ['', [requiredText, Validators.maxLength(CALLBACK_REASON_MAX_LENGTH)]],
    /** A `callback_appointment` message with the new time (the server applies consent and the other outreach rules). */
    notifyPatient: [false],
  });
  protected readonly cancelForm = this.fb.group({
    reason: ['', [requiredText, Validators.maxLength(CALLBACK_REASON_MAX_LENGTH)]],
  });
  /** The earliest time the date-time picker offers: now, on the hospital's clock. */
  protected readonly minDue = toHospitalInput(Date.now());
  protected readonly dueErrorKey = dueErrorKey;

  constructor() {
    interval(1000)
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.now.set(Date.now()));
    this.dialogRef
      .keydownEvents()
      .pipe(takeUntilDestroyed())
      .subscribe((event) => {
        if (event.key === 'Escape' && !this.busy()) {
          event.preventDefault();
          if (this.mode() === 'call') this.close();
          else this.show('call');
        }
      });
  }

  /** Closes the panel; the claim stays until it expires, and "Resume" reopens it. */
  protected close(): void {
    this.dialogRef.close(undefined);
  }

  protected show(mode: Mode): void {
    this.error.set(null);
    this.mode.set(mode);
  }

  protected record(outcome: AttemptOutcome): void {
    if (this.busy()) return;
    if (this.tone() === 'expired') {
      this.error.set({ kind: 'key', key: 'callbacks.panel.expiredError' });
      return;
    }
    if (this.note.invalid) {
      this.note.markAsTouched();
      return;
    }
    const note = this.note.value.trim();
    this.run(this.api.recordAttempt(this.callback().id, note ? { outcome, note } : { outcome }), 'attempt');
  }

  protected reclaim(): void {
    if (this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    this.api.claim(this.callback().id).subscribe({
      next: (claimed) => {
        this.busy.set(false);
        this.expiredByServer.set(false);
        this.now.set(Date.now());
        this.callback.set(claimed);
      },
      error: (err: unknown) => {
        this.busy.set(false);
        const name = claimHolderName(err);
        this.error.set(
          name ? { kind: 'key', key: 'callbacks.queue.claimTaken', params: { name } } : { kind: 'http', error: describeHttpError(err) },
        );
      },
    });
  }

  protected release(): void {
    if (this.busy()) return;
    this.run(this.api.release(this.callback().id), 'released');
  }

  protected submitReschedule(): void {
    if (this.busy()) return;
    // Time passes while the panel is open: check "in the future" against now.
    this.rescheduleForm.controls.due.updateValueAndValidity();
    if (this.rescheduleForm.invalid) {
      this.rescheduleForm.markAllAsTouched();
      return;
    }
    const { due, reason, notifyPatient } = this.rescheduleForm.getRawValue();
    const dueAt = fromHospitalInput(due);
    if (!dueAt) return;
    this.run(this.api.reschedule(this.callback().id, { dueAt, reason: reason.trim(), ...(notifyPatient && { notifyPatient }) }), 'rescheduled');
  }

  protected submitCancel(): void {
    if (this.busy()) return;
    if (this.cancelForm.invalid) {
      this.cancelForm.markAllAsTouched();
      return;
    }
    this.run(this.api.cancel(this.callback().id, { reason: this.cancelForm.getRawValue().reason.trim() }), 'cancelled');
  }

  private run(request: ReturnType<CallbacksApiService['release']>, action: CallPanelResult['action']): void {
    this.busy.set(true);
    this.error.set(null);
    request.subscribe({
      next: (item: CallbackItem) => this.dialogRef.close({ action, item }),
      error: (err: unknown) => {
        this.busy.set(false);
        if (action === 'attempt' && err instanceof HttpErrorResponse && err.status === 409) {
          // "your claim has expired; claim the callback again"
          this.expiredByServer.set(true);
          this.error.set({ kind: 'key', key: 'callbacks.panel.expiredError' });
          return;
        }
        this.error.set({ kind: 'http', error: describeHttpError(err) });
      },
    });
  }
}
