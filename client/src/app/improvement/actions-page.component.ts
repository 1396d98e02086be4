import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  type CommentTheme,
  type Department,
  IMPROVEMENT_STATUSES,
  type ImprovementActionList,
  type ImprovementActionQuery,
  type ImprovementActionSummary,
} from '@huifang/shared';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { Subject, distinctUntilChanged, map } from 'rxjs';
import { type LoadResult, loadEach, loadFailed, loadedValue, withReload } from '../core/load-result';
import { Notifier } from '../core/notifier.service';
import { CommentThemesApiService } from '../comment-themes/comment-themes-api.service';
import { departmentNameById } from '../departments/department-name';
import { DepartmentFilterComponent } from '../departments/department-filter.component';
import { DepartmentsApiService } from '../departments/departments-api.service';
import { LanguageService } from '../i18n/language.service';
import { actionsQueryFromParams, paramsFromActionsQuery, sameActionsQuery } from './actions-query';
import { ImprovementApiService } from './improvement-api.service';
import { NEW_ACTION_LINK, actionLink } from './improvement-links';
import { provideImprovementScope } from './improvement-scope';
import { indicatorChoices, indicatorLabel, isInterim, verdictTone, verdictWords } from './indicator-words';

/**
 * The improvement actions (DOMAIN.md, PDCA): what was done about which figure, where, by whom, and
 * whether it worked, each with its verdict in words. Filters live in the URL.
 */
@Component({
  selector: 'hf-actions-page',
  imports: [
    DepartmentFilterComponent,
    MatButtonModule,
    MatFormFieldModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTableModule,
    RouterLink,
    TranslocoDirective,
  ],
  providers: [provideImprovementScope()],
  templateUrl: './actions-page.component.html',
  styles: `
    .filters { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; margin: 16px 0 8px; }
    .filters mat-form-field { width: 200px; }
    .filters .indicator { width: 260px; }
    td.nowrap { white-space: nowrap; }
  `,
  styleUrl: './improvement-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ActionsPageComponent {
  private readonly api = inject(ImprovementApiService);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly notifier = inject(Notifier);
  private readonly transloco = inject(TranslocoService);
  private readonly language = inject(LanguageService);

  protected readonly columns = ['title', 'indicator', 'department', 'owner', 'startDate', 'status', 'verdict'];
  protected readonly statuses = IMPROVEMENT_STATUSES;
  protected readonly newActionLink = NEW_ACTION_LINK;
  protected readonly actionLink = actionLink;

  protected readonly departments = toSignal(inject(DepartmentsApiService).list(), { initialValue: [] as Department[] });
  private readonly themes = toSignal(inject(CommentThemesApiService).list(), { initialValue: [] as CommentTheme[] });

  protected readonly query = toSignal(
    this.route.queryParamMap.pipe(map(actionsQueryFromParams), distinctUntilChanged(sameActionsQuery)),
    { initialValue: {} as ImprovementActionQuery },
  );
  protected readonly reload$ = new Subject<void>();
  protected readonly loading = signal(false);
  private readonly loaded = signal<LoadResult<ImprovementActionList> | null>(null);
  protected readonly failed = computed(() => loadFailed(this.loaded()));

  private readonly t = (key: string, params?: Record<string, unknown>) => this.transloco.translate(key, params);

  protected readonly indicatorGroups = computed(() => indicatorChoices(this.themes(), this.language.lang(), this.t, this.query().indicator ?? null));

  /** The rows as shown: names in the UI language, the verdict in words. */
  protected readonly rows = computed(() => {
    const lang = this.language.lang();
    const themes = this.themes();
    const departments = this.departments();
    return (loadedValue(this.loaded())?.items ?? []).map((action: ImprovementActionSummary) => ({
      action,
      indicator: indicatorLabel(action.indicator, lang, this.t, themes),
      /** null: the whole hospital (the template's words). */
      department: action.departmentId === null ? null : departmentNameById(departments, action.departmentId, lang, action.departmentName ?? ''),
      verdict: verdictWords(action),
      interim: isInterim(action),
      tone: verdictTone(action.verdict),
    }));
  });

  constructor() {
    loadEach(withReload(toObservable(this.query), this.reload$), (query) => this.api.actions(query), { loading: this.loading, result: this.loaded })
      .pipe(takeUntilDestroyed())
      .subscribe((loaded) => {
        if ('error' in loaded) this.notifier.error(loaded.error);
      });
  }

  protected filter(change: ImprovementActionQuery): void {
    const next = { ...this.query(), ...change };
    void this.router.navigate([], { relativeTo: this.route, queryParams: paramsFromActionsQuery(next) });
  }
}
