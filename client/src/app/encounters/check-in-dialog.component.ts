import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { CLINICIAN_MAX_LENGTH, type CheckInRequest, type Department, type Encounter } from '@huifang/shared';
import { TranslocoDirective } from '@jsverse/transloco';
import { type ErrorDescription, describeHttpError } from '../core/api-error';
import { ApiErrorComponent } from '../core/api-error.component';
import { departmentName } from '../departments/department-name';
import { DepartmentsApiService } from '../departments/departments-api.service';
import { LanguageService } from '../i18n/language.service';
import { EncountersApiService } from './encounters-api.service';

export interface CheckInDialogData {
  patientId: number;
  patientName: string;
  /** Preselected when still active (the department of the patient's last visit). */
  departmentId?: number | null;
}

/** Checks a patient in at the desk for one department; closes with the new encounter. */
@Component({
  selector: 'hf-check-in-dialog',
  imports: [
    ApiErrorComponent,
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslocoDirective,
  ],
  template: `
    <ng-container *transloco="let t">
      <h2 mat-dialog-title>{{ t('encounters.checkIn.title', { name: data.patientName }) }}</h2>
      <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
        <mat-dialog-content class="fields">
          <mat-form-field appearance="outline">
            <mat-label>{{ t('encounters.department') }}</mat-label>
            <mat-select formControlName="departmentId" data-testid="check-in-department">
              @for (department of options(); track department.id) {
                <mat-option [value]="department.id" [attr.data-testid]="'check-in-department-' + department.id">
                  {{ department.label }}
                </mat-option>
              }
            </mat-select>
            @if (form.controls.departmentId.hasError('required')) {
              <mat-error>{{ t('validation.required') }}</mat-error>
            }
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ t('encounters.clinicianOptional') }}</mat-label>
            <input matInput formControlName="clinician" autocomplete="off" data-testid="check-in-clinician" />
            @if (form.controls.clinician.hasError('maxlength')) {
              <mat-error>{{ t('validation.maxLength', { max: clinicianMax }) }}</mat-error>
            }
          </mat-form-field>
          @if (error(); as e) {
            <p class="form-error" role="alert" data-testid="check-in-error">
              <hf-api-error [error]="e" />
            </p>
          }
        </mat-dialog-content>
        <mat-dialog-actions align="end">
          <button mat-button type="button" mat-dialog-close>{{ t('common.cancel') }}</button>
          <button mat-flat-button type="submit" [disabled]="pending()" data-testid="check-in-submit">
            {{ t('encounters.checkIn.submit') }}
          </button>
        </mat-dialog-actions>
      </form>
    </ng-container>
  `,
  styleUrl: './encounter-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CheckInDialogComponent {
  protected readonly data = inject<CheckInDialogData>(MAT_DIALOG_DATA);
  private readonly api = inject(EncountersApiService);
  private readonly language = inject(LanguageService);
  private readonly dialogRef = inject<MatDialogRef<CheckInDialogComponent, Encounter>>(MatDialogRef);

  protected readonly clinicianMax = CLINICIAN_MAX_LENGTH;
  protected readonly pending = signal(false);
  protected readonly error = signal<ErrorDescription | null>(null);
  private readonly departments = signal<Department[]>([]);
  protected readonly options = computed(() =>
    this.departments()
      .filter((d) => d.active)
      .map((d) => ({ id: d.id, label: departmentName(d, this.language.lang()) })),
  );

  protected readonly form = inject(NonNullableFormBuilder).group({
    departmentId: [null as number | null, Validators.required],
    clinician: ['', Validators.maxLength(CLINICIAN_MAX_LENGTH)],
  });

  constructor() {
    inject(DepartmentsApiService)
      .list()
      .pipe(takeUntilDestroyed())
      .subscribe({
        next: (list) => {
          this.departments.set(list);
          const preferred = this.data.departmentId;
          const control = this.form.controls.departmentId;
          if (preferred && control.value === null && list.some((d) => d.id === preferred && d.active)) {
            control.setValue(preferred);
          }
        },
        error: (err: unknown) => this.error.set(describeHttpError(err)),
      });
  }

  protected submit(): void {
    if (this.pending()) {
      return;
    }
    const { departmentId, clinician } = this.form.getRawValue();
    if (this.form.invalid || departmentId === null) {
      this.form.markAllAsTouched();
      return;
    }
    const request: CheckInRequest = { patientId: this.data.patientId, departmentId };
    if (clinician.trim()) {
      request.clinician = clinician.trim();
    }
    this.pending.set(true);
    this.error.set(null);
    this.api.checkIn(request).subscribe({
      next: (encounter) => this.dialogRef.close(encounter),
      error: (err: unknown) => {
        this.pending.set(false);
        this.error.set(describeHttpError(err));
      },
    });
  }
}
