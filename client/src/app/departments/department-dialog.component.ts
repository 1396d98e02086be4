import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { DEPARTMENT_CODE_PATTERN, DEPARTMENT_NAME_MAX_LENGTH, type Department } from '@huifang/shared';
import { TranslocoDirective } from '@jsverse/transloco';
import { Notifier } from '../core/notifier.service';
import { DepartmentsApiService } from './departments-api.service';

/** The department to rename, or null to add one. */
export type DepartmentDialogData = Department | null;

/**
 * Adds a department (code, Chinese and English names) or renames one (the code stays: integrations
 * refer to it). Stays open on a server error (e.g. 409 name taken) so nothing is retyped.
 */
@Component({
  selector: 'hf-department-dialog',
  imports: [ReactiveFormsModule, MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule, TranslocoDirective],
  templateUrl: './department-dialog.component.html',
  styles: `
    .fields {
      display: flex;
      flex-direction: column;
      gap: 8px;
      padding-top: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DepartmentDialogComponent {
  private readonly api = inject(DepartmentsApiService);
  private readonly dialogRef = inject<MatDialogRef<DepartmentDialogComponent, Department>>(MatDialogRef);
  private readonly notifier = inject(Notifier);
  protected readonly existing = inject<DepartmentDialogData>(MAT_DIALOG_DATA);

  protected readonly nameMax = DEPARTMENT_NAME_MAX_LENGTH;
  protected readonly pending = signal(false);

  protected readonly form = inject(NonNullableFormBuilder).group({
    code: [
      { value: this.existing?.code ?? '', disabled: this.existing !== null },
      [Validators.required, Validators.pattern(DEPARTMENT_CODE_PATTERN)],
    ],
    name: [this.existing?.name ?? '', [Validators.required, Validators.maxLength(DEPARTMENT_NAME_MAX_LENGTH)]],
    nameEn: [this.existing?.nameEn ?? '', [Validators.required, Validators.maxLength(DEPARTMENT_NAME_MAX_LENGTH)]],
  });

  protected submit(): void {
    if (this.pending()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { code, name, nameEn } = this.form.getRawValue();
    const names = { name: name.trim(), nameEn: nameEn.trim() };
    const request = this.existing ? this.api.update(this.existing.id, names) : this.api.create({ code, ...names });
    this.pending.set(true);
    request.subscribe({
      next: (department) => this.dialogRef.close(department),
      error: (err: unknown) => {
        this.pending.set(false);
        this.notifier.error(err);
      },
    });
  }
}
