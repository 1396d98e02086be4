import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, Router } from '@angular/router';
import {
  COMMENT_SEARCH_MAX_LENGTH,
  DEFAULT_COMMENT_THEMES,
  type CommentTheme,
  type Department,
  type Page,
  type SurveyResponseSummary,
  type ThemeTrend,
  type ThemeTrendGrouping,
  THEME_TREND_GROUPINGS,
  highlightRuns,
  isCalendarDay,
} from '@huifang/shared';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import type { ECElementEvent } from 'echarts/core';
import { NgxEchartsDirective } from 'ngx-echarts';
import { EMPTY, Subject, catchError, combineLatest, distinctUntilChanged, map, of, shareReplay, startWith, switchMap, tap } from 'rxjs';
import { CommentThemesApiService } from '../comment-themes/comment-themes-api.service';
import { Notifier } from '../core/notifier.service';
import { PeriodFieldsComponent, type PeriodEndInput } from '../core/period-fields.component';
import { departmentNameById } from '../departments/department-name';
import { DepartmentFilterComponent } from '../departments/department-filter.component';
import { DepartmentsApiService } from '../departments/departments-api.service';
import { hospitalToday } from '../hospital-settings/hospital-clock';
import { HospitalDatePipe } from '../i18n/hospital-date.pipe';
import { LanguageService } from '../i18n/language.service';
import { ScoreChipComponent } from '../surveys/score-chip.component';
import { SurveysApiService } from '../surveys/surveys-api.service';
import { SURVEYS_SCOPE, provideSurveysScope } from '../surveys/surveys-scope';
import { FeedbackTabsComponent } from './feedback-tabs.component';
import { themeTrendChart } from './theme-trend-chart';
import { ThemesApiService } from './themes-api.service';
import {
  THEME_COMMENTS_PAGE_SIZE,
  type ThemesViewState,
  defaultThemesState,
  paramsFromThemesState,
  sameThemesState,
  themesStateFromParams,
  wordsToMark,
} from './themes-query';

/** SVG keeps each point a DOM node (see dashboard/echarts-setup.ts). */
const INIT_OPTS = { renderer: 'svg' as const };

/**
 * The Feedback page's Themes view (issue #13): the share of comments per theme over time with each
 * period's n, the themes of NPS detractors' comments, and the comments behind a theme or a search,
 * the words that made the theme marked. Everything it shows is kept in the URL.
 */
@Component({
  selector: 'hf-themes-page',
  imports: [
    DepartmentFilterComponent,
    FeedbackTabsComponent,
    HospitalDatePipe,
    MatButtonModule,
    MatButtonToggleModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    NgxEchartsDirective,
    PeriodFieldsComponent,
    ScoreChipComponent,
    TranslocoDirective,
  ],
  providers: [provideSurveysScope()],
  templateUrl: './themes-page.component.html',
  styleUrl: './themes-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ThemesPageComponent {
  private readonly themesApi = inject(ThemesApiService);
  private readonly surveysApi = inject(SurveysApiService);
  private readonly departmentsApi = inject(DepartmentsApiService);
  private readonly commentThemesApi = inject(CommentThemesApiService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly notifier = inject(Notifier);
  private readonly language = inject(LanguageService);
  private readonly transloco = inject(TranslocoService);

  protected readonly today = hospitalToday();
  protected readonly groupings = THEME_TREND_GROUPINGS;
  protected readonly searchMax = COMMENT_SEARCH_MAX_LENGTH;
  protected readonly initOpts = INIT_OPTS;

  protected readonly state = signal<ThemesViewState>(defaultThemesState(this.today));
  protected readonly trend = signal<ThemeTrend | null>(null);
  protected readonly trendLoading = signal(false);
  protected readonly trendFailed = signal(false);
  protected readonly comments = signal<Page<SurveyResponseSummary> | null>(null);
  protected readonly commentsLoading = signal(false);
  protected readonly departments = signal<Department[]>([]);
  /** The theme list as admins named it (GET /api/comment-themes), their own themes included. */
  private readonly themeList = signal<CommentTheme[]>([]);

  /** The UI language once the survey words are loaded (the chart's labels are translated in code). */
  private readonly wordsLang = toSignal(
    toObservable(this.language.lang).pipe(
      switchMap((lang) =>
        this.transloco.selectTranslation(`${SURVEYS_SCOPE}/${lang}`).pipe(
          map(() => lang),
          catchError(() => of(lang)),
        ),
      ),
    ),
    { initialValue: null },
  );

  protected readonly chart = computed(() => {
    const trend = this.trend();
    const lang = this.wordsLang();
    if (!trend || !lang) return null;
    const t = (key: string, params: object) => this.transloco.translate(`${SURVEYS_SCOPE}.themes.${key}`, params, lang);
    return themeTrendChart(
      trend,
      (key) => this.themeName(key),
      (key, comments) => `${key}\n${t('periodN', { n: comments })}`,
      (share, n) => t('share', { share, n }),
    );
  });
  /** Whether a theme or a search asks for comments. */
  protected readonly listing = computed(() => this.state().theme !== null || this.state().q !== '');

  private readonly reloadTrend$ = new Subject<void>();

  constructor() {
    const state$ = this.route.queryParamMap.pipe(
      map((params) => themesStateFromParams(params, this.today)),
      distinctUntilChanged(sameThemesState),
      tap((state) => this.state.set(state)),
      shareReplay({ bufferSize: 1, refCount: true }),
    );
    // The trend follows the period, department and grouping only.
    const trendScope$ = state$.pipe(
      distinctUntilChanged((a, b) => a.from === b.from && a.to === b.to && a.departmentId === b.departmentId && a.groupBy === b.groupBy),
    );
    combineLatest([trendScope$, this.reloadTrend$.pipe(startWith(undefined))])
      .pipe(
        tap(() => this.trendLoading.set(true)),
        switchMap(([state]) =>
          this.themesApi.trend({ from: state.from, to: state.to, departmentId: state.departmentId ?? undefined, groupBy: state.groupBy }).pipe(
            catchError((error: unknown) => {
              this.notifier.error(error);
              this.trendFailed.set(true);
              this.trendLoading.set(false);
              return EMPTY;
            }),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((trend) => {
        this.trend.set(trend);
        this.trendFailed.set(false);
        this.trendLoading.set(false);
      });
    // The comments behind the chosen theme and search, from the feedback list.
    state$
      .pipe(
        tap((state) => this.commentsLoading.set(state.theme !== null || state.q !== '')),
        switchMap((state) => {
          if (state.theme === null && state.q === '') return of(null);
          return this.surveysApi
            .responses({
              from: state.from,
              to: state.to,
              departmentId: state.departmentId ?? undefined,
              themeId: state.theme ?? undefined,
              q: state.q || undefined,
              hasComment: true,
              pageSize: THEME_COMMENTS_PAGE_SIZE,
            })
            .pipe(
              catchError((error: unknown) => {
                this.notifier.error(error);
                return of(null);
              }),
            );
        }),
        takeUntilDestroyed(),
      )
      .subscribe((page) => {
        this.comments.set(page);
        this.commentsLoading.set(false);
      });

    this.departmentsApi
      .list()
      .pipe(takeUntilDestroyed())
      .subscribe({ next: (list) => this.departments.set(list), error: (err: unknown) => this.notifier.error(err) });

    // The built-in names from shared/ serve until (or if) the list does not load.
    this.commentThemesApi
      .list()
      .pipe(takeUntilDestroyed())
      .subscribe({ next: (list) => this.themeList.set(list), error: () => this.themeList.set([]) });
  }

  /** A theme's name in the UI language, as admins named it; the built-in name, else the key, before the list loads. */
  protected themeName(key: string): string {
    const lang = this.language.lang();
    const named = this.themeList().find((t) => t.key === key);
    if (named) return lang === 'en' ? named.nameEn : named.nameZh;
    const theme = DEFAULT_COMMENT_THEMES.find((t) => t.key === key);
    return theme ? theme.name[lang] : key;
  }

  protected departmentLabel(response: SurveyResponseSummary): string {
    return departmentNameById(this.departments(), response.departmentId, this.language.lang(), response.departmentName);
  }

  /** The comment cut into runs, the chosen theme's words and the searched words marked. */
  protected runs(response: SurveyResponseSummary): { text: string; highlighted: boolean }[] {
    return highlightRuns(response.comment ?? '', wordsToMark(response.themes, this.state().theme, this.state().q));
  }

  protected setPeriodEnd(end: 'from' | 'to', input: PeriodEndInput): void {
    const value = input.value;
    if (!isCalendarDay(value) || this.state()[end] === value) {
      input.value = this.state()[end];
      return;
    }
    const next = { ...this.state(), [end]: value };
    if (next.from > next.to) {
      if (end === 'from') next.to = value;
      else next.from = value;
    }
    this.navigate(next);
  }

  protected setDepartment(departmentId: number | null): void {
    this.navigate({ ...this.state(), departmentId });
  }

  protected setGrouping(groupBy: ThemeTrendGrouping): void {
    this.navigate({ ...this.state(), groupBy });
  }

  protected chooseTheme(theme: string | null): void {
    this.navigate({ ...this.state(), theme });
  }

  protected search(q: string): void {
    this.navigate({ ...this.state(), q: q.trim() });
  }

  protected retry(): void {
    this.reloadTrend$.next();
  }

  protected onChartClick(event: ECElementEvent): void {
    const theme = this.chart()?.seriesThemes[event.seriesIndex ?? -1];
    if (theme) this.chooseTheme(theme);
  }

  private navigate(state: ThemesViewState): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: paramsFromThemesState(state, this.today) });
  }
}
