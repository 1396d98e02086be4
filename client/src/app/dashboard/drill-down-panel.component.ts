import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, output, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { type PageEvent, MatPaginatorModule } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import type { DrillDownRow, Page } from '@huifang/shared';
import { TranslocoDirective } from '@jsverse/transloco';
import type { Observable } from 'rxjs';
import { type LoadResult, loadEach, loadFailed, loadedValue } from '../core/load-result';
import type { ChartContext } from './chart-model';
import { type DashboardState, indicatorQuery } from './dashboard-state';
import { type DrillTarget, drillTitle } from './drill-down';
import { IndicatorsApiService } from './indicators-api.service';

export const DRILL_PAGE_SIZE = 20;

/**
 * The patients behind one figure: the rows the API counted for a chart element (phones masked),
 * page by page. The server records every drill-down in the audit log.
 */
@Component({
  selector: 'hf-drill-down-panel',
  imports: [MatButtonModule, MatCardModule, MatPaginatorModule, MatProgressBarModule, MatTableModule, TranslocoDirective],
  template: `
    <mat-card appearance="outlined" *transloco="let t" data-testid="drill-down" role="region" [attr.aria-label]="title()">
      <mat-card-header>
        <mat-card-title data-testid="drill-down-title">{{ title() }}</mat-card-title>
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
              <table mat-table [dataSource]="p.items" data-testid="drill-down-rows">
                <ng-container matColumnDef="patient">
                  <th mat-header-cell *matHeaderCellDef>{{ t('dashboard.drill.columns.patient') }}</th>
                  <td mat-cell *matCellDef="let row">{{ row.patientName }}</td>
                </ng-container>
                <ng-container matColumnDef="phone">
                  <th mat-header-cell *matHeaderCellDef>{{ t('dashboard.drill.columns.phone') }}</th>
                  <td mat-cell *matCellDef="let row">{{ row.phoneMasked }}</td>
                </ng-container>
                <ng-container matColumnDef="department">
                  <th mat-header-cell *matHeaderCellDef>{{ t('dashboard.drill.columns.department') }}</th>
                  <td mat-cell *matCellDef="let row">{{ departmentOf(row) }}</td>
                </ng-container>
                <ng-container matColumnDef="on">
                  <th mat-header-cell *matHeaderCellDef>{{ t('dashboard.drill.columns.on') }}</th>
                  <td mat-cell *matCellDef="let row">{{ row.on }}</td>
                </ng-container>
                <ng-container matColumnDef="value">
                  <th mat-header-cell *matHeaderCellDef>{{ t('dashboard.drill.values.' + valueKind()) }}</th>
                  <td mat-cell *matCellDef="let row" class="number">{{ row.value ?? '—' }}</td>
                </ng-container>
                <ng-container matColumnDef="stage">
                  <th mat-header-cell *matHeaderCellDef>{{ t('dashboard.drill.columns.stage') }}</th>
                  <td mat-cell *matCellDef="let row">{{ t('stages.' + row.stage) }}</td>
                </ng-container>
                <ng-container matColumnDef="status">
                  <th mat-header-cell *matHeaderCellDef>{{ t('dashboard.drill.columns.status') }}</th>
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
    mat-card-header { display: flex; align-items: center; justify-content: space-between; }
    .close { margin-left: auto; }
    .table-wrap { overflow-x: auto; }
    td.number { text-align: right; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DrillDownPanelComponent {
  private readonly api = inject(IndicatorsApiService);

  readonly target = input.required<DrillTarget>();
  readonly state = input.required<DashboardState>();
  readonly context = input.required<ChartContext>();
  /** The dashboard's department filter by name, null for all departments. */
  readonly departmentName = input<string | null>(null);

  readonly closed = output<void>();

  protected readonly columns = ['patient', 'phone', 'department', 'on', 'value', 'stage', 'status'];
  protected readonly pageSize = DRILL_PAGE_SIZE;
  /** A new target starts again on its first page (in the same change, so no request for its page 2). */
  protected readonly pageIndex = linkedSignal({ source: this.target, computation: () => 0 });
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
    const request = computed(() => ({ target: this.target(), state: this.state(), page: this.pageIndex() + 1 }));
    loadEach(toObservable(request), ({ target, state, page }) => this.fetch(target, state, page), { loading: this.loading, result: this.loaded })
      .pipe(takeUntilDestroyed())
      .subscribe();
  }

  protected departmentOf(row: DrillDownRow): string {
    return row.departmentId === null ? '—' : this.context().departmentNameOf(row.departmentId) || (row.departmentName ?? '');
  }

  protected changePage(event: PageEvent): void {
    this.pageIndex.set(event.pageIndex);
  }

  private fetch(target: DrillTarget, state: DashboardState, page: number): Observable<Page<DrillDownRow>> {
    const period = indicatorQuery(state);
    if (target.kind === 'flow') {
      return this.api.flowPatients({ ...period, fromStage: target.fromStage, toStage: target.toStage, page, pageSize: DRILL_PAGE_SIZE });
    }
    return this.api.patients(target.indicator, {
      ...period,
      groupBy: target.groupBy,
      key: target.key,
      segment: target.segment,
      ...(target.templateId === null ? {} : { templateId: target.templateId }),
      page,
      pageSize: DRILL_PAGE_SIZE,
    });
  }
}
