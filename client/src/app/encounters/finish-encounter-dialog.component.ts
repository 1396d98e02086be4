import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { type AbstractControl, NonNullableFormBuilder, ReactiveFormsModule, type ValidationErrors } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatInputModule } from '@angular/material/input';
import type { Encounter, FinishRequest, FinishedEncounter } from '@huifang/shared';
import { TranslocoDirective } from '@jsverse/transloco';
import { IMPORT_CHARGE_MAX_YUAN, NEXT_VISIT_MAX_DAYS, addDays, calendarDayOf, isVisitCharge } from '@huifang/shared';
import { hospitalTimeZone, hospitalToday } from '../hospital-settings/hospital-clock';
import { type ErrorDescription, describeHttpError } from '../core/api-error';
import { ApiErrorComponent } from '../core/api-error.component';
import { HospitalDatePipe } from '../i18n/hospital-date.pipe';
import { EncountersApiService } from './encounters-api.service';
import { NEXT_VISIT_QUICK_PICKS, nextVisitValidator } from './next-visit';

/** Empty, or an amount the server takes (shared `isVisitCharge`). */
function visitChargeValidator(control: AbstractControl<number | null>): ValidationErrors | null {
  return control.value === null || isVisitCharge(control.value) ? null : { visitCharge: true };
}

export interface FinishEncounterDialogData {
  encounter: Encounter;
  /** The department's name in the UI language. */
  departmentLabel: string;
}

/** Ends a visit, optionally setting the expected return date; closes with the finished encounter. */
@Component({
  selector: 'hf-finish-encounter-dialog',
  imports: [
    ApiErrorComponent,
    HospitalDatePipe,
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatDatepickerModule,
    MatInputModule,
    TranslocoDirective,
  ],
  template: `
    <ng-container *transloco="let t">
      <h2 mat-dialog-title>{{ t('encounters.finish.title', { name: data.encounter.patientName }) }}</h2>
      <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
        <mat-dialog-content class="fields">
          <p class="summary">
            {{ data.departmentLabel }} ·
            {{ t('encounters.checkedInAt') }} {{ data.encounter.checkedInAt | hfDate: 'dateTime' }}
          </p>
          <mat-form-field appearance="outline">
            <mat-label>{{ t('encounters.finish.nextVisit') }}</mat-label>
            <input
              matInput
              [matDatepicker]="nextVisitPicker"
              formControlName="nextVisitDue"
              [min]="earliest"
              [max]="latest"
              data-testid="finish-next-visit"
            />
            <mat-datepicker-toggle matIconSuffix [for]="nextVisitPicker" data-testid="finish-next-visit-toggle" />
            <mat-datepicker #nextVisitPicker />
            <mat-hint>{{ t('encounters.finish.nextVisitHint') }}</mat-hint>
            @if (form.controls.nextVisitDue.hasError('notAfterVisit')) {
              <mat-error data-testid="finish-next-visit-error">{{ t('validation.nextVisitAfterVisit') }}</mat-error>
            } @else if (form.controls.nextVisitDue.hasError('tooFar')) {
              <mat-error data-testid="finish-next-visit-error">{{ t('validation.nextVisitTooFar') }}</mat-error>
            } @else if (form.controls.nextVisitDue.hasError('date') || form.controls.nextVisitDue.hasError('matDatepickerParse')) {
              <mat-error>{{ t('validation.date') }}</mat-error>
            }
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ t('encounters.finish.charge') }}</mat-label>
            <input matInput type="number" inputmode="decimal" [min]="chargeMin" [max]="chargeMax" step="0.01" formControlName="charge" data-testid="finish-charge" />
            <span matTextSuffix>¥</span>
            <mat-hint>{{ t('encounters.finish.chargeHint') }}</mat-hint>
            @if (form.controls.charge.hasError('visitCharge')) {
              <mat-error data-testid="finish-charge-error">{{ t('validation.visitCharge') }}</mat-error>
            }
          </mat-form-field>
          <div class="quick-picks">
            <span class="label">{{ t('encounters.finish.quickPick') }}</span>
            @for (days of quickPicks; track days) {
              <button
                mat-stroked-button
                type="button"
                [attr.data-testid]="'finish-plus-' + days"
                (click)="pick(days)"
              >
                {{ t('encounters.finish.plusDays', { days }) }}
              </button>
            }
            @if (form.controls.nextVisitDue.value) {
              <button mat-button type="button" data-testid="finish-clear-next-visit" (click)="pick(null)">
                {{ t('encounters.finish.noNextVisit') }}
              </button>
            }
          </div>
          @if (error(); as e) {
            <p class="form-error" role="alert" data-testid="finish-error">
              <hf-api-error [error]="e" />
            </p>
          }
        </mat-dialog-content>
        <mat-dialog-actions align="end">
          <button mat-button type="button" mat-dialog-close>{{ t('common.cancel') }}</button>
          <button mat-flat-button type="submit" [disabled]="pending()" data-testid="finish-submit">
            {{ t('encounters.finish.submit') }}
          </button>
        </mat-dialog-actions>
      </form>
    </ng-container>
  `,
  styleUrl: './encounter-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FinishEncounterDialogComponent {
  protected readonly data = inject<FinishEncounterDialogData>(MAT_DIALOG_DATA);
  private readonly api = inject(EncountersApiService);
  private readonly dialogRef = inject<MatDialogRef<FinishEncounterDialogComponent, FinishedEncounter>>(MatDialogRef);

  protected readonly quickPicks = NEXT_VISIT_QUICK_PICKS;
  /** The day the visit belongs to in the hospital's zone: the server checks the next visit against it. */
  protected readonly visitDay = calendarDayOf(new Date(this.data.encounter.checkedInAt), hospitalTimeZone());
  protected readonly earliest = addDays(this.visitDay, 1);
  protected readonly latest = addDays(this.visitDay, NEXT_VISIT_MAX_DAYS);
  /** The bounds the browser's number field offers; the rule itself is shared `isVisitCharge`. */
  protected readonly chargeMin = 0;
  protected readonly chargeMax = IMPORT_CHARGE_MAX_YUAN;
  protected readonly pending = signal(false);
  protected readonly error = signal<ErrorDescription | null>(null);
  protected readonly form = inject(NonNullableFormBuilder).group({
    nextVisitDue: ['', nextVisitValidator(() => this.visitDay)],
    // A number input gives a number, or null when empty.
    charge: [null as number | null, visitChargeValidator],
  });

  protected pick(days: number | null): void {
    const control = this.form.controls.nextVisitDue;
    control.setValue(days === null ? '' : addDays(hospitalToday(), days));
    control.markAsTouched();
  }

  protected submit(): void {
    if (this.pending()) {
      return;
    }
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { nextVisitDue: typed, charge } = this.form.getRawValue();
    const nextVisitDue = (typed ?? '').trim();
    const request: FinishRequest = { ...(nextVisitDue ? { nextVisitDue } : {}), ...(charge === null ? {} : { charge }) };
    this.pending.set(true);
    this.error.set(null);
    this.api.finish(this.data.encounter.id, request).subscribe({
      next: (encounter) => this.dialogRef.close(encounter),
      error: (err: unknown) => {
        this.pending.set(false);
        this.error.set(describeHttpError(err));
      },
    });
  }
}
