import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { type PageEvent, MatPaginatorModule } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSortModule, type Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  type Department,
  LIFECYCLE_STAGES,
  PATIENT_SORT_KEYS,
  type Page,
  type Patient,
  type PatientSummary,
  RELATIONSHIP_PHASES,
  RELATIONSHIP_STATUSES,
  VALUE_TIERS,
} from '@huifang/shared';
import { TranslocoDirective } from '@jsverse/transloco';
import {
  Subject,
  catchError,
  combineLatest,
  debounceTime,
  distinctUntilChanged,
  map,
  of,
  startWith,
  switchMap,
  tap,
} from 'rxjs';
import { matSortState, sortFromMatSort } from '../core/list-sort';
import { Notifier } from '../core/notifier.service';
import { DepartmentFilterComponent } from '../departments/department-filter.component';
import { DepartmentsApiService } from '../departments/departments-api.service';
import { HospitalDatePipe } from '../i18n/hospital-date.pipe';
import { LanguageService } from '../i18n/language.service';
import { openCheckIn } from '../encounters/check-in-dialog.component';
import { PhaseBadgeComponent } from '../relationship/phase-badge.component';
import { ValueTierBadgeComponent } from '../relationship/value-tier-badge.component';
import { PatientFormDialogComponent } from './patient-form-dialog.component';
import {
  EMPTY_LIST_STATE,
  PAGE_SIZE_OPTIONS,
  type PatientListState,
  listStateFromParams,
  paramsFromListState,
  queryFromListState,
  sameListState,
} from './patient-list-query';
import { PatientsApiService } from './patients-api.service';
import { PatientsTabsComponent } from './patients-tabs.component';
import { StageBadgeComponent } from './stage-badge.component';
import { StatusBadgeComponent } from './status-badge.component';

type LoadResult = { page: Page<PatientSummary> } | { error: unknown };

/** Find patients (name or phone digits, stage, status, relationship phase, value tier, department); filters and page live in the URL. */
@Component({
  selector: 'hf-patients-page',
  imports: [
    DepartmentFilterComponent,
    HospitalDatePipe,
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSelectModule,
    MatSortModule,
    MatTableModule,
    TranslocoDirective,
    PatientsTabsComponent,
    PhaseBadgeComponent,
    StageBadgeComponent,
    StatusBadgeComponent,
    ValueTierBadgeComponent,
  ],
  templateUrl: './patients-page.component.html',
  styleUrl: './patients-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PatientsPageComponent {
  private readonly api = inject(PatientsApiService);
  private readonly departmentsApi = inject(DepartmentsApiService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly language = inject(LanguageService);

  protected readonly stages = LIFECYCLE_STAGES;
  protected readonly statuses = RELATIONSHIP_STATUSES;
  protected readonly phases = RELATIONSHIP_PHASES;
  protected readonly valueTiers = VALUE_TIERS;
  protected readonly pageSizeOptions = PAGE_SIZE_OPTIONS;
  protected readonly columns = ['name', 'phone', 'genderAge', 'stage', 'status', 'phase', 'valueScore', 'lastVisitOn', 'nextVisitDue'];

  protected readonly state = signal<PatientListState>(EMPTY_LIST_STATE);
  protected readonly result = signal<Page<PatientSummary> | null>(null);
  protected readonly loading = signal(false);
  protected readonly loadFailed = signal(false);
  protected readonly departments = signal<Department[]>([]);
  protected readonly hasFilters = computed(() => {
    const s = this.state();
    return !!s.q || !!s.stage || !!s.status || !!s.phase || !!s.valueTier || s.departmentId !== null;
  });

  protected readonly sort = computed(() => matSortState(this.state().sort, PATIENT_SORT_KEYS));

  protected readonly search = new FormControl('', { nonNullable: true });
  private readonly reload$ = new Subject<void>();

  constructor() {
    const state$ = this.route.queryParamMap.pipe(map(listStateFromParams), distinctUntilChanged(sameListState));
    combineLatest([state$, this.reload$.pipe(startWith(undefined))])
      .pipe(
        tap(([state]) => {
          this.state.set(state);
          if (this.search.value.trim() !== state.q) {
            this.search.setValue(state.q, { emitEvent: false });
          }
          this.loading.set(true);
        }),
        switchMap(([state]) =>
          this.api.search(queryFromListState(state)).pipe(
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

    this.search.valueChanges.pipe(debounceTime(300), takeUntilDestroyed()).subscribe((text) => {
      const q = text.trim();
      if (q !== this.state().q) {
        // Typing replaces the history entry instead of adding one per word.
        this.navigate({ ...this.state(), q, page: 1 }, true);
      }
    });

    this.departmentsApi
      .list()
      .pipe(takeUntilDestroyed())
      .subscribe({
        next: (list) => this.departments.set(list),
        error: (err: unknown) => this.notifier.error(err),
      });
  }

  protected retry(): void {
    this.reload$.next();
  }

  protected setFilter(changes: Partial<Pick<PatientListState, 'stage' | 'status' | 'phase' | 'valueTier' | 'departmentId'>>): void {
    this.navigate({ ...this.state(), ...changes, page: 1 });
  }

  protected clearFilters(): void {
    this.search.setValue('', { emitEvent: false });
    this.navigate({ ...EMPTY_LIST_STATE, pageSize: this.state().pageSize });
  }

  /** Sorting is the server's (the whole list, not the page shown); back to page 1. */
  protected sortBy(event: Sort): void {
    this.navigate({ ...this.state(), sort: sortFromMatSort(event, PATIENT_SORT_KEYS), page: 1 });
  }

  protected changePage(event: PageEvent): void {
    const pageSizeChanged = event.pageSize !== this.state().pageSize;
    const page = pageSizeChanged ? 1 : event.pageIndex + 1;
    this.navigate({ ...this.state(), page, pageSize: event.pageSize });
  }

  protected open(patient: PatientSummary): void {
    void this.router.navigate(['/patients', patient.id]);
  }

  /** Check-in from the list: search the patient, pick the department, done. */
  protected checkIn(): void {
    openCheckIn(this.dialog, this.notifier).subscribe();
  }

  /** Enter in the search box opens the patient when the typed text finds exactly one (with the filters). */
  protected openSingleHit(): void {
    const q = this.search.value.trim();
    if (!q) return;
    const shown = this.result();
    if (q === this.state().q && shown && !this.loading()) {
      // The list already answers this text: no second search (searches are counted and audited).
      if (shown.total === 1) this.open(shown.items[0]);
      return;
    }
    this.api.search(queryFromListState({ ...this.state(), q, page: 1, pageSize: 2 })).subscribe({
      next: (page) => {
        if (page.total === 1) this.open(page.items[0]);
      },
      error: (err: unknown) => this.notifier.error(err),
    });
  }

  protected openRegister(): void {
    this.dialog
      .open<PatientFormDialogComponent, undefined, Patient>(PatientFormDialogComponent, {
        width: '640px',
        maxWidth: '95vw',
      })
      .afterClosed()
      .subscribe((created) => {
        if (created) {
          this.notifier.success('patients.registered', { name: created.name });
          void this.router.navigate(['/patients', created.id]);
        }
      });
  }

  private navigate(state: PatientListState, replaceUrl = false): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: paramsFromListState(state),
      replaceUrl,
    });
  }
}
