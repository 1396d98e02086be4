import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import {
  type CreateUserRequest,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  ROLES,
  type Role,
  type StaffUser,
  USERNAME_PATTERN,
} from '@huifang/shared';
import { TranslocoDirective } from '@jsverse/transloco';
import { Notifier } from '../core/notifier.service';
import { UsersApiService } from './users-api.service';

/** Creates a staff account; stays open on a server error (e.g. 409 username taken) so nothing is retyped. */
@Component({
  selector: 'hf-user-create-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslocoDirective,
  ],
  templateUrl: './user-create-dialog.component.html',
  styleUrl: './user-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UserCreateDialogComponent {
  private readonly api = inject(UsersApiService);
  private readonly dialogRef = inject<MatDialogRef<UserCreateDialogComponent, StaffUser>>(MatDialogRef);
  private readonly notifier = inject(Notifier);

  protected readonly roles = ROLES;
  protected readonly passwordMin = PASSWORD_MIN_LENGTH;
  protected readonly passwordMax = PASSWORD_MAX_LENGTH;
  protected readonly pending = signal(false);

  protected readonly form = inject(NonNullableFormBuilder).group({
    username: ['', [Validators.required, Validators.pattern(USERNAME_PATTERN)]],
    displayName: [''],
    role: ['front_desk' as Role, Validators.required],
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
    const { username, displayName, role, password } = this.form.getRawValue();
    const request: CreateUserRequest = { username, role, password };
    if (displayName.trim()) {
      request.displayName = displayName.trim();
    }
    this.pending.set(true);
    this.api.create(request).subscribe({
      next: (user) => this.dialogRef.close(user),
      error: (err: unknown) => {
        this.pending.set(false);
        this.notifier.error(err);
      },
    });
  }
}
