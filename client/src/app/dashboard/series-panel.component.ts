import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, output, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import {
  type Headline,
  type ImprovementActionSummary,
  type IndicatorTarget,
  type HeadlineName,
  type IndicatorName,
  type IndicatorQuery,
  type IndicatorSeries,
  TREND_GROUPINGS,
  type TrendGrouping,
  finestTrendGrouping,
} from '@huifang/shared';
import { TranslocoDirective } from '@jsverse/transloco';
import { Subject, filter } from 'rxjs';
import { PANEL_TARGET_INDICATORS, actionsForChart } from '../improvement/indicator-family';
import { actionLink } from '../improvement/improvement-links';
import { type LoadResult, loadEach, loadFailed, loadedValue, withReload } from '../core/load-result';
import { Notifier } from '../core/notifier.service';
import { IndicatorsApiService } from './indicators-api.service';
import type { ChartContext, ChartModel } from './chart-model';
import { MARK_COLORS, targetMarks, withMarks } from './chart-marks';
import { churnChart, followUpChart } from './churn-charts';
import { csvFileName, saveFile } from './csv-download';
import { type DashboardState, TREND_SAMPLE_HEADLINE, indicatorQuery, indicatorTrendGrouping } from './dashboard-state';
import type { DrillTarget } from './drill-down';
import { IndicatorChartComponent } from './indicator-chart.component';
import { OutreachRatesComponent } from './outreach-rates.component';
import { dimensionChart, satisfactionChart } from './satisfaction-charts';
import { waitChart } from './wait-charts';

export type PanelGrouping = 'trend' | 'department';

/** How each indicator is drawn; satisfaction also gets its dimensions as a second chart. */
const CHARTS: { [N in IndicatorName]: (series: IndicatorSeries<N>, context: ChartContext) => ChartModel } = {
  'wait-time': waitChart,
  satisfaction: satisfactionChart,
  churn: churnChart,
  'follow-up': followUpChart,
};

/**
 * One indicator of the dashboard: its series over time or by department for the dashboard's period
 * and department, the CSV of exactly what is shown, and drill-down on click.
 */
@Component({
  selector: 'hf-series-panel',
  imports: [
    IndicatorChartComponent,
    MatButtonModule,
    MatButtonToggleModule,
    MatCardModule,
    MatFormFieldModule,
    MatSelectModule,
    OutreachRatesComponent,
    RouterLink,
    TranslocoDirective,
  ],
  template: `
    <mat-card appearance="outlined" *transloco="let t" [attr.data-testid]="'panel-' + indicator()">
      <mat-card-header>
        <mat-card-title>{{ t('dashboard.panels.' + indicator()) }}</mat-card-title>
        <div class="actions">
          @if (templates().length > 0) {
            <mat-form-field appearance="outline" subscriptSizing="dynamic" class="template">
              <mat-label>{{ t('dashboard.template') }}</mat-label>
              <mat-select
                [value]="templateId()"
                [attr.data-testid]="'template-' + indicator()"
                (selectionChange)="templateId.set($event.value)"
              >
                <mat-option [value]="null">{{ t('dashboard.allTemplates') }}</mat-option>
                @for (template of templates(); track template.id) {
                  <mat-option [value]="template.id" [attr.data-testid]="'template-option-' + template.id">{{ template.label }}</mat-option>
                }
              </mat-select>
            </mat-form-field>
          }
          @if (grouping() === 'trend' && trendOptions().length > 1) {
            <mat-form-field appearance="outline" subscriptSizing="dynamic" class="buckets">
              <mat-label>{{ t('dashboard.grouping.buckets') }}</mat-label>
              <mat-select
                [value]="trendGrouping()"
                [attr.data-testid]="'buckets-' + indicator()"
                (selectionChange)="chosenTrend.set($event.value)"
              >
                @for (option of trendOptions(); track option) {
                  <mat-option [value]="option" [attr.data-testid]="'buckets-option-' + option">{{ t('dashboard.grouping.' + option) }}</mat-option>
                }
              </mat-select>
            </mat-form-field>
          }
          <mat-button-toggle-group
            hideSingleSelectionIndicator
            [attr.aria-label]="t('dashboard.grouping.label')"
            [value]="grouping()"
            (change)="grouping.set($event.value)"
          >
            <mat-button-toggle value="trend" [attr.data-testid]="'grouping-trend-' + indicator()">
              {{ t('dashboard.grouping.trend') }}
            </mat-button-toggle>
            <mat-button-toggle value="department" [attr.data-testid]="'grouping-department-' + indicator()">
              {{ t('dashboard.grouping.department') }}
            </mat-button-toggle>
          </mat-button-toggle-group>
          <button
            mat-stroked-button
            type="button"
            [disabled]="exporting() || model() === null"
            [attr.data-testid]="'csv-' + indicator()"
            (click)="exportCsv()"
          >
            {{ t('dashboard.actions.csv') }}
          </button>
          <button mat-stroked-button type="button" [attr.data-testid]="'act-' + indicator()" (click)="act.emit()">
            {{ t('dashboard.act.button') }}
          </button>
        </div>
      </mat-card-header>
      <mat-card-content>
        <hf-indicator-chart
          [attr.data-testid]="'chart-' + indicator()"
          [model]="model()"
          [loading]="loading()"
          [failed]="failed()"
          [label]="t('dashboard.panels.' + indicator())"
          (drill)="drill.emit($event)"
          (retry)="reload$.next()"
        />
        @if (marked().length > 0) {
          <ul class="marked" [attr.aria-label]="t('dashboard.act.marked')" [attr.data-testid]="'marked-actions-' + indicator()">
            @for (action of marked(); track action.id) {
              <li>
                <span class="flag" aria-hidden="true" [style.color]="markColor">⚑</span>
                <a [routerLink]="actionLink(action.id)" [attr.data-testid]="'marked-action-' + action.id">{{ action.startDate }} · {{ action.title }}</a>
              </li>
            }
          </ul>
        }
        @if (dimensions(); as dimensionModel) {
          <h3 class="sub-title">{{ t('dashboard.panels.dimensions') }}</h3>
          <hf-indicator-chart
            data-testid="chart-dimensions"
            [model]="dimensionModel"
            [label]="t('dashboard.panels.dimensions')"
          />
        }
        @if (indicator() === 'follow-up') {
          <hf-outreach-rates [state]="state()" [context]="context()" />
        }
      </mat-card-content>
    </mat-card>
  `,
  styles: `
    mat-card-header { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 8px; }
    .actions { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; margin-left: auto; }
    .sub-title { font: var(--mat-sys-title-small); margin: 16px 0 4px; }
    .template { width: 180px; }
    .buckets { width: 112px; }
    mat-card-content { --hf-chart-height: 280px; }
    .marked { list-style: none; margin: 4px 0 0; padding: 0; font-size: 13px; display: flex; flex-wrap: wrap; gap: 4px 16px; }
    .flag { margin-right: 4px; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SeriesPanelComponent {
  private readonly api = inject(IndicatorsApiService);
  private readonly notifier = inject(Notifier);
  private readonly document = inject(DOCUMENT);

  readonly indicator = input.required<IndicatorName>();
  readonly state = input.required<DashboardState>();
  /** Null until the dashboard's words are loaded in the UI language. */
  readonly context = input<ChartContext | null>(null);
  /** Survey templates to narrow the chart to (satisfaction only; none: no template choice). */
  readonly templates = input<readonly { id: number; label: string }[]>([]);
  /**
   * The period's headlines, for the n the trend's buckets must carry: undefined while the summary
   * of this period is on its way (the trend waits for it), null when it failed (finest buckets).
   */
  readonly headlines = input<Record<HeadlineName, Headline> | null | undefined>(undefined);

  /** Improvement actions (all loaded); the trend marks those of its indicators, department and period. */
  readonly actions = input<readonly ImprovementActionSummary[]>([]);
  /** Indicator targets; the trend draws those of its indicators for the department viewed. */
  readonly targets = input<readonly IndicatorTarget[]>([]);

  readonly drill = output<DrillTarget>();
  /** "Act on this": open a new improvement action on this panel's figure. */
  readonly act = output<void>();

  protected readonly markColor = MARK_COLORS.action;
  protected readonly actionLink = actionLink;

  protected readonly grouping = signal<PanelGrouping>('trend');
  protected readonly templateId = signal<number | null>(null);
  protected readonly exporting = signal(false);
  protected readonly reload$ = new Subject<void>();

  /** What the chart and its CSV show; null until the trend knows its n. */
  private readonly query = computed((): IndicatorQuery | null => {
    const state = this.state();
    const groupBy = this.grouping() === 'department' ? 'department' : this.trendGrouping();
    if (groupBy === undefined) return null;
    const query = indicatorQuery(state, groupBy);
    const templateId = this.templateId();
    return templateId === null ? query : { ...query, templateId };
  });

  /** The buckets the data can carry (undefined while the summary is on its way). */
  private readonly carriedGrouping = computed(() => {
    const indicator = this.indicator();
    const headlines = this.headlines();
    if (indicator === 'churn') return indicatorTrendGrouping(indicator, this.state(), null);
    if (headlines === undefined) return undefined;
    return indicatorTrendGrouping(indicator, this.state(), headlines ? headlines[TREND_SAMPLE_HEADLINE[indicator]].n : null);
  });

  /** The buckets a user chose for this period; a new period starts again from what its data carries. */
  protected readonly chosenTrend = linkedSignal<DashboardState, TrendGrouping | null>({ source: this.state, computation: () => null });

  /** Buckets to choose from: no finer than the period shows legibly; churn's cohorts are monthly only. */
  protected readonly trendOptions = computed((): readonly TrendGrouping[] => {
    if (this.indicator() === 'churn') return ['month'];
    const state = this.state();
    return TREND_GROUPINGS.slice(TREND_GROUPINGS.indexOf(finestTrendGrouping(state.from, state.to)));
  });

  protected readonly trendGrouping = computed(() => {
    const carried = this.carriedGrouping();
    const chosen = this.chosenTrend();
    return carried === undefined ? undefined : chosen && this.trendOptions().includes(chosen) ? chosen : carried;
  });

  private readonly loaded = signal<LoadResult<IndicatorSeries> | null>(null);
  protected readonly loading = signal(false);
  protected readonly failed = computed(() => loadFailed(this.loaded()));

  protected readonly model = computed(() => {
    const series = loadedValue(this.loaded());
    const context = this.context();
    if (!context || !series) return null;
    const draw = CHARTS[series.indicator] as (series: IndicatorSeries, context: ChartContext) => ChartModel;
    const targets = targetMarks(this.targets(), PANEL_TARGET_INDICATORS[series.indicator], series.departmentId, context);
    return withMarks(draw(series, context), series.groupBy, series.points.map((p) => p.key), this.marked(), targets);
  });

  /** The actions this trend marks (none on a chart by department: it has no time axis). */
  protected readonly marked = computed(() => {
    const series = loadedValue(this.loaded());
    if (!series || series.groupBy === 'department') return [];
    return actionsForChart(this.actions(), series.indicator, series.departmentId, series);
  });

  protected readonly dimensions = computed(() => {
    const series = loadedValue(this.loaded());
    const context = this.context();
    if (!context || series?.indicator !== 'satisfaction') return null;
    return dimensionChart(series as IndicatorSeries<'satisfaction'>, context);
  });

  constructor() {
    const query$ = toObservable(this.query).pipe(filter((query): query is IndicatorQuery => query !== null));
    loadEach(withReload(query$, this.reload$), (query) => this.api.series(this.indicator(), query), {
      loading: this.loading,
      result: this.loaded,
    })
      .pipe(takeUntilDestroyed())
      .subscribe();
  }

  protected exportCsv(): void {
    const query = this.query();
    if (!query) return;
    const name = this.indicator();
    this.exporting.set(true);
    // The server writes the file: its headers in the language the user reads.
    this.api.csv(name, query, this.context()?.lang ?? 'zh').subscribe({
      next: (blob) => {
        this.exporting.set(false);
        saveFile(this.document, blob, csvFileName(name, query.groupBy ?? 'month', query.from, query.to, query.templateId));
      },
      error: (error: unknown) => {
        this.exporting.set(false);
        this.notifier.error(error);
      },
    });
  }
}
