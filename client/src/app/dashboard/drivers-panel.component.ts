import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatCardModule } from '@angular/material/card';
import { Router } from '@angular/router';
import type { DriversAnswer } from '@huifang/shared';
import { TranslocoDirective } from '@jsverse/transloco';
import { Subject } from 'rxjs';
import { type LoadResult, loadEach, loadFailed, loadedValue, withReload } from '../core/load-result';
import type { ChartContext } from './chart-model';
import { type DashboardState, indicatorQuery } from './dashboard-state';
import { type ResponsesCell, keyDriverChart, themeDifferenceChart, waitBandChart } from './drivers-charts';
import { IndicatorChartComponent } from './indicator-chart.component';
import { IndicatorsApiService } from './indicators-api.service';

/**
 * Drivers of dissatisfaction for the dashboard's period and department: themes over-represented
 * among detractors, the key-driver quadrant, satisfaction by wait band. A bar or a table row opens
 * the Feedback responses behind it (same period and department, the cell's filters).
 */
@Component({
  selector: 'hf-drivers-panel',
  imports: [IndicatorChartComponent, MatCardModule, TranslocoDirective],
  template: `
    <mat-card appearance="outlined" *transloco="let t" data-testid="panel-drivers">
      <mat-card-header>
        <mat-card-title>{{ t('dashboard.panels.drivers') }}</mat-card-title>
        <mat-card-subtitle>{{ t('dashboard.drivers.hint') }}</mat-card-subtitle>
      </mat-card-header>
      <mat-card-content class="drivers">
        <section>
          <h3 class="sub-title">{{ t('dashboard.drivers.themesTitle') }}</h3>
          <p class="note">{{ t('dashboard.drivers.themesNote') }}</p>
          <hf-indicator-chart
            data-testid="chart-drivers-themes"
            [model]="themes()"
            [loading]="loading()"
            [failed]="failed()"
            [label]="t('dashboard.drivers.themesTitle')"
            (drill)="openResponses($event)"
            (retry)="reload$.next()"
          />
        </section>
        <section>
          <h3 class="sub-title">{{ t('dashboard.drivers.quadrantTitle') }}</h3>
          <p class="note">{{ t('dashboard.drivers.quadrantNote') }}</p>
          <hf-indicator-chart
            data-testid="chart-drivers-quadrant"
            [model]="quadrant()"
            [loading]="loading()"
            [failed]="failed()"
            [label]="t('dashboard.drivers.quadrantTitle')"
            (retry)="reload$.next()"
          />
        </section>
        <section>
          <h3 class="sub-title">{{ t('dashboard.drivers.waitTitle') }}</h3>
          <p class="note">{{ t('dashboard.drivers.waitNote') }}</p>
          <hf-indicator-chart
            data-testid="chart-drivers-wait"
            [model]="waits()"
            [loading]="loading()"
            [failed]="failed()"
            [label]="t('dashboard.drivers.waitTitle')"
            (drill)="openResponses($event)"
            (retry)="reload$.next()"
          />
        </section>
      </mat-card-content>
    </mat-card>
  `,
  styles: `
    .drivers { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 16px; --hf-chart-height: 300px; }
    .sub-title { font: var(--mat-sys-title-small); margin: 8px 0 0; }
    .note { font: var(--mat-sys-body-small); color: rgba(0, 0, 0, 0.6); margin: 2px 0 4px; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DriversPanelComponent {
  private readonly api = inject(IndicatorsApiService);
  private readonly router = inject(Router);

  readonly state = input.required<DashboardState>();
  /** Null until the dashboard's words are loaded in the UI language. */
  readonly context = input<ChartContext | null>(null);

  protected readonly reload$ = new Subject<void>();
  private readonly loaded = signal<LoadResult<DriversAnswer> | null>(null);
  protected readonly loading = signal(false);
  protected readonly failed = computed(() => loadFailed(this.loaded()));

  private readonly drawn = <M>(draw: (answer: DriversAnswer, context: ChartContext) => M) =>
    computed(() => {
      const answer = loadedValue(this.loaded());
      const context = this.context();
      return answer && context ? draw(answer, context) : null;
    });
  protected readonly themes = this.drawn(themeDifferenceChart);
  protected readonly quadrant = this.drawn(keyDriverChart);
  protected readonly waits = this.drawn(waitBandChart);

  constructor() {
    loadEach(withReload(toObservable(this.state), this.reload$), (state) => this.api.drivers(indicatorQuery(state)), {
      loading: this.loading,
      result: this.loaded,
    })
      .pipe(takeUntilDestroyed())
      .subscribe();
  }

  /** The Feedback responses behind a cell, for the period and department shown. */
  protected openResponses(cell: ResponsesCell): void {
    const state = this.state();
    void this.router.navigate(['/feedback-responses'], {
      queryParams: { from: state.from, to: state.to, departmentId: state.departmentId, ...cell.filter },
    });
  }
}
