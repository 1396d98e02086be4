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
import { drillIndicator } from '../improvement/indicator-family';
import { type DashboardState, indicatorQuery } from './dashboard-state';
import { saveFile } from './csv-download';
import { type DrillTarget, drillCsvFileName, drillFilter, drillTitle } from './drill-down';
import { IndicatorsApiService } from './indicators-api.service';

export const DRILL_PAGE_SIZE = 20;

/**
 * The patients behind one figure: the rows the API counted for a chart element (phones masked),
 * page by page. The server records every drill-down in the audit log.
 */
@Component({
  selector: 'hf-drill-down-panel',
  imports: [MatButtonModule, MatCardModule, MatPaginatorModule, MatProgressBarModule, MatSortModule, MatTableModule, RouterLink, TranslocoDirective],
  templateUrl: './drill-down-panel.component.html',
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
  /** "Act on this": a new improvement action on the figure these rows make up. */
  readonly act = output<void>();

  /** Only rows that make up an action's indicator can be acted on (not every lifecycle move can). */
  protected readonly canAct = computed(() => drillIndicator(this.target()) !== null);

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
    this.exporting.set(true);
    this.api.drillCsv(drillFilter(target, indicatorQuery(state), this.sort()), lang).subscribe({
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
    return this.api.drillRows(drillFilter(target, indicatorQuery(state), sort), { page, pageSize: DRILL_PAGE_SIZE });
  }

}
