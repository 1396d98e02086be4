import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { RouterLink } from '@angular/router';
import { DEFAULT_PAGE_SIZE, type ImportJob, type Page } from '@huifang/shared';
import { TranslocoDirective } from '@jsverse/transloco';
import { Notifier } from '../core/notifier.service';
import { ImportsApiService } from './imports-api.service';

/** Earlier imports, newest first: who, when, which file, how it went; each opens its job. Cards, for a phone. */
@Component({
  selector: 'hf-import-history',
  imports: [DatePipe, MatPaginatorModule, RouterLink, TranslocoDirective],
  template: `
    <section *transloco="let t" class="history" [attr.aria-label]="t('imports.history.title')">
      <h2>{{ t('imports.history.title') }}</h2>
      @if (result(); as page) {
        @if (page.items.length === 0) {
          <p data-testid="import-history-empty">{{ t('imports.history.empty') }}</p>
        }
        <ul class="jobs" data-testid="import-history">
          @for (job of page.items; track job.id) {
            <li class="job" [class.current]="job.id === currentId()" [attr.data-testid]="'import-history-' + job.id">
              <a class="file" [routerLink]="['/imports', job.id]">{{ job.fileName }}</a>
              <span class="status" [class]="'status-' + job.status">{{ t('imports.statuses.' + job.status) }}</span>
              <span class="meta">
                {{ t('imports.formats.' + job.format) }} · {{ job.createdAt | date: 'yyyy-MM-dd HH:mm' }} ·
                {{ job.startedBy?.username ?? t('imports.history.cli') }}
              </span>
              @if (job.summary; as s) {
                <span class="counts" [attr.data-testid]="'import-history-counts-' + job.id">
                  {{
                    t('imports.history.counts', {
                      patients: s.patients.created + s.patients.updated,
                      encounters: s.encounters.created + s.encounters.updated,
                      errors: s.errorCount,
                    })
                  }}
                </span>
              }
            </li>
          }
        </ul>
        @if (page.total > page.pageSize) {
          <mat-paginator
            [length]="page.total"
            [pageIndex]="page.page - 1"
            [pageSize]="page.pageSize"
            [hidePageSize]="true"
            (page)="changePage($event)"
          />
        }
      }
    </section>
  `,
  styles: `
    h2 {
      font: var(--mat-sys-title-large);
    }
    .jobs {
      list-style: none;
      padding: 0;
      margin: 0;
    }
    .job {
      display: grid;
      grid-template-columns: 1fr auto;
      gap: 2px 12px;
      padding: 8px 12px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .job.current {
      background: var(--mat-sys-surface-container);
    }
    .file {
      word-break: break-all;
    }
    .meta,
    .counts {
      grid-column: 1 / -1;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .status-failed {
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImportHistoryComponent {
  /** Bumped by the page when a job starts or ends, to read the list again. */
  readonly refresh = input(0);
  readonly currentId = input<number | null>(null);

  private readonly api = inject(ImportsApiService);
  private readonly notifier = inject(Notifier);

  protected readonly result = signal<Page<ImportJob> | null>(null);
  private readonly page = signal(1);

  constructor() {
    effect(() => {
      this.refresh();
      untracked(() => this.load());
    });
  }

  protected changePage(event: PageEvent): void {
    this.page.set(event.pageIndex + 1);
    this.load();
  }

  private load(): void {
    this.api.list(this.page(), DEFAULT_PAGE_SIZE).subscribe({
      next: (page) => this.result.set(page),
      error: (err: unknown) => this.notifier.error(err),
    });
  }
}
