import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import { ERROR_CODES, IMPORT_UPLOAD_MAX_BYTES, importNeedsMapping, type ImportEncoding, type ImportJob } from '@huifang/shared';
import { TranslocoDirective } from '@jsverse/transloco';
import { EMPTY, Subject, catchError, concat, merge, of, switchMap } from 'rxjs';
import { describeHttpError, errorCodeKey, type ErrorDescription } from '../core/api-error';
import { ApiErrorComponent } from '../core/api-error.component';
import { Notifier } from '../core/notifier.service';
import { positiveIntParam } from '../core/url-params';
import { FilePickerComponent } from './file-picker.component';
import { ImportDrafts } from './import-drafts';
import { ImportHistoryComponent } from './import-history.component';
import { ImportsApiService } from './imports-api.service';
import { isRunning, pollJob } from './job-polling';
import { JobStatusComponent } from './job-status.component';
import { MappingStepComponent } from './mapping-step.component';
import { uploadState } from './upload-progress';

/**
 * Admin: bring the HIS's history in. Upload a file; CSV / Excel go through the mapping step, FHIR
 * starts at once; the job then runs on the server. `/imports/:id` follows one job, so a refresh (or
 * a link from the history) finds it again and resumes polling while it runs.
 */
@Component({
  selector: 'hf-imports-page',
  imports: [
    ApiErrorComponent,
    FilePickerComponent,
    ImportHistoryComponent,
    JobStatusComponent,
    MappingStepComponent,
    MatButtonModule,
    MatProgressBarModule,
    RouterLink,
    TranslocoDirective,
  ],
  templateUrl: './imports-page.component.html',
  styleUrl: './imports-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImportsPageComponent {
  /** From the route (`/imports/:id`); absent on `/imports`. */
  readonly id = input<string | undefined>(undefined);

  private readonly api = inject(ImportsApiService);
  private readonly drafts = inject(ImportDrafts);
  private readonly notifier = inject(Notifier);
  private readonly router = inject(Router);

  protected readonly jobId = computed(() => positiveIntParam(this.id() ?? null));
  protected readonly job = signal<ImportJob | null>(null);
  protected readonly loadError = signal<ErrorDescription | null>(null);
  /** Why a chosen file was not sent. */
  protected readonly fileProblem = signal<ErrorDescription | null>(null);
  protected readonly draft = computed(() => this.drafts.get(this.jobId()));
  /** Share of the file sent; undefined while no upload is on its way. */
  protected readonly uploadProgress = signal<number | null | undefined>(undefined);
  protected readonly historyRefresh = signal(0);
  protected readonly starting = signal(false);

  /** The mapping step, while the job waits for one and this session still has the file's columns. */
  protected readonly mappingUpload = computed(() => {
    const job = this.job();
    const draft = this.draft();
    return job?.status === 'uploaded' && importNeedsMapping(job.format) && draft?.upload.job.id === job.id ? draft.upload : null;
  });
  /** Uploaded before a refresh: CSV / Excel need the file again; FHIR can just be started. */
  protected readonly waiting = computed(() => {
    const job = this.job();
    return job?.status === 'uploaded' && this.mappingUpload() === null ? job : null;
  });

  /** A job id to follow again (after a run starts on the same URL). */
  private readonly follow$ = new Subject<number | null>();

  constructor() {
    merge(toObservable(this.jobId), this.follow$)
      .pipe(
        switchMap((id) => {
          this.loadError.set(null);
          if (id === null) {
            this.job.set(null);
            return EMPTY;
          }
          if (this.job()?.id !== id) this.job.set(null);
          return this.api.get(id).pipe(
            switchMap((job) => (isRunning(job) ? concat(of(job), pollJob(() => this.api.get(id))) : of(job))),
            catchError((err: unknown) => {
              this.loadError.set(describeHttpError(err));
              return EMPTY;
            }),
          );
        }),
        takeUntilDestroyed(),
      )
      .subscribe((job) => {
        const wasRunning = this.job()?.status === 'running';
        this.job.set(job);
        if (wasRunning && !isRunning(job)) this.historyRefresh.update((n) => n + 1);
      });
  }

  protected upload(file: File, encoding?: Exclude<ImportEncoding, 'auto'>): void {
    // Said before sending a file the server would only refuse at its end.
    if (file.size > IMPORT_UPLOAD_MAX_BYTES) {
      this.fileProblem.set({ key: errorCodeKey(ERROR_CODES.importFileTooLarge), params: { maxMb: IMPORT_UPLOAD_MAX_BYTES / 1024 / 1024 } });
      return;
    }
    this.fileProblem.set(null);
    this.uploadProgress.set(0);
    this.api.upload(file, encoding).subscribe({
      next: (event) => {
        const state = uploadState(event);
        if (state?.kind === 'sending') this.uploadProgress.set(state.fraction);
        if (state?.kind === 'done') {
          this.uploadProgress.set(undefined);
          this.drafts.put({ upload: state.upload, file });
          this.historyRefresh.update((n) => n + 1);
          // FHIR and NHS FFT files (the server tells one by its headers) need no mapping: the job starts at once.
          if (!importNeedsMapping(state.upload.job.format)) this.start(state.upload.job);
          else void this.router.navigate(['/imports', state.upload.job.id]);
        }
      },
      error: (err: unknown) => {
        this.uploadProgress.set(undefined);
        this.notifier.error(err);
      },
    });
  }

  protected needsMapping(job: ImportJob): boolean {
    return importNeedsMapping(job.format);
  }

  /** Reads the uploaded file again in another encoding (the headers and samples change), on the server: no second upload. */
  protected changeEncoding(encoding: Exclude<ImportEncoding, 'auto'>): void {
    const draft = this.draft();
    if (!draft) return;
    this.api.peek(draft.upload.job.id, encoding).subscribe({
      next: (upload) => this.drafts.put({ upload, file: draft.file }),
      error: (err: unknown) => this.notifier.error(err),
    });
  }

  protected start(job: ImportJob): void {
    this.starting.set(true);
    this.api.run(job.id, {}).subscribe({
      next: (started) => this.started(started),
      error: (err: unknown) => {
        this.starting.set(false);
        this.notifier.error(err);
      },
    });
  }

  /** Abandons an upload that was never run: the server deletes the job and its file. */
  protected discard(job: ImportJob): void {
    this.api.remove(job.id).subscribe({
      next: () => {
        this.drafts.remove(job.id);
        this.job.set(null);
        this.historyRefresh.update((n) => n + 1);
        this.notifier.success('imports.discarded', { file: job.fileName });
        void this.router.navigate(['/imports']);
      },
      error: (err: unknown) => this.notifier.error(err),
    });
  }

  protected started(job: ImportJob): void {
    this.starting.set(false);
    this.job.set(job);
    this.historyRefresh.update((n) => n + 1);
    if (this.jobId() === job.id) this.follow$.next(job.id);
    else void this.router.navigate(['/imports', job.id]);
  }
}
