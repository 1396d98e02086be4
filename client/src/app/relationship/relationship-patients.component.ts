import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, output, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { type PageEvent, MatPaginatorModule } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import type { ClvUnit, Department, Page, PatientSummary } from '@huifang/shared';
import { TranslocoDirective } from '@jsverse/transloco';
import { AuthService } from '../auth/auth.service';
import { canOpenPatient } from '../auth/page-access';
import { type LoadResult, loadEach, loadFailed, loadedValue } from '../core/load-result';
import type { Translate } from '../dashboard/figure-format';
import { departmentNameById } from '../departments/department-name';
import { HospitalDatePipe } from '../i18n/hospital-date.pipe';
import { LanguageService } from '../i18n/language.service';
import { PhaseBadgeComponent } from './phase-badge.component';
import { RelationshipApiService } from './relationship-api.service';
import { type RelationshipCell, cellQuery, cellTitle } from './relationship-cells';
import { formatClv } from './relationship-format';
import { ValueTierBadgeComponent } from './value-tier-badge.component';

export const CELL_PAGE_SIZE = 20;

/** The patients behind a cell of the relationship view, most valuable first, page by page (phones masked; the server audits it). */
@Component({
  selector: 'hf-relationship-patients',
  imports: [
    HospitalDatePipe,
    MatButtonModule,
    MatCardModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatTableModule,
    PhaseBadgeComponent,
    RouterLink,
    TranslocoDirective,
    ValueTierBadgeComponent,
  ],
  template: `
    <mat-card appearance="outlined" *transloco="let t" data-testid="relationship-patients" role="region" [attr.aria-label]="title(t)">
      <mat-card-header>
        <mat-card-title data-testid="relationship-patients-title">{{ title(t) }}</mat-card-title>
        <button mat-button type="button" class="close" data-testid="relationship-patients-close" (click)="closed.emit()">
          {{ t('dashboard.actions.close') }}
        </button>
      </mat-card-header>
      <mat-card-content>
        @if (loading()) {
          <mat-progress-bar mode="indeterminate" />
        }
        @if (failed()) {
          <p role="alert">{{ t('dashboard.loadFailed') }}</p>
        } @else if (page(); as p) {
          @if (p.total === 0) {
            <p>{{ t('relationship.view.patients.empty') }}</p>
          } @else {
            <div class="table-wrap">
              <table mat-table [dataSource]="p.items" data-testid="relationship-patients-rows">
                <ng-container matColumnDef="name">
                  <th mat-header-cell *matHeaderCellDef>{{ t('relationship.view.patients.name') }}</th>
                  <td mat-cell *matCellDef="let row">
                    @if (canOpenPatients()) {
                      <a [routerLink]="['/patients', row.id]" data-testid="relationship-patient-link">{{ row.name }}</a>
                    } @else {
                      {{ row.name }}
                    }
                  </td>
                </ng-container>
                <ng-container matColumnDef="phone">
                  <th mat-header-cell *matHeaderCellDef>{{ t('relationship.view.patients.phone') }}</th>
                  <td mat-cell *matCellDef="let row" class="mono">{{ row.phoneMasked }}</td>
                </ng-container>
                <ng-container matColumnDef="department">
                  <th mat-header-cell *matHeaderCellDef>{{ t('relationship.view.patients.department') }}</th>
                  <td mat-cell *matCellDef="let row">{{ departmentOf(row) }}</td>
                </ng-container>
                <ng-container matColumnDef="phase">
                  <th mat-header-cell *matHeaderCellDef>{{ t('relationship.view.patients.phase') }}</th>
                  <td mat-cell *matCellDef="let row"><hf-phase-badge [phase]="row.phase" /></td>
                </ng-container>
                <ng-container matColumnDef="value">
                  <th mat-header-cell *matHeaderCellDef>{{ t('relationship.view.patients.value') }}</th>
                  <td mat-cell *matCellDef="let row"><hf-value-tier-badge [tier]="row.valueTier" [score]="row.valueScore" /></td>
                </ng-container>
                <ng-container matColumnDef="clv">
                  <th mat-header-cell *matHeaderCellDef class="number">{{ t('relationship.view.patients.clv') }}</th>
                  <td mat-cell *matCellDef="let row" class="number">{{ clvOf(row, t) }}</td>
                </ng-container>
                <ng-container matColumnDef="lastVisitOn">
                  <th mat-header-cell *matHeaderCellDef>{{ t('relationship.view.patients.lastVisitOn') }}</th>
                  <td mat-cell *matCellDef="let row">{{ row.lastVisitOn | hfDate: 'date' }}</td>
                </ng-container>
                <tr mat-header-row *matHeaderRowDef="columns"></tr>
                <tr mat-row *matRowDef="let row; columns: columns" data-testid="relationship-patient-row"></tr>
              </table>
            </div>
            <mat-paginator [length]="p.total" [pageIndex]="pageIndex()" [pageSize]="pageSize" [hidePageSize]="true" (page)="changePage($event)" />
          }
        }
      </mat-card-content>
    </mat-card>
  `,
  styles: `
    mat-card-header { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 8px; }
    .table-wrap { overflow-x: auto; }
    .number { text-align: right; }
    .mono { font-variant-numeric: tabular-nums; white-space: nowrap; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RelationshipPatientsComponent {
  private readonly api = inject(RelationshipApiService);
  private readonly auth = inject(AuthService);
  private readonly language = inject(LanguageService);

  readonly cell = input.required<RelationshipCell>();
  readonly departmentId = input<number | null>(null);
  /** The view's department filter by name, null for all departments. */
  readonly departmentName = input<string | null>(null);
  readonly departments = input<Department[]>([]);
  readonly clvUnit = input<ClvUnit>('visits');

  readonly closed = output<void>();

  protected readonly columns = ['name', 'phone', 'department', 'phase', 'value', 'clv', 'lastVisitOn'];
  protected readonly pageSize = CELL_PAGE_SIZE;
  /** A new cell starts again on its first page. */
  protected readonly pageIndex = linkedSignal({ source: computed(() => [this.cell(), this.departmentId()]), computation: () => 0 });
  protected readonly canOpenPatients = computed(() => {
    const role = this.auth.user()?.role;
    return role ? canOpenPatient(role) : false;
  });
  protected readonly loading = signal(false);
  private readonly loaded = signal<LoadResult<Page<PatientSummary>> | null>(null);
  protected readonly page = computed(() => loadedValue(this.loaded()));
  protected readonly failed = computed(() => loadFailed(this.loaded()));

  constructor() {
    const request = computed(() => ({ cell: this.cell(), departmentId: this.departmentId(), page: this.pageIndex() + 1 }));
    loadEach(
      toObservable(request),
      ({ cell, departmentId, page }) => this.api.patients(cellQuery(cell), { departmentId, page, pageSize: CELL_PAGE_SIZE }),
      { loading: this.loading, result: this.loaded },
    )
      .pipe(takeUntilDestroyed())
      .subscribe();
  }

  protected title(t: Translate): string {
    return cellTitle(this.cell(), this.departmentName(), t);
  }

  protected departmentOf(row: PatientSummary): string {
    return row.lastDepartmentId === null ? '—' : departmentNameById(this.departments(), row.lastDepartmentId, this.language.lang(), `#${row.lastDepartmentId}`);
  }

  protected clvOf(row: PatientSummary, t: Translate): string {
    return formatClv(row.clv, this.clvUnit(), this.language.lang(), t);
  }

  protected changePage(event: PageEvent): void {
    this.pageIndex.set(event.pageIndex);
  }
}
