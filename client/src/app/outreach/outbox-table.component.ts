import { ChangeDetectionStrategy, Component, computed, inject, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { DEFAULT_PAGE_SIZE, OUTREACH_CHANNELS, OUTREACH_KINDS, OUTREACH_STATUSES, type OutreachMessage, type Page } from '@huifang/shared';
import { TranslocoDirective } from '@jsverse/transloco';
import { filter, finalize, switchMap } from 'rxjs';
import { confirmAction } from '../core/confirm-dialog.component';
import { DateFieldComponent } from '../core/date-field.component';
import { Notifier } from '../core/notifier.service';
import { hospitalToday } from '../hospital-settings/hospital-clock';
import { HospitalDatePipe } from '../i18n/hospital-date.pipe';
import { messageWords } from './message-words';
import { type OutboxFilter, canRetry, isFiltered, outboxQuery, withFilter } from './outbox-filter';
import { OutreachApiService } from './outreach-api.service';

/**
 * The outbox, newest first: kind, channel, status and why, tries, the patient by id. Filters by
 * status, channel, kind and creation days, a page at a time; a failed message can be sent again
 * (asked first, audited by the server).
 */
@Component({
  selector: 'hf-outbox-table',
  imports: [
    DateFieldComponent,
    HospitalDatePipe,
    MatButtonModule,
    MatFormFieldModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTableModule,
    RouterLink,
    TranslocoDirective,
  ],
  templateUrl: './outbox-table.component.html',
  styleUrl: './outbox-table.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OutboxTableComponent {
  private readonly api = inject(OutreachApiService);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);

  /** A message was queued again: the channels' figures changed. */
  readonly retried = output<void>();

  protected readonly statuses = OUTREACH_STATUSES;
  protected readonly channels = OUTREACH_CHANNELS;
  protected readonly kinds = OUTREACH_KINDS;
  protected readonly columns = ['createdAt', 'kind', 'channel', 'status', 'attempts', 'sentAt', 'patient', 'actions'];
  protected readonly pageSizeOptions = [20, 50, 100];
  protected readonly today = hospitalToday();
  protected readonly canRetry = canRetry;
  protected readonly words = messageWords;

  protected readonly filter = signal<OutboxFilter>({});
  protected readonly paging = signal({ page: 1, pageSize: DEFAULT_PAGE_SIZE });
  protected readonly result = signal<Page<OutreachMessage> | null>(null);
  protected readonly loading = signal(false);
  protected readonly loadFailed = signal(false);
  protected readonly retrying = signal<number | null>(null);
  protected readonly filtered = computed(() => isFiltered(this.filter()));

  constructor() {
    this.load();
  }

  /** Shows exactly these filters from the first page (a channel card's "Show" failures). */
  show(filter: OutboxFilter): void {
    this.filter.set(filter);
    this.firstPage();
  }

  protected setFilter(changes: Partial<OutboxFilter>): void {
    this.filter.update((current) => withFilter(current, changes));
    this.firstPage();
  }

  protected clear(): void {
    this.show({});
  }

  protected changePage(event: PageEvent): void {
    this.paging.set({ page: event.pageIndex + 1, pageSize: event.pageSize });
    this.load();
  }

  protected load(): void {
    this.loading.set(true);
    this.api
      .messages(outboxQuery(this.filter(), this.paging()))
      .pipe(finalize(() => this.loading.set(false)))
      .subscribe({
        next: (page) => {
          this.result.set(page);
          this.loadFailed.set(false);
        },
        error: (err: unknown) => {
          this.loadFailed.set(true);
          this.notifier.error(err);
        },
      });
  }

  protected retry(message: OutreachMessage): void {
    confirmAction(this.dialog, {
      titleKey: 'outreach.outbox.retryTitle',
      messageKey: 'outreach.outbox.retryMessage',
      confirmKey: 'outreach.outbox.retry',
      params: { id: message.id },
    })
      .pipe(
        filter((confirmed) => confirmed),
        switchMap(() => {
          this.retrying.set(message.id);
          return this.api.retry(message.id).pipe(finalize(() => this.retrying.set(null)));
        }),
      )
      .subscribe({
        next: () => {
          this.notifier.success('outreach.outbox.retried', { id: message.id });
          this.retried.emit();
          this.load();
        },
        error: (err: unknown) => {
          this.notifier.error(err);
          this.load();
        },
      });
  }

  private firstPage(): void {
    this.paging.update((p) => ({ ...p, page: 1 }));
    this.load();
  }
}
