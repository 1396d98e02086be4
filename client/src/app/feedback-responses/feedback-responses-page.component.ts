import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { type PageEvent, MatPaginatorModule } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatSortModule, type Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  type Department,
  FFT_ANSWERS,
  type FftAnswer,
  type Page,
  SURVEY_RESPONSE_SORT_KEYS,
  type SurveyResponseSummary,
  type SurveyTemplate,
} from '@huifang/shared';
import { TranslocoDirective } from '@jsverse/transloco';
import { Subject, catchError, combineLatest, distinctUntilChanged, map, of, startWith, switchMap, tap } from 'rxjs';
import { AuthService } from '../auth/auth.service';
import { canOpenPage } from '../auth/page-access';
import { hospitalToday } from '../hospital-settings/hospital-clock';
import { matSortState, sortFromMatSort } from '../core/list-sort';
import { Notifier } from '../core/notifier.service';
import { PeriodFieldsComponent, type PeriodEndInput } from '../core/period-fields.component';
import { departmentNameById } from '../departments/department-name';
import { DepartmentFilterComponent } from '../departments/department-filter.component';
import { DepartmentsApiService } from '../departments/departments-api.service';
import { HospitalDatePipe } from '../i18n/hospital-date.pipe';
import { LanguageService } from '../i18n/language.service';
import { ScoreChipComponent } from '../surveys/score-chip.component';
import { SurveysApiService } from '../surveys/surveys-api.service';
import { provideSurveysScope } from '../surveys/surveys-scope';
import { templateChoices } from '../surveys/template-options';
import { DimensionRatingsComponent } from './dimension-ratings.component';
import { type DriverChip, driverCellChips } from './driver-cell-chips';
import { hasDriverCell } from './driver-cell-params';
import { FeedbackTabsComponent } from './feedback-tabs.component';
import {
  RESPONSES_PAGE_SIZES,
  type ResponsesListState,
  defaultResponsesState,
  paramsFromResponsesState,
  queryFromResponsesState,
  responsesStateFromParams,
  sameResponsesState,
  withPeriodEnd,
} from './responses-query';

type LoadResult = { page: Page<SurveyResponseSummary> } | { error: unknown };

/**
 * Quality managers read survey responses: scores, dimension ratings and comments, filtered by period,
 * department, NPS detractors, recovery cases and comments (all kept in the URL), with the
 * service-recovery call of each response that opened one.
 */
@Component({
  selector: 'hf-feedback-responses-page',
  imports: [
    PeriodFieldsComponent,
    DepartmentFilterComponent,
    DimensionRatingsComponent,
    FeedbackTabsComponent,
    HospitalDatePipe,
    MatButtonModule,
    MatFormFieldModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSelectModule,
    MatSlideToggleModule,
    MatSortModule,
    MatTableModule,
    RouterLink,
    ScoreChipComponent,
    TranslocoDirective,
  ],
  providers: [provideSurveysScope()],
  templateUrl: './feedback-responses-page.component.html',
  styleUrl: './feedback-responses-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FeedbackResponsesPageComponent {
  private readonly api = inject(SurveysApiService);
  private readonly departmentsApi = inject(DepartmentsApiService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly notifier = inject(Notifier);
  private readonly language = inject(LanguageService);
  private readonly auth = inject(AuthService);

  /** "Today" for the default period, fixed when the page opens. */
  protected readonly today = hospitalToday();
  protected readonly pageSizeOptions = RESPONSES_PAGE_SIZES;
  protected readonly columns = ['submittedAt', 'patient', 'department', 'nps', 'csat', 'ratings', 'comment', 'followUp'];

  protected readonly state = signal<ResponsesListState>(defaultResponsesState(this.today));
  protected readonly sort = computed(() => matSortState(this.state().sort, SURVEY_RESPONSE_SORT_KEYS));
  protected readonly result = signal<Page<SurveyResponseSummary> | null>(null);
  protected readonly loading = signal(false);
  protected readonly loadFailed = signal(false);
  protected readonly departments = signal<Department[]>([]);
  /** Every template (with unpublished ones), named in the UI language. */
  protected readonly templateOptions = computed(() => {
    return templateChoices(this.templates(), this.language.lang());
  });
  private readonly templates = signal<SurveyTemplate[]>([]);
  protected readonly hasFilters = computed(() => {
    const s = this.state();
    const d = defaultResponsesState(this.today);
    return (
      s.from !== d.from ||
      s.to !== d.to ||
      s.departmentId !== null ||
      s.templateId !== null ||
      s.npsDetractorsOnly ||
      s.needsRecoveryOnly ||
      s.hasComment ||
      hasDriverCell(s.driverCell)
    );
  });
  /** The drivers cell's filters as removable chips: what each narrows to, in the UI language. */
  protected readonly driverChips = computed(() => driverCellChips(this.state().driverCell, this.language.lang()));
  /** Quality managers do not open patient pages (PAGE_ACCESS): for them the name is plain text. */
  protected readonly canOpenPatients = computed(() => {
    const role = this.auth.user()?.role;
    return role ? canOpenPage(role, 'patients') : false;
  });

  private readonly reload$ = new Subject<void>();

  constructor() {
    const state$ = this.route.queryParamMap.pipe(
      map((params) => responsesStateFromParams(params, this.today)),
      distinctUntilChanged(sameResponsesState),
    );
    combineLatest([state$, this.reload$.pipe(startWith(undefined))])
      .pipe(
        tap(([state]) => {
          this.state.set(state);
          this.loading.set(true);
        }),
        switchMap(([state]) =>
          this.api.responses(queryFromResponsesState(state)).pipe(
            map((page): LoadResult => ({ page })),
            catchError((error: unknown) => of<LoadResult>({ error })),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((outcome) => {
        this.loading.set(false);
        if ('page' in outcome) {
          this.result.set(outcome.page);
          this.loadFailed.set(false);
        } else {
          this.loadFailed.set(true);
          this.notifier.error(outcome.error);
        }
      });

    this.departmentsApi
      .list()
      .pipe(takeUntilDestroyed())
      .subscribe({
        next: (list) => this.departments.set(list),
        error: (err: unknown) => this.notifier.error(err),
      });

    this.api
      .templates()
      .pipe(takeUntilDestroyed())
      .subscribe({
        next: (list) => this.templates.set(list),
        error: (err: unknown) => this.notifier.error(err),
      });
  }

  /** The NHS FFT answer of imported feedback, as its key in FFT_ANSWERS (null without one). */
  protected fftAnswer(response: SurveyResponseSummary): FftAnswer | null {
    return response.fft === null ? null : (FFT_ANSWERS[response.fft - 1] ?? null);
  }

  protected departmentLabel(response: SurveyResponseSummary): string {
    return departmentNameById(this.departments(), response.departmentId, this.language.lang(), response.departmentName);
  }

  protected retry(): void {
    this.reload$.next();
  }

  protected setPeriodEnd(end: 'from' | 'to', input: PeriodEndInput): void {
    const next = withPeriodEnd(this.state(), end, input.value);
    if (next) {
      this.navigate(next);
    } else {
      // Cleared or invalid: show the day that still applies.
      input.value = this.state()[end];
    }
  }

  protected setFilter(changes: Partial<Pick<ResponsesListState, 'departmentId' | 'templateId' | 'npsDetractorsOnly' | 'needsRecoveryOnly' | 'hasComment'>>): void {
    this.navigate({ ...this.state(), ...changes, page: 1 });
  }

  protected removeDriverFilter(key: DriverChip['key']): void {
    const driverCell = { ...this.state().driverCell };
    delete driverCell[key];
    this.navigate({ ...this.state(), driverCell, page: 1 });
  }

  protected clearFilters(): void {
    this.navigate({ ...defaultResponsesState(this.today), pageSize: this.state().pageSize });
  }

  /** The server sorts all matching responses; back to page 1. */
  protected sortBy(event: Sort): void {
    this.navigate({ ...this.state(), sort: sortFromMatSort(event, SURVEY_RESPONSE_SORT_KEYS), page: 1 });
  }

  protected changePage(event: PageEvent): void {
    const pageSizeChanged = event.pageSize !== this.state().pageSize;
    this.navigate({ ...this.state(), page: pageSizeChanged ? 1 : event.pageIndex + 1, pageSize: event.pageSize });
  }

  private navigate(state: ResponsesListState): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: paramsFromResponsesState(state, this.today),
    });
  }
}
