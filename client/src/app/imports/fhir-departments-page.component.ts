import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule, type MatSelectChange } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import type { Department, FhirDepartmentMapping } from '@huifang/shared';
import { TranslocoDirective } from '@jsverse/transloco';
import { finalize, forkJoin } from 'rxjs';
import { Notifier } from '../core/notifier.service';
import { departmentName } from '../departments/department-name';
import { DepartmentsApiService } from '../departments/departments-api.service';
import { LanguageService } from '../i18n/language.service';
import { departmentChoices } from './fhir-department-rows';
import { ImportsApiService } from './imports-api.service';

/**
 * Admin: which department a FHIR code (Encounter serviceType / type / class) stands for. Codes seen in
 * an import without a mapping come first, highlighted; their encounters wait in the unmapped department.
 */
@Component({
  selector: 'hf-fhir-departments-page',
  imports: [MatButtonModule, MatFormFieldModule, MatProgressBarModule, MatSelectModule, RouterLink, TranslocoDirective],
  templateUrl: './fhir-departments-page.component.html',
  styleUrl: './fhir-departments-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FhirDepartmentsPageComponent {
  private readonly api = inject(ImportsApiService);
  private readonly departmentsApi = inject(DepartmentsApiService);
  private readonly notifier = inject(Notifier);
  protected readonly lang = inject(LanguageService).lang;

  /** Unmapped codes first, as the server sorts them; a row keeps its place while the admin works down the list. */
  protected readonly rows = signal<FhirDepartmentMapping[]>([]);
  protected readonly departments = signal<Department[]>([]);
  protected readonly loading = signal(true);
  protected readonly loadFailed = signal(false);
  protected readonly savingId = signal<number | null>(null);
  protected readonly unmappedCount = computed(() => this.rows().filter((r) => r.departmentId === null).length);

  constructor() {
    this.load();
  }

  protected load(): void {
    this.loading.set(true);
    forkJoin([this.api.fhirDepartments(), this.departmentsApi.list()])
      .pipe(finalize(() => this.loading.set(false)))
      .subscribe({
        next: ([rows, departments]) => {
          this.rows.set(rows);
          this.departments.set(departments);
          this.loadFailed.set(false);
        },
        error: (err: unknown) => {
          this.loadFailed.set(true);
          this.notifier.error(err);
        },
      });
  }

  protected choices(row: FhirDepartmentMapping): Department[] {
    return departmentChoices(this.departments(), row.departmentId);
  }

  protected name(department: Department): string {
    return departmentName(department, this.lang());
  }

  protected map(row: FhirDepartmentMapping, change: MatSelectChange<number | null>): void {
    this.savingId.set(row.id);
    this.api
      .mapFhirDepartment(row.id, change.value)
      .pipe(finalize(() => this.savingId.set(null)))
      .subscribe({
        next: (saved) => {
          this.rows.update((rows) => rows.map((r) => (r.id === saved.id ? saved : r)));
          this.notifier.success('imports.fhirDepartments.saved', { code: saved.code });
        },
        error: (err: unknown) => {
          this.notifier.error(err);
          // Put the select back to what the server has.
          change.source.value = row.departmentId;
        },
      });
  }
}
