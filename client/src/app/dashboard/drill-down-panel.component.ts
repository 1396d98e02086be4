import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, output, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { type PageEvent, MatPaginatorModule } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { type Sort, MatSortModule } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import {
  DEFAULT_DRILL_DOWN_SORT,
  DRILL_DOWN_SORT_KEYS,
  type DrillDownRow,
  type DrillDownSort,
  type DrillDownSortKey,
  type Page,
  drillDownSort,
} from '@huifang/shared';
import { TranslocoDirective } from '@jsverse/transloco';
import type { Observable } from 'rxjs';
import { AuthService } from '../auth/auth.service';
import { canOpenPatient } from '../auth/page-access';
import { type LoadResult, loadEach, loadFailed, loadedValue } from '../core/load-result';
import { Notifier } from '../core/notifier.service';
import type { ChartContext } from './chart-model';
import { type DashboardState, indicatorQuery } from './dashboard-state';
import { saveFile } from './csv-download';
import { type DrillTarget, drillCsvFileName, drillTitle } from './drill-down';
import { IndicatorsApiService } from './indicators-api.service';

export const DRILL_PAGE_SIZE = 20;

/**
 * The patients behind one figure: the rows the API counted for a chart element (phones masked),
 * page by page. The server records every drill-down in the audit log.
 */
@Component({
  selector: 'hf-drill-down-panel',
  imports: [MatButtonModule, MatCardModule, MatPaginatorModule, MatProgressBarModule, MatSortModule, MatTableModule, RouterLink, TranslocoDirective],
  template: `
    <mat-card appearance="outlined" *transloco="let t" data-testid="drill-down" role="region" [attr.aria-label]="title()">
      <mat-card-header>
        <mat-card-title data-testid="drill-down-title">{{ title() }}</mat-card-title>
        <button
          mat-stroked-button
          type="button"
          class="csv"
          data-testid="drill-down-csv"
          [disabled]="exporting() || page()?.total === 0"
          (click)="exportCsv()"
        >
          {{ t('dashboard.actions.csv') }}
        </button>
        <button mat-button type="button" class="close" data-testid="drill-down-close" (click)="closed.emit()">
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
            <p>{{ t('dashboard.drill.empty') }}</p>
          } @else {
            <div class="table-wrap">
              <table
                mat-table
                matSort
                [matSortActive]="sortKey()"
                [matSortDirection]="sortDirection()"
                [matSortDisableClear]="true"
                (matSortChange)="changeSort($event)"
                [dataSource]="p.items"
                data-testid="drill-down-rows"
              >
                <ng-container matColumnDef="patient">
                  <th mat-header-cell *matHeaderCellDef mat-sort-header data-testid="drill-sort-patient">{{ t('dashboard.drill.columns.patient') }}</th>
                  <td mat-cell *matCellDef="let row">
                    @if (canOpenPatients()) {
                      <a [routerLink]="['/patients', row.patientId]" data-testid="drill-down-patient">{{ row.patientName }}</a>
                    } @else {
                      {{ row.patientName }}
                    }
                  </td>
                </ng-container>
                <ng-container matColumnDef="phone">
                  <th mat-header-cell *matHeaderCellDef>{{ t('dashboard.drill.columns.phone') }}</th>
                  <td mat-cell *matCellDef="let row">{{ row.phoneMasked }}</td>
                </ng-container>
                <ng-container matColumnDef="department">
                  <th mat-header-cell *matHeaderCellDef mat-sort-header data-testid="drill-sort-department">{{ t('dashboard.drill.columns.department') }}</th>
                  <td mat-cell *matCellDef="let row">{{ departmentOf(row) }}</td>
                </ng-container>
                <ng-container matColumnDef="on">
                  <th mat-header-cell *matHeaderCellDef mat-sort-header data-testid="drill-sort-on">{{ t('dashboard.drill.columns.on') }}</th>
                  <td mat-cell *matCellDef="let row">{{ row.on }}</td>
                </ng-container>
                <ng-container matColumnDef="value">
                  <th mat-header-cell *matHeaderCellDef mat-sort-header arrowPosition="before" data-testid="drill-sort-value">
                    {{ t('dashboard.drill.values.' + valueKind()) }}
                  </th>
                  <td mat-cell *matCellDef="let row" class="number">{{ row.value ?? '—' }}</td>
                </ng-container>
                <ng-container matColumnDef="stage">
                  <th mat-header-cell *matHeaderCellDef mat-sort-header data-testid="drill-sort-stage">{{ t('dashboard.drill.columns.stage') }}</th>
                  <td mat-cell *matCellDef="let row">{{ t('stages.' + row.stage) }}</td>
                </ng-container>
                <ng-container matColumnDef="status">
                  <th mat-header-cell *matHeaderCellDef mat-sort-header data-testid="drill-sort-status">{{ t('dashboard.drill.columns.status') }}</th>
                  <td mat-cell *matCellDef="let row">{{ t('statuses.' + row.status) }}</td>
                </ng-container>
                <tr mat-header-row *matHeaderRowDef="columns"></tr>
                <tr mat-row *matRowDef="let row; columns: columns" data-testid="drill-down-row"></tr>
              </table>
            </div>
            <mat-paginator
              [length]="p.total"
              [pageIndex]="pageIndex()"
              [pageSize]="pageSize"
              [hidePageSize]="true"
              (page)="changePage($event)"
            />
          }
        }
      </mat-card-content>
    </mat-card>
  `,
  styles: `
    mat-card-header { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 8px; }
    .csv { margin-left: auto; }
    .table-wrap { overflow-x: auto; }
    td.number { text-align: right; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DrillDownPanelComponent {
  private readonly api = inject(IndicatorsApiService);
  private readonly auth = inject(AuthService);
  private readonly notifier = inject(Notifier);
  private readonly document = inject(DOCUMENT);

  readonly target = input.required<DrillTarget>();
  readonly state = input.required<DashboardState>();
  readonly context = input.required<ChartContext>();
  /** The dashboard's department filter by name, null for all departments. */
  readonly departmentName = input<string | null>(null);

  readonly closed = output<void>();

  protected readonly columns = ['patient', 'phone', 'department', 'on', 'value', 'stage', 'status'];
  protected readonly pageSize = DRILL_PAGE_SIZE;
  /** The server sorts (every page in one order); a new target starts again newest first. */
  protected readonly sort = linkedSignal<DrillTarget, DrillDownSort>({ source: this.target, computation: () => DEFAULT_DRILL_DOWN_SORT });
  protected readonly sortKey = computed(() => this.sort().replace(/^-/, ''));
  protected readonly sortDirection = computed(() => (this.sort().startsWith('-') ? 'desc' : 'asc'));
  /** A new target or order starts again on its first page (in the same change, so no request for its page 2). */
  protected readonly pageIndex = linkedSignal({ source: computed(() => [this.target(), this.sort()]), computation: () => 0 });
  protected readonly exporting = signal(false);
  protected readonly canOpenPatients = computed(() => {
    const role = this.auth.user()?.role;
    return role ? canOpenPatient(role) : false;
  });
  protected readonly loading = signal(false);
  private readonly loaded = signal<LoadResult<Page<DrillDownRow>> | null>(null);

  protected readonly page = computed(() => loadedValue(this.loaded()));
  protected readonly failed = computed(() => loadFailed(this.loaded()));
  protected readonly valueKind = computed(() => {
    const target = this.target();
    return target.kind === 'flow' ? 'flow' : target.indicator;
  });
  protected readonly title = computed(() => {
    const state = this.state();
    const context = this.context();
    return drillTitle(
      this.target(),
      { departmentName: this.departmentName(), departmentNameOf: context.departmentNameOf, from: state.from, to: state.to },
      context.t,
    );
  });

  constructor() {
    const request = computed(() => ({ target: this.target(), state: this.state(), sort: this.sort(), page: this.pageIndex() + 1 }));
    loadEach(toObservable(request), ({ target, state, sort, page }) => this.fetch(target, state, sort, page), {
      loading: this.loading,
      result: this.loaded,
    })
      .pipe(takeUntilDestroyed())
      .subscribe();
  }

  protected departmentOf(row: DrillDownRow): string {
    return row.departmentId === null ? '—' : this.context().departmentNameOf(row.departmentId) || (row.departmentName ?? '');
  }

  protected changePage(event: PageEvent): void {
    this.pageIndex.set(event.pageIndex);
  }

  protected changeSort(event: Sort): void {
    const key = event.active as DrillDownSortKey;
    if (!DRILL_DOWN_SORT_KEYS.includes(key)) return;
    this.sort.set(event.direction === '' ? DEFAULT_DRILL_DOWN_SORT : drillDownSort(key, event.direction));
  }

  /** Every row of the figure (not this page), in the order shown, headers in the UI language. */
  protected exportCsv(): void {
    const target = this.target();
    const state = this.state();
    const lang = this.context().lang;
    const filter = this.filter(target, state, this.sort());
    const csv$ = filter.kind === 'flow' ? this.api.flowPatientsCsv(filter.query, lang) : this.api.patientsCsv(filter.indicator, filter.query, lang);
    this.exporting.set(true);
    csv$.subscribe({
      next: (blob) => {
        this.exporting.set(false);
        saveFile(this.document, blob, drillCsvFileName(target, state.from, state.to));
      },
      error: (error: unknown) => {
        this.exporting.set(false);
        this.notifier.error(error);
      },
    });
  }

  private fetch(target: DrillTarget, state: DashboardState, sort: DrillDownSort, page: number): Observable<Page<DrillDownRow>> {
    const filter = this.filter(target, state, sort);
    const paging = { page, pageSize: DRILL_PAGE_SIZE };
    return filter.kind === 'flow'
      ? this.api.flowPatients({ ...filter.query, ...paging })
      : this.api.patients(filter.indicator, { ...filter.query, ...paging });
  }

  /** Which rows a target lists, in which order: the same for a page and for the CSV. */
  private filter(target: DrillTarget, state: DashboardState, sort: DrillDownSort) {
    const period = indicatorQuery(state);
    if (target.kind === 'flow') {
      return { kind: 'flow' as const, query: { ...period, fromStage: target.fromStage, toStage: target.toStage, sort } };
    }
    return {
      kind: 'series' as const,
      indicator: target.indicator,
      query: {
        ...period,
        groupBy: target.groupBy,
        key: target.key,
        segment: target.segment,
        ...(target.templateId === null ? {} : { templateId: target.templateId }),
        sort,
      },
    };
  }
}
