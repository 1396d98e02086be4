import { DatePipe, DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { DEFAULT_PAGE_SIZE, type ImportJob, type ImportRowError, type Page } from '@huifang/shared';
import { TranslocoDirective } from '@jsverse/transloco';
import { finalize } from 'rxjs';
import { Notifier } from '../core/notifier.service';
import { saveFile } from '../dashboard/csv-download';
import { LanguageService } from '../i18n/language.service';
import { ImportSummaryComponent } from './import-summary.component';
import { ImportsApiService } from './imports-api.service';
import { isRunning } from './job-polling';
import { RowErrorsComponent } from './row-errors.component';
import { bytesPercent } from './upload-progress';

/** One import job: its progress while it runs, then the summary, its row errors page by page and the error report. */
@Component({
  selector: 'hf-import-job-status',
  imports: [DatePipe, ImportSummaryComponent, MatButtonModule, MatPaginatorModule, MatProgressBarModule, RowErrorsComponent, TranslocoDirective],
  templateUrl: './job-status.component.html',
  styleUrl: './job-status.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class JobStatusComponent {
  readonly job = input.required<ImportJob>();

  private readonly api = inject(ImportsApiService);
  private readonly notifier = inject(Notifier);
  private readonly document = inject(DOCUMENT);
  private readonly language = inject(LanguageService);

  protected readonly running = computed(() => isRunning(this.job()));
  protected readonly percent = computed(() => bytesPercent(this.job().bytesDone, this.job().bytesTotal));
  /** Errors are read once the job is over (while it runs the count grows). */
  private readonly finishedId = computed(() => {
    const job = this.job();
    return job.status === 'done' || job.status === 'failed' ? job.id : null;
  });
  protected readonly errors = signal<Page<ImportRowError> | null>(null);
  protected readonly errorPage = signal({ page: 1, pageSize: DEFAULT_PAGE_SIZE });
  protected readonly downloading = signal(false);

  constructor() {
    effect(() => {
      const id = this.finishedId();
      untracked(() => {
        this.errors.set(null);
        this.errorPage.update((p) => ({ ...p, page: 1 }));
        if (id !== null) this.loadErrors(id, 1);
      });
    });
  }

  protected changeErrorPage(event: PageEvent): void {
    const id = this.finishedId();
    this.errorPage.set({ page: event.pageIndex + 1, pageSize: event.pageSize });
    if (id !== null) this.loadErrors(id, event.pageIndex + 1);
  }

  protected downloadErrors(): void {
    const job = this.job();
    this.downloading.set(true);
    this.api
      .errorsCsv(job.id, this.language.lang())
      .pipe(finalize(() => this.downloading.set(false)))
      .subscribe({
        next: (blob) => saveFile(this.document, blob, `import-${job.id}-errors.csv`),
        error: (err: unknown) => this.notifier.error(err),
      });
  }

  private loadErrors(id: number, page: number): void {
    const { pageSize } = this.errorPage();
    this.api.errors(id, page, pageSize).subscribe({
      next: (result) => {
        if (this.finishedId() === id) this.errors.set(result);
      },
      error: (err: unknown) => this.notifier.error(err),
    });
  }
}
