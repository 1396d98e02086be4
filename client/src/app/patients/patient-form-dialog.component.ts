import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { Router } from '@angular/router';
import {
  EARLIEST_DAY,
  ERROR_CODES,
  GENDERS,
  type Gender,
  PATIENT_NAME_MAX_LENGTH,
  PATIENT_NOTE_MAX_LENGTH,
  type Patient,
  SURVEY_LANGUAGES,
  type SurveyLanguage,
} from '@huifang/shared';
import { TranslocoDirective } from '@jsverse/transloco';
import { Observable } from 'rxjs';
import { hospitalToday } from '../hospital-settings/hospital-clock';
import { type ErrorDescription, describeHttpError, errorCodeKey } from '../core/api-error';
import { ApiErrorComponent } from '../core/api-error.component';
import {
  birthDateValidator,
  formValueFor,
  mobilePhoneValidator,
  registerRequestFrom,
  updateRequestFrom,
} from './patient-form';
import { PatientsApiService } from './patients-api.service';

export interface PatientFormDialogData {
  /** Edit this patient; without it the dialog registers a new one. */
  patient?: Patient;
}

interface FormError extends ErrorDescription {
  /** A 409 on name + phone: the record the desk should open instead. */
  existingPatientId: number | null;
}

/**
 * Registers a patient (or edits one). Closes with the saved patient; stays open on a server error,
 * showing why (translated from the error code), and on a duplicate offers the existing record.
 */
@Component({
  selector: 'hf-patient-form-dialog',
  imports: [
    ApiErrorComponent,
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatDatepickerModule,
    MatInputModule,
    MatSelectModule,
    TranslocoDirective,
  ],
  templateUrl: './patient-form-dialog.component.html',
  styleUrl: './patient-form-dialog.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PatientFormDialogComponent {
  private readonly api = inject(PatientsApiService);
  private readonly router = inject(Router);
  private readonly dialogRef = inject<MatDialogRef<PatientFormDialogComponent, Patient>>(MatDialogRef);
  private readonly data = inject<PatientFormDialogData | null>(MAT_DIALOG_DATA, { optional: true });

  protected readonly patient = this.data?.patient ?? null;
  protected readonly genders = GENDERS;
  protected readonly languages = SURVEY_LANGUAGES;
  protected readonly nameMax = PATIENT_NAME_MAX_LENGTH;
  protected readonly noteMax = PATIENT_NOTE_MAX_LENGTH;
  protected readonly minBirthDate = EARLIEST_DAY;
  protected readonly today = hospitalToday();
  protected readonly pending = signal(false);
  protected readonly error = signal<FormError | null>(null);

  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.maxLength(PATIENT_NAME_MAX_LENGTH)]],
    phone: ['', [Validators.required, mobilePhoneValidator]],
    gender: [null as Gender | null],
    birthDate: ['' as string | null, birthDateValidator(() => hospitalToday())],
    note: ['', Validators.maxLength(PATIENT_NOTE_MAX_LENGTH)],
    consentCalls: [false],
    consentSurveys: [false],
    preferredLanguage: [null as SurveyLanguage | null],
  });

  constructor() {
    this.form.setValue(formValueFor(this.patient));
  }

  protected submit(): void {
    if (this.pending()) {
      return;
    }
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    let request: Observable<Patient>;
    if (this.patient) {
      const changes = updateRequestFrom(this.patient, value);
      if (Object.keys(changes).length === 0) {
        this.dialogRef.close(this.patient);
        return;
      }
      request = this.api.update(this.patient.id, changes);
    } else {
      request = this.api.register(registerRequestFrom(value));
    }
    this.pending.set(true);
    this.error.set(null);
    request.subscribe({
      next: (saved) => this.dialogRef.close(saved),
      error: (err: unknown) => {
        this.pending.set(false);
        const description = describeHttpError(err);
        this.error.set({ ...description, existingPatientId: existingPatientId(description) });
      },
    });
  }

  protected openExisting(id: number): void {
    this.dialogRef.close();
    void this.router.navigate(['/patients', id]);
  }
}

/** From a `patient.duplicate` answer: the id in its params. */
function existingPatientId(description: ErrorDescription): number | null {
  if (description.key !== errorCodeKey(ERROR_CODES.patientDuplicate)) {
    return null;
  }
  const id = description.params['existingPatientId'];
  return typeof id === 'number' && Number.isInteger(id) && id > 0 ? id : null;
}
