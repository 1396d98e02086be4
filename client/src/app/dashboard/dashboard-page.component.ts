import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  afterRenderEffect,
  computed,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatCardModule } from '@angular/material/card';
import { ActivatedRoute, Router } from '@angular/router';
import {
  type Department,
  type HeadlineName,
  INDICATOR_NAMES,
  type ImprovementActionSummary,
  type IndicatorKey,
  type IndicatorName,
  type IndicatorTarget,
  type IndicatorSummary,
  type LifecycleFlow,
  RELATIONSHIP_STATUSES,
  type SurveyTemplate,
  isTargetMet,
  targetFor,
} from '@huifang/shared';
import { DEFAULT_WAIT_THRESHOLD_MINUTES } from '@huifang/shared';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { Subject, catchError, distinctUntilChanged, map, of, switchMap } from 'rxjs';
import { type LoadResult, loadEach, loadFailed, loadedValue, withReload } from '../core/load-result';
import { hospitalToday } from '../hospital-settings/hospital-clock';
import { HospitalSettingsService } from '../hospital-settings/hospital-settings-api.service';
import { Notifier } from '../core/notifier.service';
import { PeriodFieldsComponent, type PeriodEndInput } from '../core/period-fields.component';
import { departmentNameById } from '../departments/department-name';
import { DepartmentFilterComponent } from '../departments/department-filter.component';
import { DepartmentsApiService } from '../departments/departments-api.service';
import { LanguageService } from '../i18n/language.service';
import { ImprovementApiService } from '../improvement/improvement-api.service';
import { HEADLINE_INDICATOR, PANEL_INDICATOR, actionPrefill, drillDepartment, drillIndicator, prefillParams } from '../improvement/indicator-family';
import { NEW_ACTION_LINK } from '../improvement/improvement-links';
import { SurveysApiService } from '../surveys/surveys-api.service';
import { templateChoices } from '../surveys/template-options';
import type { ChartContext } from './chart-model';
import { targetComparison } from './chart-marks';
import { DASHBOARD_SCOPE, provideDashboardScope } from './dashboard-scope';
import {
  DASHBOARD_PERIODS,
  type DashboardPeriod,
  type DashboardState,
  dashboardStateFromParams,
  defaultDashboardState,
  indicatorQuery,
  paramsFromDashboardState,
  sameDashboardState,
  withPeriod,
  withPeriodEnd,
} from './dashboard-state';
import type { DrillTarget } from './drill-down';
import { DrillDownPanelComponent } from './drill-down-panel.component';
import { DriversPanelComponent } from './drivers-panel.component';
import { flowChart } from './flow-chart';
import { headlineViews } from './headline';
import { IndicatorChartComponent } from './indicator-chart.component';
import { IndicatorsApiService } from './indicators-api.service';
import { SeriesPanelComponent } from './series-panel.component';

/**
 * The quality manager's dashboard: headline figures with their change against the previous period,
 * one panel per indicator, the lifecycle flow, and the patients behind any figure. Period and
 * department live in the URL so a view can be bookmarked and shared.
 */
@Component({
  selector: 'hf-dashboard-page',
  imports: [
    PeriodFieldsComponent,
    DepartmentFilterComponent,
    DrillDownPanelComponent,
    DriversPanelComponent,
    IndicatorChartComponent,
    MatButtonModule,
    MatButtonToggleModule,
    MatCardModule,
    SeriesPanelComponent,
    TranslocoDirective,
  ],
  providers: [provideDashboardScope()],
  templateUrl: './dashboard-page.component.html',
  styleUrl: './dashboard-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DashboardPageComponent {
  private readonly api = inject(IndicatorsApiService);
  private readonly departmentsApi = inject(DepartmentsApiService);
  private readonly surveysApi = inject(SurveysApiService);
  private readonly improvementApi = inject(ImprovementApiService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly notifier = inject(Notifier);
  private readonly language = inject(LanguageService);
  private readonly transloco = inject(TranslocoService);

  /** "Today" for the presets, fixed when the page opens. */
  protected readonly today = hospitalToday();
  protected readonly periods = DASHBOARD_PERIODS;
  protected readonly indicators = INDICATOR_NAMES;
  protected readonly statuses = RELATIONSHIP_STATUSES;

  protected readonly state = signal<DashboardState>(defaultDashboardState(this.today));
  protected readonly departments = signal<Department[]>([]);
  protected readonly drillTarget = signal<DrillTarget | null>(null);
  private readonly drillPanel = viewChild('drillPanel', { read: ElementRef<HTMLElement> });

  private readonly summaryLoaded = signal<LoadResult<IndicatorSummary> | null>(null);
  private readonly flowLoaded = signal<LoadResult<LifecycleFlow> | null>(null);
  protected readonly summaryLoading = signal(false);
  protected readonly flowLoading = signal(false);
  protected readonly reloadSummary$ = new Subject<void>();
  protected readonly reloadFlow$ = new Subject<void>();

  /** The UI language once the dashboard's words for it are loaded (charts are drawn in TypeScript). */
  private readonly wordsLang = toSignal(
    toObservable(this.language.lang).pipe(
      switchMap((lang) =>
        this.transloco.selectTranslation(`${DASHBOARD_SCOPE}/${lang}`).pipe(
          map(() => lang),
          catchError(() => of(lang)),
        ),
      ),
    ),
    { initialValue: null },
  );

  private readonly hospitalSettings = inject(HospitalSettingsService).settings;
  /** The hospital's wait threshold, which "over threshold" figures count against (settings). */
  protected readonly waitThreshold = computed(() => this.hospitalSettings()?.waitThresholdMinutes ?? DEFAULT_WAIT_THRESHOLD_MINUTES);

  protected readonly context = computed((): ChartContext | null => {
    const lang = this.wordsLang();
    if (!lang) return null;
    const departments = this.departments();
    return {
      lang,
      t: (key, params) => this.transloco.translate(key, params, lang),
      departmentNameOf: (id) => departmentNameById(departments, id, lang, `#${id}`),
      waitThresholdMinutes: this.waitThreshold(),
    };
  });


  /** Improvement actions, marked on the trends at their start dates. */
  protected readonly actions = signal<ImprovementActionSummary[]>([]);
  /** Indicator targets: lines on the trends, met or not on the headlines. */
  protected readonly targets = signal<IndicatorTarget[]>([]);

  /** Per headline that has a target for the department viewed: the target and whether the figure meets it (null: no figure). */
  protected readonly headlineTargets = computed(() => {
    const context = this.context();
    const summary = this.summary();
    const targets = this.targets();
    const views: Partial<Record<HeadlineName, { text: string; met: boolean | null }>> = {};
    if (!context || !summary) return views;
    for (const [name, indicator] of Object.entries(HEADLINE_INDICATOR) as [HeadlineName, IndicatorKey][]) {
      const target = targetFor(targets, indicator, summary.departmentId);
      if (target) views[name] = { text: targetComparison(target, context), met: isTargetMet(target, summary.headlines[name]?.value ?? null) };
    }
    return views;
  });

  private readonly templates = signal<SurveyTemplate[]>([]);
  /** Survey templates for the satisfaction panel, named in the UI language. */
  protected readonly templateOptions = computed(() => {
    return templateChoices(this.templates(), this.language.lang());
  });

  protected readonly departmentFilterName = computed(() => {
    const id = this.state().departmentId;
    return id === null ? null : departmentNameById(this.departments(), id, this.language.lang(), `#${id}`);
  });

  protected readonly summary = computed(() => loadedValue(this.summaryLoaded()));
  protected readonly summaryFailed = computed(() => loadFailed(this.summaryLoaded()));
  protected readonly headlines = computed(() => {
    const summary = this.summary();
    const context = this.context();
    return summary && context ? headlineViews(summary.headlines, context.lang, context.t) : [];
  });

  /**
   * The headlines of the period shown, whose n the trends' buckets must carry: undefined while that
   * summary is on its way, null when it failed.
   */
  protected readonly trendHeadlines = computed(() => {
    const state = this.state();
    const summary = this.summary();
    if (summary && summary.from === state.from && summary.to === state.to && summary.departmentId === state.departmentId) {
      return summary.headlines;
    }
    return this.summaryFailed() ? null : undefined;
  });

  protected readonly flowModel = computed(() => {
    const flow = loadedValue(this.flowLoaded());
    const context = this.context();
    return flow && context ? flowChart(flow, context) : null;
  });
  protected readonly flowFailed = computed(() => loadFailed(this.flowLoaded()));

  constructor() {
    const state$ = this.route.queryParamMap.pipe(
      map((params) => dashboardStateFromParams(params, this.today)),
      distinctUntilChanged(sameDashboardState),
    );
    state$.pipe(takeUntilDestroyed()).subscribe((state) => {
      this.state.set(state);
      // The rows behind a figure of another period or department would mislead: close them.
      this.drillTarget.set(null);
    });

    const shown$ = toObservable(this.state);
    loadEach(withReload(shown$, this.reloadSummary$), (state) => this.api.summary(indicatorQuery(state)), {
      loading: this.summaryLoading,
      result: this.summaryLoaded,
    })
      .pipe(takeUntilDestroyed())
      .subscribe((loaded) => {
        if ('error' in loaded) this.notifier.error(loaded.error);
      });
    loadEach(withReload(shown$, this.reloadFlow$), (state) => this.api.flow(indicatorQuery(state)), {
      loading: this.flowLoading,
      result: this.flowLoaded,
    })
      .pipe(takeUntilDestroyed())
      .subscribe();

    this.departmentsApi
      .list()
      .pipe(takeUntilDestroyed())
      .subscribe({
        next: (list) => this.departments.set(list),
        error: (err: unknown) => this.notifier.error(err),
      });

    this.surveysApi
      .templates()
      .pipe(takeUntilDestroyed())
      .subscribe({
        next: (list) => this.templates.set(list),
        error: (err: unknown) => this.notifier.error(err),
      });

    // Marks and targets are extras of the charts: a failure to load them leaves the figures as they are.
    this.improvementApi
      .actions()
      .pipe(takeUntilDestroyed())
      .subscribe({ next: (list) => this.actions.set(list.items), error: (err: unknown) => this.notifier.error(err) });
    this.improvementApi
      .targets()
      .pipe(takeUntilDestroyed())
      .subscribe({ next: (list) => this.targets.set(list), error: (err: unknown) => this.notifier.error(err) });

    // Bring the rows into view when a figure is clicked further down the page.
    afterRenderEffect(() => {
      if (this.drillTarget()) {
        this.drillPanel()?.nativeElement.scrollIntoView({ behavior: 'smooth', block: 'nearest' });
      }
    });
  }

  protected choosePeriod(period: DashboardPeriod): void {
    this.navigate(withPeriod(this.state(), period, this.today));
  }

  protected setPeriodEnd(end: 'from' | 'to', input: PeriodEndInput): void {
    const next = withPeriodEnd(this.state(), end, input.value);
    if (next) {
      this.navigate(next);
    } else {
      input.value = this.state()[end];
    }
  }

  protected chooseDepartment(departmentId: number | null): void {
    this.navigate({ ...this.state(), departmentId });
  }

  protected openDrill(target: DrillTarget): void {
    this.drillTarget.set(target);
  }

  /** "Act on this" on a panel: a new action on the panel's figure, for the department and period viewed. */
  protected actOnPanel(indicator: IndicatorName): void {
    this.openNewAction(PANEL_INDICATOR[indicator], this.state().departmentId);
  }

  /** "Act on this" on a drill-down: the figure its rows make up, for their department. */
  protected actOnDrill(target: DrillTarget): void {
    const indicator = drillIndicator(target);
    if (indicator) this.openNewAction(indicator, drillDepartment(target, this.state().departmentId));
  }

  private openNewAction(indicator: IndicatorKey, departmentId: number | null): void {
    const prefill = actionPrefill(indicator, departmentId, this.state(), this.today);
    void this.router.navigate(NEW_ACTION_LINK, { queryParams: prefillParams(prefill) });
  }

  private navigate(state: DashboardState): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: paramsFromDashboardState(state) });
  }
}
