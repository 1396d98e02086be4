import { ChangeDetectionStrategy, Component, inject, output, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { PatientSummary } from '@huifang/shared';
import { TranslocoDirective } from '@jsverse/transloco';
import { type Observable, catchError, debounceTime, distinctUntilChanged, map, of, switchMap, tap } from 'rxjs';
import { type ErrorDescription, describeHttpError } from '../core/api-error';
import { PatientsApiService } from '../patients/patients-api.service';

/** How many hits the picker lists: the desk types more rather than scrolls. */
const HITS = 6;

type Hits = { items: PatientSummary[]; total: number } | { error: ErrorDescription };

/** Finds a patient by name or phone digits (the server's search rules); Enter takes a single hit. */
@Component({
  selector: 'hf-patient-picker',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, TranslocoDirective],
  template: `
    <ng-container *transloco="let t">
      <mat-form-field appearance="outline" class="search">
        <mat-label>{{ t('encounters.checkIn.findPatient') }}</mat-label>
        <input
          matInput
          type="search"
          autocomplete="off"
          [formControl]="query"
          [placeholder]="t('patients.searchPlaceholder')"
          data-testid="check-in-search"
          (keydown.enter)="takeSingle($event)"
        />
      </mat-form-field>
      @if (error(); as e) {
        <p class="form-error" role="alert" data-testid="check-in-search-error">{{ t(e.key) }}</p>
      }
      <ul class="hits" data-testid="check-in-hits">
        @for (hit of hits(); track hit.id) {
          <li>
            <button mat-stroked-button type="button" class="hit" [attr.data-testid]="'check-in-hit-' + hit.id" (click)="picked.emit(hit)">
              <span class="name">{{ hit.name }}</span> <span class="phone">{{ hit.phoneMasked }}</span>
            </button>
          </li>
        } @empty {
          @if (searched()) {
            <li class="none">{{ t('encounters.checkIn.noHits') }}</li>
          }
        }
      </ul>
    </ng-container>
  `,
  styles: `
    .search {
      width: 100%;
    }
    .hits {
      display: flex;
      flex-direction: column;
      gap: 6px;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .hit {
      width: 100%;
      justify-content: flex-start;
    }
    .phone {
      margin-inline-start: 8px;
      font-variant-numeric: tabular-nums;
      color: var(--mat-sys-on-surface-variant);
    }
    .none {
      color: var(--mat-sys-on-surface-variant);
    }
    .form-error {
      margin: 0 0 8px;
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PatientPickerComponent {
  private readonly api = inject(PatientsApiService);

  readonly picked = output<PatientSummary>();

  protected readonly query = new FormControl('', { nonNullable: true });
  protected readonly hits = signal<PatientSummary[]>([]);
  protected readonly searched = signal(false);
  protected readonly error = signal<ErrorDescription | null>(null);
  /** The text the shown hits answer (Enter must not take a hit for older text). */
  private shownFor = '';

  constructor() {
    this.query.valueChanges
      .pipe(
        map((text) => text.trim()),
        debounceTime(300),
        distinctUntilChanged(),
        switchMap((q) => this.find(q).pipe(map((hits) => [q, hits] as const))),
        takeUntilDestroyed(),
      )
      .subscribe(([q, hits]) => this.show(q, hits));
  }

  /** Enter: with exactly one patient for the typed text, take it (searching first if the list is behind). */
  protected takeSingle(event: Event): void {
    event.preventDefault();
    const q = this.query.value.trim();
    const single = (list: PatientSummary[]) => (list.length === 1 ? list[0] : null);
    if (q === this.shownFor) {
      const hit = single(this.hits());
      if (hit) this.picked.emit(hit);
      return;
    }
    this.find(q)
      .pipe(tap((hits) => this.show(q, hits)))
      .subscribe((hits) => {
        const hit = 'items' in hits && hits.total === 1 ? hits.items[0] : null;
        if (hit) this.picked.emit(hit);
      });
  }

  private find(q: string): Observable<Hits> {
    if (!q) return of({ items: [], total: 0 });
    return this.api.search({ q, page: 1, pageSize: HITS }).pipe(
      map((page): Hits => ({ items: page.items, total: page.total })),
      catchError((err: unknown) => of<Hits>({ error: describeHttpError(err) })),
    );
  }

  private show(q: string, hits: Hits): void {
    this.shownFor = q;
    this.searched.set(!!q);
    if ('error' in hits) {
      this.hits.set([]);
      this.error.set(hits.error);
    } else {
      this.hits.set(hits.items);
      this.error.set(null);
    }
  }
}
