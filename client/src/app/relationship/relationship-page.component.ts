import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, ElementRef, afterRenderEffect, computed, inject, signal, viewChild } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, Router } from '@angular/router';
import { type Department, RELATIONSHIP_PHASES, type RelationshipIndicator, type RelationshipPhase, VALUE_TIERS, type ValueTier } from '@huifang/shared';
import { TranslocoDirective, TranslocoService, provideTranslocoScope } from '@jsverse/transloco';
import { Subject, distinctUntilChanged, map } from 'rxjs';
import { type LoadResult, loadEach, loadFailed, loadedValue, withReload } from '../core/load-result';
import { Notifier } from '../core/notifier.service';
import { type PeriodEndInput, PeriodFieldsComponent } from '../core/period-fields.component';
import { saveFile } from '../dashboard/csv-download';
import { DASHBOARD_SCOPE } from '../dashboard/dashboard-scope';
import { DASHBOARD_PERIODS, type DashboardPeriod, indicatorQuery, withPeriod, withPeriodEnd } from '../dashboard/dashboard-state';
import { formatDecimal } from '../dashboard/figure-format';
import { IndicatorChartComponent } from '../dashboard/indicator-chart.component';
import { DepartmentFilterComponent } from '../departments/department-filter.component';
import { departmentNameById } from '../departments/department-name';
import { DepartmentsApiService } from '../departments/departments-api.service';
import { hospitalToday } from '../hospital-settings/hospital-clock';
import { HospitalDatePipe } from '../i18n/hospital-date.pipe';
import { LanguageService } from '../i18n/language.service';
import { RelationshipApiService, type RelationshipQuery } from './relationship-api.service';
import type { RelationshipCell } from './relationship-cells';
import { equityChart, migrationChart } from './relationship-charts';
import { formatClv, formatPercent } from './relationship-format';
import { RelationshipPatientsComponent } from './relationship-patients.component';
import { RELATIONSHIP_SCOPE } from './relationship-scope';
import {
  type RelationshipState,
  paramsFromRelationshipState,
  relationshipStateFromParams,
  sameRelationshipState,
  shownMonth,
} from './relationship-state';
import { scopeLang } from './scope-lang';

/** One row of the phase × value-tier table. */
interface CountRow {
  phase: RelationshipPhase;
  cells: { tier: ValueTier; n: number; clv: number }[];
  n: number;
  clv: number;
}

/**
 * The relationship view (DOMAIN.md, Relationship phases and patient value; issue #14): customer
 * equity and the high-value patients in decline, the patients per phase × value tier, the monthly
 * migration between phases as a heatmap, the equity trend and the retention CLV uses; any number
 * lists the patients behind it. Period, department and month live in the URL like the dashboard's.
 */
@Component({
  selector: 'hf-relationship-page',
  imports: [
    DepartmentFilterComponent,
    HospitalDatePipe,
    IndicatorChartComponent,
    MatButtonModule,
    MatButtonToggleModule,
    MatCardModule,
    MatFormFieldModule,
    MatSelectModule,
    PeriodFieldsComponent,
    RelationshipPatientsComponent,
    TranslocoDirective,
  ],
  // The dashboard's words too: the period filter and the chart component speak them.
  providers: [provideTranslocoScope(DASHBOARD_SCOPE, RELATIONSHIP_SCOPE)],
  templateUrl: './relationship-page.component.html',
  styleUrl: './relationship-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RelationshipPageComponent {
  private readonly api = inject(RelationshipApiService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly notifier = inject(Notifier);
  private readonly language = inject(LanguageService);
  private readonly transloco = inject(TranslocoService);
  private readonly document = inject(DOCUMENT);

  /** "Today" for the presets, fixed when the page opens. */
  protected readonly today = hospitalToday();
  protected readonly periods = DASHBOARD_PERIODS;
  protected readonly phases = RELATIONSHIP_PHASES;
  protected readonly tiers = VALUE_TIERS;

  protected readonly state = signal<RelationshipState>(relationshipStateFromParams(this.route.snapshot.queryParamMap, this.today));
  protected readonly departments = signal<Department[]>([]);
  protected readonly cell = signal<RelationshipCell | null>(null);
  private readonly cellPanel = viewChild('cellPanel', { read: ElementRef<HTMLElement> });

  protected readonly loading = signal(false);
  private readonly loaded = signal<LoadResult<RelationshipIndicator> | null>(null);
  protected readonly reload$ = new Subject<void>();
  protected readonly exporting = signal(false);
  protected readonly view = computed(() => loadedValue(this.loaded()));
  protected readonly failed = computed(() => loadFailed(this.loaded()));

  /** The UI language once both scopes' words are loaded in it (the charts are drawn in TypeScript). */
  private readonly wordsLang = scopeLang(DASHBOARD_SCOPE, RELATIONSHIP_SCOPE);
  private readonly context = computed(() => {
    const lang = this.wordsLang();
    return lang ? { lang, t: (key: string, params?: Record<string, unknown>) => this.transloco.translate(key, params, lang) } : null;
  });

  protected readonly departmentName = computed(() => {
    const id = this.state().departmentId;
    return id === null ? null : departmentNameById(this.departments(), id, this.language.lang(), `#${id}`);
  });

  protected readonly months = computed(() => (this.view()?.migration ?? []).map((m) => m.month).reverse());
  protected readonly month = computed(() => shownMonth(this.state(), [...this.months()].reverse()));
  protected readonly migrationModel = computed(() => {
    const migration = this.view()?.migration.find((m) => m.month === this.month());
    const context = this.context();
    return migration && context ? migrationChart(migration, context) : null;
  });
  protected readonly equityModel = computed(() => {
    const view = this.view();
    const context = this.context();
    return view && context ? equityChart(view.equityTrend, view.clvUnit, context) : null;
  });

  protected readonly headline = computed(() => {
    const view = this.view();
    const context = this.context();
    if (!view || !context) return null;
    const { n, of, share } = view.highValueInDecline;
    return {
      equity: formatClv(view.customerEquity, view.clvUnit, context.lang, context.t),
      highValueShare: share === null ? null : formatPercent(share, context.lang, context.t),
      highValueOf: { n, of },
    };
  });

  protected readonly countRows = computed((): CountRow[] => {
    const counts = this.view()?.counts ?? [];
    return RELATIONSHIP_PHASES.map((phase) => {
      const cells = VALUE_TIERS.map((tier) => {
        const found = counts.find((c) => c.phase === phase && c.tier === tier);
        return { tier, n: found?.n ?? 0, clv: found?.clv ?? 0 };
      });
      return { phase, cells, n: sum(cells.map((c) => c.n)), clv: sum(cells.map((c) => c.clv)) };
    });
  });
  protected readonly tierTotals = computed(() =>
    VALUE_TIERS.map((tier) => ({ tier, n: sum((this.view()?.counts ?? []).filter((c) => c.tier === tier).map((c) => c.n)) })),
  );

  constructor() {
    this.route.queryParamMap
      .pipe(
        map((params) => relationshipStateFromParams(params, this.today)),
        distinctUntilChanged(sameRelationshipState),
        takeUntilDestroyed(),
      )
      .subscribe((state) => {
        const before = this.state();
        this.state.set(state);
        // The patients behind a cell of another period, department or month would mislead: close them.
        const cell = this.cell();
        if (before.departmentId !== state.departmentId || (cell?.kind === 'migration' && cell.month !== this.month())) this.cell.set(null);
      });

    // A new month only changes which matrix is drawn: no new request.
    const query = computed((): RelationshipQuery => indicatorQuery(this.state()), {
      equal: (a, b) => a.from === b.from && a.to === b.to && a.departmentId === b.departmentId,
    });
    loadEach(withReload(toObservable(query), this.reload$), (q) => this.api.view(q), { loading: this.loading, result: this.loaded })
      .pipe(takeUntilDestroyed())
      .subscribe((loaded) => {
        if ('error' in loaded) this.notifier.error(loaded.error);
      });

    inject(DepartmentsApiService)
      .list()
      .pipe(takeUntilDestroyed())
      .subscribe({ next: (list) => this.departments.set(list), error: (err: unknown) => this.notifier.error(err) });

    // Bring the patients into view when a cell further up is clicked.
    afterRenderEffect(() => {
      if (this.cell()) this.cellPanel()?.nativeElement.scrollIntoView({ behavior: 'smooth', block: 'nearest' });
    });
  }

  protected choosePeriod(period: DashboardPeriod): void {
    this.navigate({ ...this.state(), ...withPeriod(this.state(), period, this.today) });
  }

  protected setPeriodEnd(end: 'from' | 'to', input: PeriodEndInput): void {
    const next = withPeriodEnd(this.state(), end, input.value);
    if (next) this.navigate({ ...this.state(), ...next });
    else input.value = this.state()[end];
  }

  protected chooseDepartment(departmentId: number | null): void {
    this.navigate({ ...this.state(), departmentId });
  }

  protected chooseMonth(month: string): void {
    this.navigate({ ...this.state(), month });
  }

  protected open(cell: RelationshipCell): void {
    if (cell.count > 0) this.cell.set(cell);
  }

  protected openCurrent(phase: RelationshipPhase | null, tier: ValueTier | null, count: number): void {
    this.open({ kind: 'current', phase, tier, count });
  }

  /** `48.4%` of a retention rate, or null when nobody was in the phase a year ago. */
  protected rate(value: number | null): string | null {
    const context = this.context();
    return value === null || !context ? null : formatPercent(value, context.lang, context.t);
  }

  /** A CLV total in the table, whose header names the unit: whole yuan, or expected visits with one decimal. */
  protected clv(value: number): string {
    const lang = this.language.lang();
    return this.view()?.clvUnit === 'CNY' ? new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 0 }).format(value) : formatDecimal(value, lang);
  }

  /** Counts now, each month's migration and the equity trend, for the period and department shown. */
  protected exportCsv(): void {
    const state = this.state();
    this.exporting.set(true);
    this.api.csv(indicatorQuery(state)).subscribe({
      next: (blob) => {
        this.exporting.set(false);
        const department = state.departmentId === null ? '' : `-department-${state.departmentId}`;
        saveFile(this.document, blob, `relationship${department}_${state.from}_${state.to}.csv`);
      },
      error: (error: unknown) => {
        this.exporting.set(false);
        this.notifier.error(error);
      },
    });
  }

  private navigate(state: RelationshipState): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: paramsFromRelationshipState(state) });
  }
}

function sum(values: number[]): number {
  return Math.round(values.reduce((total, v) => total + v, 0) * 100) / 100;
}
