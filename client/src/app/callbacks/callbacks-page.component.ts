import { ChangeDetectionStrategy, Component, DOCUMENT, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { type PageEvent, MatPaginatorModule } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSortModule, type Sort } from '@angular/material/sort';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { MatTabsModule } from '@angular/material/tabs';
import { ActivatedRoute, type Params, Router, RouterLink } from '@angular/router';
import {
  CALLBACK_SORT_KEYS,
  CALLBACK_VIEWS,
  ERROR_CODES,
  type CallbackItem,
  type CallbackQueueCounts,
  type CallbackView,
  type ClaimedCallback,
  type Department,
  type Page,
  VALUE_TIERS,
  workableCallbackKinds, winBackReasons } from '@huifang/shared';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import {
  Subject,
  catchError,
  combineLatest,
  distinctUntilChanged,
  forkJoin,
  map,
  merge,
  of,
  shareReplay,
  startWith,
  switchMap,
  tap,
} from 'rxjs';
import { AuthService } from '../auth/auth.service';
import { canOpenPage } from '../auth/page-access';
import { matSortState, sortFromMatSort } from '../core/list-sort';
import { Notifier } from '../core/notifier.service';
import { departmentNameById } from '../departments/department-name';
import { DepartmentFilterComponent } from '../departments/department-filter.component';
import { DepartmentsApiService } from '../departments/departments-api.service';
import { formatHospitalDate } from '../i18n/hospital-date';
import { HospitalDatePipe } from '../i18n/hospital-date.pipe';
import { LanguageService } from '../i18n/language.service';
import { ValueTierBadgeComponent } from '../relationship/value-tier-badge.component';
import { CALL_PANEL_CONFIG, CallPanelComponent, type CallPanelData } from './call-panel.component';
import { type CallPanelResult, resultMessage } from './call-result';
import { CallbacksApiService } from './callbacks-api.service';
import { RecoveryReasonComponent } from './recovery-reason.component';
import { provideCallbacksScope } from './callbacks-scope';
import { claimHolderName, isNoConsentRefusal } from './claim-conflict';
import {
  DEFAULT_QUEUE_STATE,
  QUEUE_PAGE_SIZE_OPTIONS,
  type QueueState,
  countsQuery,
  listQuery,
  paramsFromQueueState,
  queueStateFromParams,
  sameQueueState,
} from './queue-query';
import { type QueueRow, toQueueRow } from './queue-row';
import { QUEUE_POLL_MS, pageVisibility, pollWhileVisible } from './visible-polling';

type Loaded = { page: Page<CallbackItem>; counts: CallbackQueueCounts } | { error: unknown };

/**
 * The callback queue: overdue, today and upcoming calls by priority then due time (or by the
 * patient's value), filtered by kind, value tier and department (all in the URL). Fetched again every 5 s while the tab is visible, so a colleague's
 * claim shows within seconds. Claiming opens the call panel.
 */
@Component({
  selector: 'hf-callbacks-page',
  imports: [
    DepartmentFilterComponent,
    HospitalDatePipe,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSelectModule,
    MatSortModule,
    MatTableModule,
    MatTabsModule,
    RecoveryReasonComponent,
    TranslocoDirective,
    ValueTierBadgeComponent,
  ],
  providers: [provideCallbacksScope()],
  templateUrl: './callbacks-page.component.html',
  styleUrl: './callbacks-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CallbacksPageComponent {
  /** A win-back call's reason as the decline's reasons (shared/), worded by the template. */
  protected readonly winBackCodes = winBackReasons;
  private readonly api = inject(CallbacksApiService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly language = inject(LanguageService);
  private readonly auth = inject(AuthService);

  protected readonly views = CALLBACK_VIEWS;
  /** The kinds this role works: a quality manager's queue is service recovery only (no kind filter then). */
  protected readonly kinds = workableCallbackKinds(this.auth.user()?.role ?? 'front_desk');
  protected readonly pageSizeOptions = QUEUE_PAGE_SIZE_OPTIONS;
  protected readonly valueTiers = VALUE_TIERS;
  protected readonly columns = ['priority', 'patient', 'value', 'kind', 'due', 'attempts', 'action'];
  protected readonly sort = computed(() => matSortState(this.state().sort, CALLBACK_SORT_KEYS));

  protected readonly state = signal<QueueState>(DEFAULT_QUEUE_STATE);
  protected readonly result = signal<Page<CallbackItem> | null>(null);
  protected readonly counts = signal<CallbackQueueCounts | null>(null);
  /** A new view or filter is loading (the 5 s refreshes happen quietly). */
  protected readonly loading = signal(false);
  protected readonly loadFailed = signal(false);
  protected readonly updatedAt = signal<number | null>(null);
  protected readonly visible = signal(true);
  /** The callback whose claim is on its way, if any. */
  protected readonly claimingId = signal<number | null>(null);
  private readonly now = signal(Date.now());
  protected readonly departments = signal<Department[]>([]);
  private readonly refresh$ = new Subject<void>();

  protected readonly canOpenPatients = computed(() => {
    const user = this.auth.user();
    return !!user && canOpenPage(user.role, 'patients');
  });
  protected readonly rows = computed<QueueRow[]>(() => {
    const userId = this.auth.user()?.id ?? null;
    const now = this.now();
    return (this.result()?.items ?? []).map((item) => toQueueRow(item, userId, now));
  });
  protected readonly hasFilters = computed(() => {
    const s = this.state();
    return s.kind !== null || s.valueTier !== null || s.departmentId !== null;
  });

  constructor() {
    const state$ = this.route.queryParamMap.pipe(
      map((params) => queueStateFromParams(params, this.kinds)),
      distinctUntilChanged(sameQueueState),
    );
    const visible$ = pageVisibility(inject(DOCUMENT)).pipe(shareReplay({ bufferSize: 1, refCount: true }));
    visible$.pipe(takeUntilDestroyed()).subscribe((visible) => this.visible.set(visible));
    const ticks$ = merge(pollWhileVisible(QUEUE_POLL_MS, visible$), this.refresh$).pipe(startWith(undefined));

    combineLatest([state$, ticks$])
      .pipe(
        tap(([state]) => {
          if (!sameQueueState(state, this.state()) || this.result() === null) {
            this.state.set(state);
            this.result.set(null);
            this.loading.set(true);
          }
        }),
        switchMap(([state]) =>
          forkJoin({ page: this.api.list(listQuery(state)), counts: this.api.counts(countsQuery(state)) }).pipe(
            catchError((error: unknown) => of<Loaded>({ error })),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((loaded) => this.apply(loaded));

    inject(DepartmentsApiService)
      .list()
      .pipe(takeUntilDestroyed())
      .subscribe({ next: (list) => this.departments.set(list), error: () => this.departments.set([]) });
  }

  protected refresh(): void {
    this.refresh$.next();
  }

  /** The query params of a tab: the same filters, first page. */
  protected viewParams(view: CallbackView): Params {
    return paramsFromQueueState({ ...this.state(), view, page: 1 });
  }

  protected setFilter(changes: Partial<Pick<QueueState, 'kind' | 'valueTier' | 'departmentId'>>): void {
    this.navigate({ ...this.state(), ...changes, page: 1 });
  }

  protected clearFilters(): void {
    this.navigate({ ...this.state(), kind: null, valueTier: null, departmentId: null, page: 1 });
  }

  /** The server sorts the whole queue view; back to page 1. */
  protected sortBy(event: Sort): void {
    this.navigate({ ...this.state(), sort: sortFromMatSort(event, CALLBACK_SORT_KEYS), page: 1 });
  }

  protected changePage(event: PageEvent): void {
    const page = event.pageSize !== this.state().pageSize ? 1 : event.pageIndex + 1;
    this.navigate({ ...this.state(), page, pageSize: event.pageSize });
  }

  protected departmentLabel(item: CallbackItem): string {
    return departmentNameById(this.departments(), item.departmentId, this.language.lang(), item.departmentName ?? '');
  }

  protected trackRow(_: number, row: QueueRow): number {
    return row.item.id;
  }

  /** Claims the call and opens the panel; a colleague's claim (409) is named in a snackbar. */
  protected claim(row: QueueRow): void {
    if (!row.canClaim || this.claimingId() !== null) {
      return;
    }
    const item = row.item;
    this.claimingId.set(item.id);
    this.api.claim(item.id).subscribe({
      next: (claimed) => {
        this.claimingId.set(null);
        this.openPanel(claimed);
        this.refresh();
      },
      error: (err: unknown) => {
        this.claimingId.set(null);
        const name = claimHolderName(err);
        if (isNoConsentRefusal(err)) {
          this.snackBar.open(
            this.transloco.translate(`errorCodes.${ERROR_CODES.callbackNoConsent}`),
            this.transloco.translate('common.close'),
            { duration: 8000, panelClass: 'hf-snack-error', politeness: 'assertive' },
          );
        } else if (name) {
          this.snackBar.open(
            this.transloco.translate('callbacks.queue.claimTaken', { name }),
            this.transloco.translate('common.close'),
            { duration: 6000, panelClass: 'hf-snack-error', politeness: 'assertive' },
          );
        } else {
          this.notifier.error(err);
        }
        this.refresh();
      },
    });
  }

  private openPanel(callback: ClaimedCallback): void {
    this.dialog
      .open<CallPanelComponent, CallPanelData, CallPanelResult>(CallPanelComponent, {
        ...CALL_PANEL_CONFIG,
        data: { callback, departmentLabel: this.departmentLabel(callback), canOpenPatient: this.canOpenPatients() },
      })
      .afterClosed()
      .subscribe((result) => {
        if (result) {
          this.announce(result);
        }
        this.refresh();
      });
  }

  private announce(result: CallPanelResult): void {
    const { key, showsDue } = resultMessage(result);
    const due = showsDue ? formatHospitalDate(result.item.dueAt, 'dateTime', this.language.lang()) : '';
    this.notifier.success(key, { name: result.item.patientName, due });
  }

  private apply(loaded: Loaded): void {
    this.loading.set(false);
    this.now.set(Date.now());
    if ('error' in loaded) {
      // Keep showing the last list; say so once rather than every 5 s.
      if (!this.loadFailed()) {
        this.notifier.error(loaded.error);
      }
      this.loadFailed.set(true);
      return;
    }
    this.loadFailed.set(false);
    this.result.set(loaded.page);
    this.counts.set(loaded.counts);
    this.updatedAt.set(Date.now());
    const { page, pageSize, total, items } = loaded.page;
    if (items.length === 0 && page > 1 && total > 0) {
      // The last rows of the last page were done: go to the page that still has some.
      this.navigate({ ...this.state(), page: Math.ceil(total / pageSize) }, true);
    }
  }

  private navigate(state: QueueState, replaceUrl = false): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: paramsFromQueueState(state), replaceUrl });
  }
}
