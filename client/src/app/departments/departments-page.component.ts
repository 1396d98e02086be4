import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import type { Department } from '@huifang/shared';
import { TranslocoDirective } from '@jsverse/transloco';
import { finalize } from 'rxjs';
import { confirmAction } from '../core/confirm-dialog.component';
import { Notifier } from '../core/notifier.service';
import { DepartmentDialogComponent, type DepartmentDialogData } from './department-dialog.component';
import { DepartmentsApiService } from './departments-api.service';

/**
 * Admin: the hospital's departments. Add, rename, deactivate (asks first) and reactivate. A
 * deactivated department keeps its history and figures but takes no new check-ins and leaves the pickers.
 */
@Component({
  selector: 'hf-departments-page',
  imports: [MatButtonModule, MatProgressBarModule, MatTableModule, TranslocoDirective],
  templateUrl: './departments-page.component.html',
  styleUrl: '../core/admin-table-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DepartmentsPageComponent {
  private readonly api = inject(DepartmentsApiService);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);

  protected readonly columns = ['code', 'name', 'nameEn', 'status', 'actions'];
  protected readonly departments = signal<Department[]>([]);
  protected readonly loading = signal(false);
  protected readonly loadFailed = signal(false);
  protected readonly busyId = signal<number | null>(null);

  constructor() {
    this.load();
  }

  protected load(): void {
    this.loading.set(true);
    this.api
      .list()
      .pipe(finalize(() => this.loading.set(false)))
      .subscribe({
        next: (departments) => {
          this.departments.set(departments);
          this.loadFailed.set(false);
        },
        error: (err: unknown) => {
          this.loadFailed.set(true);
          this.notifier.error(err);
        },
      });
  }

  protected openAdd(): void {
    this.openDialog(null, 'departments.added');
  }

  protected openRename(department: Department): void {
    this.openDialog(department, 'departments.renamed');
  }

  protected deactivate(department: Department): void {
    confirmAction(this.dialog, {
      titleKey: 'departments.confirmDeactivate.title',
      messageKey: 'departments.confirmDeactivate.message',
      confirmKey: 'departments.deactivate',
      params: { name: department.name },
    }).subscribe((confirmed) => {
      if (confirmed) this.setActive(department, false);
    });
  }

  protected reactivate(department: Department): void {
    this.setActive(department, true);
  }

  private setActive(department: Department, active: boolean): void {
    this.busyId.set(department.id);
    this.api
      .update(department.id, { active })
      .pipe(finalize(() => this.busyId.set(null)))
      .subscribe({
        next: (updated) => {
          this.replace(updated);
          this.notifier.success(active ? 'departments.activated' : 'departments.deactivated', { name: updated.name });
        },
        error: (err: unknown) => this.notifier.error(err),
      });
  }

  private openDialog(data: DepartmentDialogData, successKey: string): void {
    this.dialog
      .open<DepartmentDialogComponent, DepartmentDialogData, Department>(DepartmentDialogComponent, { width: '440px', data })
      .afterClosed()
      .subscribe((saved) => {
        if (!saved) return;
        this.notifier.success(successKey, { name: saved.name });
        if (data) this.replace(saved);
        else this.departments.update((list) => [...list, saved]);
      });
  }

  private replace(department: Department): void {
    this.departments.update((list) => list.map((d) => (d.id === department.id ? department : d)));
  }
}
