import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { ROLES, type Role, type StaffUser, type UpdateUserRequest } from '@huifang/shared';
import { TranslocoDirective } from '@jsverse/transloco';
import { finalize } from 'rxjs';
import { AuthService } from '../auth/auth.service';
import { confirmAction } from '../core/confirm-dialog.component';
import { Notifier } from '../core/notifier.service';
import { ResetPasswordDialogComponent, type ResetPasswordDialogData } from './reset-password-dialog.component';
import { UserCreateDialogComponent } from './user-create-dialog.component';
import { UsersApiService } from './users-api.service';

@Component({
  selector: 'hf-users-page',
  imports: [
    DatePipe,
    MatButtonModule,
    MatFormFieldModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTableModule,
    TranslocoDirective,
  ],
  templateUrl: './users-page.component.html',
  styleUrl: './users-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UsersPageComponent {
  private readonly api = inject(UsersApiService);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly auth = inject(AuthService);

  protected readonly roles = ROLES;
  protected readonly columns = ['username', 'displayName', 'role', 'status', 'lastLoginAt', 'createdAt', 'actions'];
  protected readonly users = signal<StaffUser[]>([]);
  protected readonly loading = signal(false);
  protected readonly loadFailed = signal(false);
  private readonly busyIds = signal<ReadonlySet<number>>(new Set());
  private readonly currentUserId = computed(() => this.auth.user()?.id ?? null);

  constructor() {
    this.load();
  }

  protected load(): void {
    this.loading.set(true);
    this.api
      .list()
      .pipe(finalize(() => this.loading.set(false)))
      .subscribe({
        next: (users) => {
          this.users.set(users);
          this.loadFailed.set(false);
        },
        error: (err: unknown) => {
          this.loadFailed.set(true);
          this.notifier.error(err);
        },
      });
  }

  /** An admin cannot lock themselves out from this page. */
  protected isSelf(user: StaffUser): boolean {
    return user.id === this.currentUserId();
  }

  protected isBusy(user: StaffUser): boolean {
    return this.busyIds().has(user.id);
  }

  protected openCreate(): void {
    this.dialog
      .open<UserCreateDialogComponent, undefined, StaffUser>(UserCreateDialogComponent, { width: '480px' })
      .afterClosed()
      .subscribe((created) => {
        if (created) {
          this.notifier.success('users.created', { username: created.username });
          this.load();
        }
      });
  }

  protected changeRole(user: StaffUser, role: Role): void {
    if (role !== user.role) {
      this.patch(user, { role }, 'users.roleChanged');
    }
  }

  /** Reactivating is harmless; deactivating signs the user out everywhere, so it asks first. */
  protected toggleActive(user: StaffUser): void {
    if (!user.active) {
      this.patch(user, { active: true }, 'users.activated');
      return;
    }
    confirmAction(this.dialog, {
      titleKey: 'users.confirmDeactivate.title',
      messageKey: 'users.confirmDeactivate.message',
      confirmKey: 'users.deactivate',
      params: { username: user.username },
    }).subscribe((confirmed) => {
      if (confirmed) this.patch(user, { active: false }, 'users.deactivated');
    });
  }

  protected openResetPassword(user: StaffUser): void {
    this.dialog
      .open<ResetPasswordDialogComponent, ResetPasswordDialogData, boolean>(ResetPasswordDialogComponent, {
        width: '420px',
        data: { user },
      })
      .afterClosed()
      .subscribe((done) => {
        if (done) {
          this.notifier.success('users.passwordReset', { username: user.username });
        }
      });
  }

  private patch(user: StaffUser, changes: Pick<UpdateUserRequest, 'role' | 'active'>, successKey: string): void {
    this.setBusy(user.id, true);
    this.api
      .update(user.id, changes)
      .pipe(finalize(() => this.setBusy(user.id, false)))
      .subscribe({
        next: (updated) => {
          const next = updated && updated.id === user.id ? updated : { ...user, ...changes };
          this.replace(next);
          this.notifier.success(successKey, { username: user.username });
        },
        error: (err: unknown) => {
          // A fresh row object re-renders the row, putting a rejected role choice back.
          this.replace({ ...user });
          this.notifier.error(err);
        },
      });
  }

  private replace(user: StaffUser): void {
    this.users.update((list) => list.map((u) => (u.id === user.id ? user : u)));
  }

  private setBusy(id: number, busy: boolean): void {
    this.busyIds.update((ids) => {
      const next = new Set(ids);
      if (busy) {
        next.add(id);
      } else {
        next.delete(id);
      }
      return next;
    });
  }
}
