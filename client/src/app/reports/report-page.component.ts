import { DOCUMENT, NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, ViewEncapsulation, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { ActivatedRoute, Router } from '@angular/router';
import {
  isReportMonth,
  shiftMonth,
  type ArchivedReport,
  type AssessmentReport,
  type Department,
  type ReportFormat,
} from '@huifang/shared';
import { TranslocoDirective, TranslocoService, provideTranslocoScope } from '@jsverse/transloco';
import { Subject, map } from 'rxjs';
import { confirmAction } from '../core/confirm-dialog.component';
import { type LoadResult, loadEach, loadFailed, loadedValue, withReload } from '../core/load-result';
import { Notifier } from '../core/notifier.service';
import { saveFile } from '../dashboard/csv-download';
import { DASHBOARD_SCOPE } from '../dashboard/dashboard-scope';
import { DepartmentFilterComponent } from '../departments/department-filter.component';
import { departmentNameById } from '../departments/department-name';
import { DepartmentsApiService } from '../departments/departments-api.service';
import { hospitalToday } from '../hospital-settings/hospital-clock';
import { HospitalDatePipe } from '../i18n/hospital-date.pipe';
import { LanguageService } from '../i18n/language.service';
import { scopeLang } from '../relationship/scope-lang';
import { BAR_LABEL_WIDTH, BAR_ROW_HEIGHT, BAR_WIDTH, barChartHeight } from './report-bars';
import { findingText, headlineRows, indicatorName, phaseBars, satisfactionBars, themeBars, verdictText, waitBars } from './report-view';
import { type ReportQuery, ReportsApiService, reportFileName } from './reports-api.service';
import { REPORTS_SCOPE } from './reports-scope';

/**
 * The monthly assessment report (客户关系现状评估报告; issue #15): a month and a department (or the
 * hospital), its sections with inline SVG charts, the PDF and Excel downloads (made on the server),
 * the archive of stored reports and, after a confirmation, regenerate. The page prints cleanly
 * (`@media print` in the stylesheet: no navigation or buttons, a page per section). Month and
 * department live in the URL.
 */
@Component({
  selector: 'hf-report-page',
  imports: [DepartmentFilterComponent, HospitalDatePipe, MatButtonModule, MatFormFieldModule, MatInputModule, NgTemplateOutlet, TranslocoDirective],
  providers: [provideTranslocoScope(DASHBOARD_SCOPE, REPORTS_SCOPE)],
  templateUrl: './report-page.component.html',
  styleUrl: './report-page.component.scss',
  // The print rules reach outside the page (hide the shell's toolbar and navigation); every class is `hf-report-*`.
  encapsulation: ViewEncapsulation.None,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReportPageComponent {
  private readonly api = inject(ReportsApiService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly notifier = inject(Notifier);
  private readonly dialog = inject(MatDialog);
  private readonly language = inject(LanguageService);
  private readonly transloco = inject(TranslocoService);
  private readonly document = inject(DOCUMENT);

  /** The current month (provisional) is the latest one offered. */
  protected readonly currentMonth = hospitalToday().slice(0, 7);
  protected readonly query = signal<ReportQuery>(this.queryFromUrl());
  protected readonly departments = signal<Department[]>([]);
  protected readonly archive = signal<ArchivedReport[]>([]);
  protected readonly busy = signal<ReportFormat | 'regenerate' | null>(null);

  protected readonly loading = signal(false);
  private readonly loaded = signal<LoadResult<AssessmentReport> | null>(null);
  protected readonly reload$ = new Subject<void>();
  protected readonly report = computed(() => loadedValue(this.loaded()));
  protected readonly failed = computed(() => loadFailed(this.loaded()));

  protected readonly chart = { labelWidth: BAR_LABEL_WIDTH, barWidth: BAR_WIDTH, rowHeight: BAR_ROW_HEIGHT, height: barChartHeight };

  private readonly wordsLang = scopeLang(DASHBOARD_SCOPE, REPORTS_SCOPE);
  private readonly context = computed(() => {
    const lang = this.wordsLang();
    return lang ? { lang, t: (key: string, params?: Record<string, unknown>) => this.transloco.translate(key, params, lang) } : null;
  });
  /** Everything the sections show, worked out once per report and language. */
  protected readonly shown = computed(() => {
    const report = this.report();
    const context = this.context();
    if (!report || !context) return null;
    return {
      report,
      department: report.departmentId === null ? null : departmentNameById(this.departments(), report.departmentId, context.lang, report.departmentName ?? ''),
      headlines: headlineRows(report, context),
      waitBars: waitBars(report, context),
      satisfactionBars: satisfactionBars(report, context),
      themeBars: themeBars(report, context),
      phaseBars: phaseBars(report, context),
      actions: report.actions.map((action) => ({
        ...action,
        indicatorName: indicatorName(action.indicator, context, action.themeName),
        verdictText: verdictText(action.verdict, action.pValue, context),
      })),
      findings: report.findings.map((finding) => findingText(finding, context)),
    };
  });

  constructor() {
    inject(DepartmentsApiService)
      .list()
      .pipe(takeUntilDestroyed())
      .subscribe({ next: (list) => this.departments.set(list), error: (error: unknown) => this.notifier.error(error) });
    loadEach(withReload(toObservable(this.query), this.reload$), (query) => this.api.report(query), { loading: this.loading, result: this.loaded })
      .pipe(takeUntilDestroyed())
      .subscribe((result) => {
        if ('error' in result) this.notifier.error(result.error);
        else this.loadArchive();
      });
  }

  protected archiveName(item: ArchivedReport): string {
    const t = this.context()?.t;
    if (item.departmentId === null) return t ? t('reports.hospital') : '';
    return departmentNameById(this.departments(), item.departmentId, this.language.lang(), item.departmentName ?? `#${item.departmentId}`);
  }

  protected chooseMonth(value: string): void {
    if (isReportMonth(value) && value <= this.currentMonth) this.go({ ...this.query(), month: value });
  }

  protected chooseDepartment(departmentId: number | null): void {
    this.go({ ...this.query(), departmentId });
  }

  protected open(item: ArchivedReport): void {
    this.go({ month: item.month, departmentId: item.departmentId });
  }

  protected download(format: Exclude<ReportFormat, 'json'>): void {
    const query = this.query();
    this.busy.set(format);
    this.api.file(query, format, this.language.lang()).subscribe({
      next: (blob) => {
        this.busy.set(null);
        saveFile(this.document, blob, reportFileName(query, format));
      },
      error: (error: unknown) => {
        this.busy.set(null);
        this.notifier.error(error);
      },
    });
  }

  protected print(): void {
    this.document.defaultView?.print();
  }

  protected regenerate(): void {
    const query = this.query();
    confirmAction(this.dialog, {
      titleKey: 'reports.regenerate.title',
      messageKey: 'reports.regenerate.message',
      confirmKey: 'reports.regenerate.confirm',
      params: { month: query.month },
    }).subscribe((confirmed) => {
      if (!confirmed) return;
      this.busy.set('regenerate');
      this.api.regenerate({ month: query.month, departmentId: query.departmentId }).subscribe({
        next: (report) => {
          this.busy.set(null);
          this.loaded.set({ value: report });
          this.loadArchive();
          this.notifier.success('reports.regenerate.done');
        },
        error: (error: unknown) => {
          this.busy.set(null);
          this.notifier.error(error);
        },
      });
    });
  }

  private loadArchive(): void {
    this.api
      .archive()
      .pipe(map((answer) => answer.items))
      .subscribe({ next: (items) => this.archive.set(items), error: (error: unknown) => this.notifier.error(error) });
  }

  private go(query: ReportQuery): void {
    this.query.set(query);
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { month: query.month, departmentId: query.departmentId ?? undefined },
      replaceUrl: true,
    });
  }

  /** The URL's month and department; by default last month (the latest closed one) and the hospital. */
  private queryFromUrl(): ReportQuery {
    const params = this.route.snapshot.queryParamMap;
    const month = params.get('month');
    const department = Number(params.get('departmentId'));
    return {
      month: month && isReportMonth(month) && month <= this.currentMonth ? month : shiftMonth(this.currentMonth, -1),
      departmentId: Number.isInteger(department) && department > 0 ? department : null,
    };
  }
}
