import { DatePipe, DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { AUDIT_ACTIONS, DEFAULT_PAGE_SIZE, type AuditEntry, type Page, type StaffUser } from '@huifang/shared';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { finalize } from 'rxjs';
import { hospitalToday } from '../hospital-settings/hospital-clock';
import { DateFieldComponent } from '../core/date-field.component';
import { Notifier } from '../core/notifier.service';
import { positiveIntParam, calendarDayParam } from '../core/url-params';
import { saveFile } from '../dashboard/csv-download';
import { UsersApiService } from '../users/users-api.service';
import { LanguageService } from '../i18n/language.service';
import { AuditApiService, type AuditFilter } from './audit-api.service';

/**
 * Admin: who read or changed what. Filters by patient id, staff member, action and days (a link
 * may set `?patientId=`); the CSV export takes the same filter and is itself audited by the server.
 */
@Component({
  selector: 'hf-audit-page',
  imports: [
    DatePipe,
    DateFieldComponent,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTableModule,
    RouterLink,
    TranslocoDirective,
  ],
  templateUrl: './audit-page.component.html',
  styleUrl: './audit-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuditPageComponent {
  private readonly api = inject(AuditApiService);
  private readonly notifier = inject(Notifier);
  private readonly document = inject(DOCUMENT);
  private readonly transloco = inject(TranslocoService);
  private readonly language = inject(LanguageService);

  protected readonly actions = AUDIT_ACTIONS;
  protected readonly columns = ['at', 'actor', 'action', 'entity', 'patient', 'ip', 'detail'];
  protected readonly pageSizeOptions = [20, 50, 100];
  protected readonly today = hospitalToday();
  protected readonly staff = signal<StaffUser[]>([]);
  protected readonly filter = signal<AuditFilter>(initialFilter(inject(ActivatedRoute).snapshot.queryParamMap));
  protected readonly paging = signal({ page: 1, pageSize: DEFAULT_PAGE_SIZE });
  protected readonly result = signal<Page<AuditEntry> | null>(null);
  protected readonly loading = signal(false);
  protected readonly loadFailed = signal(false);
  protected readonly exporting = signal(false);
  protected readonly filtered = computed(() => Object.values(this.filter()).some((v) => v !== undefined));

  constructor() {
    inject(UsersApiService)
      .list()
      .subscribe({ next: (users) => this.staff.set(users), error: (err: unknown) => this.notifier.error(err) });
    this.load();
  }

  /** The kind of record in the UI language; a kind without a translation (a newer server) shows its code. */
  protected entityLabel(entityType: string): string {
    const key = `audit.entityTypes.${entityType}`;
    const label = this.transloco.translate(key);
    return label === key || label === '' ? entityType : label;
  }

  protected setFilter(changes: Partial<AuditFilter>): void {
    this.filter.update((current) => ({ ...current, ...changes }));
    this.paging.update((p) => ({ ...p, page: 1 }));
    this.load();
  }

  protected setPatientId(text: string): void {
    const patientId = positiveIntParam(text.trim()) ?? undefined;
    if (patientId !== this.filter().patientId) this.setFilter({ patientId });
  }

  protected clear(): void {
    this.filter.set({});
    this.paging.update((p) => ({ ...p, page: 1 }));
    this.load();
  }

  protected changePage(event: PageEvent): void {
    this.paging.set({ page: event.pageIndex + 1, pageSize: event.pageSize });
    this.load();
  }

  protected load(): void {
    this.loading.set(true);
    this.api
      .list({ ...this.filter(), ...this.paging() })
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

  protected exportCsv(): void {
    const filter = this.filter();
    this.exporting.set(true);
    this.api
      .csv(filter, this.language.lang())
      .pipe(finalize(() => this.exporting.set(false)))
      .subscribe({
        next: (blob) => {
          saveFile(this.document, blob, `audit-log_${filter.from ?? 'start'}_${filter.to ?? this.today}.csv`);
          this.notifier.success('audit.exported', { count: this.result()?.total ?? 0 });
        },
        error: (err: unknown) => this.notifier.error(err),
      });
  }
}

function initialFilter(params: { get(name: string): string | null }): AuditFilter {
  const action = params.get('action');
  return {
    patientId: positiveIntParam(params.get('patientId')) ?? undefined,
    actorId: positiveIntParam(params.get('actorId')) ?? undefined,
    action: (AUDIT_ACTIONS as readonly (string | null)[]).includes(action) ? (action as AuditFilter['action']) : undefined,
    from: calendarDayParam(params.get('from')) ?? undefined,
    to: calendarDayParam(params.get('to')) ?? undefined,
  };
}
