import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import {
  type CommentTheme,
  type Department,
  type IndicatorKey,
  type IndicatorTarget,
  TARGET_COMPARATORS,
  type TargetComparator,
  defaultComparator,
  indicatorDefinition,
  isIndicatorKey,
  targetValueRange,
} from '@huifang/shared';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { finalize } from 'rxjs';
import { confirmAction } from '../core/confirm-dialog.component';
import { Notifier } from '../core/notifier.service';
import { CommentThemesApiService } from '../comment-themes/comment-themes-api.service';
import { departmentName, departmentNameById } from '../departments/department-name';
import { DepartmentsApiService } from '../departments/departments-api.service';
import { HospitalDatePipe } from '../i18n/hospital-date.pipe';
import { LanguageService } from '../i18n/language.service';
import { ImprovementApiService } from './improvement-api.service';
import { improvementWordsLang, provideImprovementScope } from './improvement-scope';
import { formatIndicatorValue, indicatorChoices, indicatorLabel } from './indicator-words';
import { targetValueValidator } from './target-form';

/**
 * Admin: a target per indicator and department, or for the whole hospital (e.g. median wait at most
 * 20 min, NPS at least 50). Saving one for a pair that has a target replaces it (the API upserts).
 * The dashboard draws them on its trends and says on its headlines whether they are met.
 */
@Component({
  selector: 'hf-targets-page',
  imports: [
    HospitalDatePipe,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTableModule,
    ReactiveFormsModule,
    TranslocoDirective,
  ],
  providers: [provideImprovementScope()],
  templateUrl: './targets-page.component.html',
  styles: `
    .target-form { margin: 16px 0; }
    .target-form .row mat-form-field { flex: 1 1 180px; }
    .target-form .buttons { max-width: none; }
    td.actions { white-space: nowrap; }
  `,
  styleUrl: './improvement-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TargetsPageComponent {
  private readonly api = inject(ImprovementApiService);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly transloco = inject(TranslocoService);
  private readonly language = inject(LanguageService);

  protected readonly columns = ['indicator', 'department', 'target', 'updated', 'actions'];
  protected readonly comparators = TARGET_COMPARATORS;
  protected readonly targets = signal<IndicatorTarget[]>([]);
  protected readonly loading = signal(false);
  protected readonly loadFailed = signal(false);
  protected readonly saving = signal(false);
  protected readonly busyId = signal<number | null>(null);

  private readonly departments = toSignal(inject(DepartmentsApiService).list(), { initialValue: [] as Department[] });
  private readonly themes = toSignal(inject(CommentThemesApiService).list(), { initialValue: [] as CommentTheme[] });
  private readonly t = (key: string, params?: Record<string, unknown>) => this.transloco.translate(key, params);
  /** The units in the rows and hints are written in TypeScript: once the words are there. */
  private readonly wordsLang = improvementWordsLang();

  protected readonly form = inject(NonNullableFormBuilder).group(
    {
      indicator: ['' as IndicatorKey | '', Validators.required],
      departmentId: [null as number | null],
      comparator: ['at_most' as TargetComparator],
      value: [null as number | null, Validators.required],
    },
    { validators: targetValueValidator },
  );

  private readonly indicator = toSignal(this.form.controls.indicator.valueChanges, { initialValue: '' as IndicatorKey | '' });

  protected readonly indicatorGroups = computed(() => indicatorChoices(this.themes(), this.language.lang(), this.t, this.indicator()));

  protected readonly departmentOptions = computed(() => {
    const lang = this.language.lang();
    return this.departments()
      .filter((d) => d.active)
      .map((d) => ({ id: d.id, label: departmentName(d, lang) }));
  });

  /** The range (and unit) the chosen indicator's target may take, for the hint and the error. */
  protected readonly range = computed(() => {
    const indicator = this.indicator();
    const lang = this.wordsLang();
    if (!isIndicatorKey(indicator) || !lang) return null;
    const { min, max } = targetValueRange(indicator);
    const unit = indicatorDefinition(indicator).unit;
    return { min, max, minText: formatIndicatorValue(min, unit, lang, this.t), maxText: formatIndicatorValue(max, unit, lang, this.t) };
  });

  protected readonly rows = computed(() => {
    const lang = this.wordsLang();
    if (!lang) return [];
    const themes = this.themes();
    const departments = this.departments();
    return this.targets().map((target) => ({
      target,
      indicator: indicatorLabel(target.indicator, lang, this.t, themes),
      department: target.departmentId === null ? null : departmentNameById(departments, target.departmentId, lang, target.departmentName ?? ''),
      value: formatIndicatorValue(target.value, indicatorDefinition(target.indicator).unit, lang, this.t),
    }));
  });

  constructor() {
    // The comparator follows the indicator's better direction until the admin picks one.
    this.form.controls.indicator.valueChanges.pipe(takeUntilDestroyed()).subscribe((indicator) => {
      const comparator = this.form.controls.comparator;
      if (isIndicatorKey(indicator) && comparator.pristine) comparator.setValue(defaultComparator(indicator));
      this.form.updateValueAndValidity();
    });
    this.load();
  }

  protected load(): void {
    this.loading.set(true);
    this.api
      .targets()
      .pipe(finalize(() => this.loading.set(false)))
      .subscribe({
        next: (targets) => {
          this.targets.set(targets);
          this.loadFailed.set(false);
        },
        error: (err: unknown) => {
          this.loadFailed.set(true);
          this.notifier.error(err);
        },
      });
  }

  protected edit(target: IndicatorTarget): void {
    this.form.setValue({ indicator: target.indicator, departmentId: target.departmentId, comparator: target.comparator, value: target.value });
    this.form.controls.comparator.markAsDirty();
  }

  protected save(): void {
    if (this.saving()) return;
    const { indicator, departmentId, comparator, value } = this.form.getRawValue();
    if (this.form.invalid || !isIndicatorKey(indicator) || value === null) {
      this.form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    this.api
      .putTarget({ indicator, departmentId, comparator, value })
      .pipe(finalize(() => this.saving.set(false)))
      .subscribe({
        next: (saved) => {
          this.targets.update((list) => [...list.filter((t) => t.id !== saved.id), saved]);
          this.form.reset();
          this.notifier.success('improvement.targets.saved');
        },
        error: (err: unknown) => this.notifier.error(err),
      });
  }

  protected remove(row: { target: IndicatorTarget; indicator: string }): void {
    confirmAction(this.dialog, {
      titleKey: 'improvement.targets.deleteTitle',
      messageKey: 'improvement.targets.deleteMessage',
      confirmKey: 'improvement.targets.delete',
      params: { indicator: row.indicator },
    }).subscribe((confirmed) => {
      if (!confirmed) return;
      this.busyId.set(row.target.id);
      this.api
        .deleteTarget(row.target.id)
        .pipe(finalize(() => this.busyId.set(null)))
        .subscribe({
          next: () => {
            this.targets.update((list) => list.filter((t) => t.id !== row.target.id));
            this.notifier.success('improvement.targets.deleted');
          },
          error: (err: unknown) => this.notifier.error(err),
        });
    });
  }
}
