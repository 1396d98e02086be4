import { ChangeDetectionStrategy, Component, computed, inject, signal, viewChild } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import type { Department, Encounter, EncounterStatus } from '@huifang/shared';
import { TranslocoDirective } from '@jsverse/transloco';
import { Subject, catchError, forkJoin, interval, map, merge, of, startWith, switchMap } from 'rxjs';
import { hospitalToday } from '../hospital-settings/hospital-clock';
import { Notifier } from '../core/notifier.service';
import { departmentNameById } from '../departments/department-name';
import { DepartmentsApiService } from '../departments/departments-api.service';
import { HospitalDatePipe } from '../i18n/hospital-date.pipe';
import { LanguageService } from '../i18n/language.service';
import { PatientsTabsComponent } from '../patients/patients-tabs.component';
import { EncountersApiService } from './encounters-api.service';
import { openCheckIn } from './check-in-dialog.component';
import { finishVisit } from './finish-visit';
import { LiveBoardComponent } from './live-board.component';
import { WaitChipComponent } from './wait-chip.component';
import { liveWaitMinutes } from './wait-time';

/** How often the lists are fetched again, and how often the waiting minutes move on. */
export const TODAY_REFRESH_MS = 15_000;
export const WAIT_TICK_MS = 30_000;

interface Row {
  encounter: Encounter;
  department: string;
  wait: number | null;
}

type Loaded = { waiting: Encounter[]; inRoom: Encounter[] } | { error: unknown };

/** The front desk's today: the live board, who is waiting (and for how long) and who is in the room. */
@Component({
  selector: 'hf-today-page',
  imports: [
    HospitalDatePipe,
    RouterLink,
    MatButtonModule,
    MatProgressBarModule,
    TranslocoDirective,
    PatientsTabsComponent,
    WaitChipComponent,
    LiveBoardComponent,
  ],
  templateUrl: './today-page.component.html',
  styleUrl: './today-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TodayPageComponent {
  private readonly api = inject(EncountersApiService);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly language = inject(LanguageService);

  protected readonly today = signal(hospitalToday());
  protected readonly now = signal(Date.now());
  protected readonly updatedAt = signal<number | null>(null);
  protected readonly loading = signal(false);
  protected readonly loadFailed = signal(false);
  private readonly waiting = signal<Encounter[]>([]);
  private readonly inRoom = signal<Encounter[]>([]);
  protected readonly departments = signal<Department[]>([]);
  private readonly busyIds = signal<ReadonlySet<number>>(new Set());
  private readonly refresh$ = new Subject<void>();
  private readonly liveBoard = viewChild(LiveBoardComponent);

  protected readonly waitingRows = computed(() => this.rows(this.waiting(), 'checkedInAt'));
  protected readonly inRoomRows = computed(() => this.rows(this.inRoom(), 'calledAt'));

  constructor() {
    merge(interval(TODAY_REFRESH_MS), this.refresh$)
      .pipe(
        startWith(undefined),
        switchMap(() => {
          const day = hospitalToday();
          this.today.set(day);
          this.loading.set(true);
          return forkJoin({ waiting: this.fetch('waiting', day), inRoom: this.fetch('in_room', day) }).pipe(
            catchError((error: unknown) => of<Loaded>({ error })),
          );
        }),
        takeUntilDestroyed(),
      )
      .subscribe((loaded) => {
        this.loading.set(false);
        this.now.set(Date.now());
        if ('error' in loaded) {
          // Keep showing the last lists; say so once rather than on every 15 s retry.
          if (!this.loadFailed()) {
            this.notifier.error(loaded.error);
          }
          this.loadFailed.set(true);
          return;
        }
        this.loadFailed.set(false);
        this.waiting.set(loaded.waiting);
        this.inRoom.set(loaded.inRoom);
        this.updatedAt.set(Date.now());
      });

    interval(WAIT_TICK_MS)
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.now.set(Date.now()));

    inject(DepartmentsApiService)
      .list()
      .pipe(takeUntilDestroyed())
      .subscribe({ next: (list) => this.departments.set(list), error: () => this.departments.set([]) });
  }

  /** The lists and the live board, now (after a call, a finish or the refresh button). */
  protected refresh(): void {
    this.refresh$.next();
    this.liveBoard()?.refresh();
  }

  protected isBusy(encounter: Encounter): boolean {
    return this.busyIds().has(encounter.id);
  }

  /** One click: the patient moves from waiting to in room. */
  protected call(encounter: Encounter): void {
    this.setBusy(encounter.id, true);
    this.api.call(encounter.id).subscribe({
      next: (called) => {
        this.setBusy(encounter.id, false);
        this.waiting.update((list) => list.filter((e) => e.id !== encounter.id));
        this.inRoom.update((list) => [...list.filter((e) => e.id !== called.id), called]);
        this.notifier.success('encounters.called', { name: encounter.patientName });
        this.refresh();
      },
      error: (err: unknown) => {
        this.setBusy(encounter.id, false);
        this.notifier.error(err);
        this.refresh();
      },
    });
  }

  /** Check-in from the board: search the patient, pick the department, done. */
  protected checkIn(): void {
    openCheckIn(this.dialog, this.notifier).subscribe((encounter) => {
      if (encounter) this.refresh();
    });
  }

  protected finish(row: Row): void {
    finishVisit(this.dialog, this.notifier, { encounter: row.encounter, departmentLabel: row.department }, this.language.lang()).subscribe(
      (finished) => {
        if (finished) {
          this.inRoom.update((list) => list.filter((e) => e.id !== finished.id));
          this.waiting.update((list) => list.filter((e) => e.id !== finished.id));
          this.refresh();
        }
      },
    );
  }

  private fetch(status: EncounterStatus, day: string) {
    return this.api
      .list({ status, from: day, to: day, pageSize: 100 })
      .pipe(map((page) => (page?.items ?? []).filter((e) => e.status === status)));
  }

  private rows(encounters: Encounter[], orderBy: 'checkedInAt' | 'calledAt'): Row[] {
    const lang = this.language.lang();
    const now = this.now();
    const departments = this.departments();
    return [...encounters]
      .sort((a, b) => Date.parse(a[orderBy] ?? a.checkedInAt) - Date.parse(b[orderBy] ?? b.checkedInAt))
      .map((encounter) => ({
        encounter,
        department: departmentNameById(departments, encounter.departmentId, lang, encounter.departmentName),
        wait: liveWaitMinutes(encounter, now),
      }));
  }

  private setBusy(id: number, busy: boolean): void {
    this.busyIds.update((ids) => {
      const next = new Set(ids);
      if (busy) {
        next.add(id);
      } else {
        next.delete(id);
      }
      return next;
    });
  }
}
