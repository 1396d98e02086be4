import { DOCUMENT, DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatCardModule } from '@angular/material/card';
import { RouterLink } from '@angular/router';
import type { Department, LiveBoard } from '@huifang/shared';
import { TranslocoDirective } from '@jsverse/transloco';
import { Subject, merge, shareReplay, startWith, switchMap } from 'rxjs';
import { pageVisibility, pollWhileVisible } from '../callbacks/visible-polling';
import { toLoadResult } from '../core/load-result';
import { IndicatorsApiService } from '../dashboard/indicators-api.service';
import { departmentNameById } from '../departments/department-name';
import { LanguageService } from '../i18n/language.service';

/** How often the board is fetched again while the tab is visible. */
export const LIVE_BOARD_REFRESH_MS = 15_000;

interface DepartmentRow {
  id: number;
  name: string;
  waiting: number;
  /** Median wait of today's called patients, in minutes; null while nobody has been called. */
  median: number | null;
  n: number;
}

/**
 * The front desk's live board: who is waiting now, the median wait so far per department and the
 * callbacks due today. Polls every 15 s while the tab is visible; a failed load keeps the last
 * figures, says so quietly and the next poll tries again.
 */
@Component({
  selector: 'hf-live-board',
  imports: [DecimalPipe, RouterLink, MatCardModule, TranslocoDirective],
  templateUrl: './live-board.component.html',
  styleUrl: './live-board.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LiveBoardComponent {
  private readonly api = inject(IndicatorsApiService);
  private readonly language = inject(LanguageService);

  /** The department list, when the host has it, for names in the UI language (else the board's own). */
  readonly departments = input<readonly Department[]>([]);

  protected readonly board = signal<LiveBoard | null>(null);
  protected readonly loadFailed = signal(false);
  private readonly refresh$ = new Subject<void>();

  protected readonly rows = computed<DepartmentRow[]>(() => {
    const lang = this.language.lang();
    const departments = this.departments();
    return (this.board()?.departments ?? []).map((d) => ({
      id: d.departmentId,
      name: departmentNameById(departments, d.departmentId, lang, d.departmentName),
      waiting: d.waiting,
      median: d.n > 0 ? d.medianWaitSoFar : null,
      n: d.n,
    }));
  });

  constructor() {
    const visible$ = pageVisibility(inject(DOCUMENT)).pipe(shareReplay({ bufferSize: 1, refCount: true }));
    merge(pollWhileVisible(LIVE_BOARD_REFRESH_MS, visible$), this.refresh$)
      .pipe(
        startWith(undefined),
        switchMap(() => toLoadResult(this.api.live())),
        takeUntilDestroyed(),
      )
      .subscribe((loaded) => {
        if ('error' in loaded) {
          this.loadFailed.set(true);
          return;
        }
        this.loadFailed.set(false);
        this.board.set(loaded.value);
      });
  }

  /** Fetch the board now (e.g. after a patient was called in), besides the regular polling. */
  refresh(): void {
    this.refresh$.next();
  }
}
