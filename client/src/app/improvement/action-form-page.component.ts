import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  BETTER_DIRECTIONS,
  type BetterDirection,
  type CommentTheme,
  type Department,
  EARLIEST_DAY,
  IMPROVEMENT_DESCRIPTION_MAX_LENGTH,
  IMPROVEMENT_STATUSES,
  IMPROVEMENT_TITLE_MAX_LENGTH,
  IMPROVEMENT_WINDOW_RANGES,
  type ImprovementAction,
  type ImprovementStatus,
  type ImprovementWindowSetting,
  type IndicatorKey,
  LATEST_DAY,
  indicatorDefinition,
  isIndicatorKey,
} from '@huifang/shared';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { take } from 'rxjs';
import { AuthService } from '../auth/auth.service';
import { translateError } from '../core/api-error';
import { Notifier } from '../core/notifier.service';
import { calendarDayParam, positiveIntParam } from '../core/url-params';
import { CommentThemesApiService } from '../comment-themes/comment-themes-api.service';
import { departmentName } from '../departments/department-name';
import { DepartmentsApiService } from '../departments/departments-api.service';
import { LanguageService } from '../i18n/language.service';
import {
  type ActionFormField,
  type ActionFormValue,
  actionFieldsOf,
  actionFormOf,
  actionRequestOf,
  emptyActionForm,
  endAfterStartValidator,
  improvementDayValidator,
  indicatorValidator,
  windowDaysValidator,
} from './action-form';
import { ImprovementApiService } from './improvement-api.service';
import { IMPROVEMENT_PATH, actionLink } from './improvement-links';
import { IMPROVEMENT_SCOPE, provideImprovementScope } from './improvement-scope';
import { indicatorChoices } from './indicator-words';
import { OwnerChoicesService } from './owner-choices.service';

/**
 * A new improvement action, or an existing one's fields. A new one may come prefilled from a
 * dashboard figure ("act on this": `?indicator=&departmentId=&startDate=&from=&to=`, see
 * indicator-family.ts). The fields are checked by the rules the API applies (shared/); a refused
 * save shows the API's message under the field it names.
 */
@Component({
  selector: 'hf-action-form-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatDatepickerModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslocoDirective,
  ],
  providers: [provideImprovementScope()],
  templateUrl: './action-form-page.component.html',
  styleUrl: './improvement-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ActionFormPageComponent {
  private readonly api = inject(ImprovementApiService);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly notifier = inject(Notifier);
  private readonly transloco = inject(TranslocoService);
  private readonly language = inject(LanguageService);
  private readonly user = inject(AuthService).user;

  /** The action edited; null for a new one. */
  protected readonly actionId = positiveIntParam(this.route.snapshot.paramMap.get('id'));
  protected readonly existing = signal<ImprovementAction | null>(null);
  protected readonly loading = signal(this.actionId !== null);
  protected readonly pending = signal(false);
  protected readonly serverError = signal<string | null>(null);
  /** The period the prefilled figure was read over (from the dashboard). */
  protected readonly prefilledPeriod = signal<{ from: string; to: string } | null>(null);

  protected readonly statuses = IMPROVEMENT_STATUSES;
  protected readonly directions = BETTER_DIRECTIONS;
  protected readonly titleMax = IMPROVEMENT_TITLE_MAX_LENGTH;
  protected readonly descriptionMax = IMPROVEMENT_DESCRIPTION_MAX_LENGTH;
  protected readonly windowRanges = IMPROVEMENT_WINDOW_RANGES;
  protected readonly windowSettings = Object.keys(IMPROVEMENT_WINDOW_RANGES) as ImprovementWindowSetting[];
  protected readonly earliest = EARLIEST_DAY;
  protected readonly latest = LATEST_DAY;
  protected readonly cancelLink = this.actionId === null ? [IMPROVEMENT_PATH] : actionLink(this.actionId);

  private readonly departments = toSignal(inject(DepartmentsApiService).list(), { initialValue: [] as Department[] });
  private readonly themes = toSignal(inject(CommentThemesApiService).list(), { initialValue: [] as CommentTheme[] });
  private readonly owners = inject(OwnerChoicesService).choices();

  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly form = this.fb.group(
    {
      title: ['', [Validators.required, Validators.maxLength(IMPROVEMENT_TITLE_MAX_LENGTH)]],
      description: ['', Validators.maxLength(IMPROVEMENT_DESCRIPTION_MAX_LENGTH)],
      departmentId: [null as number | null],
      ownerUserId: [null as number | null, Validators.required],
      indicator: ['' as IndicatorKey | '', [Validators.required, indicatorValidator]],
      betterDirection: ['lower' as BetterDirection],
      startDate: [null as string | null, [Validators.required, improvementDayValidator]],
      endDate: [null as string | null, improvementDayValidator],
      status: ['planned' as ImprovementStatus],
      baselineDays: [null as number | null, windowDaysValidator('baselineDays')],
      lagDays: [null as number | null, windowDaysValidator('lagDays')],
      followUpDays: [null as number | null, windowDaysValidator('followUpDays')],
    },
    { validators: endAfterStartValidator },
  );

  /** The indicator chosen (typed or loaded), so a switched-off theme an action aims at stays among the choices. */
  private readonly indicator = signal<string>('');

  protected readonly departmentOptions = computed(() => {
    const lang = this.language.lang();
    const chosen = this.existing()?.departmentId ?? null;
    return this.departments()
      .filter((d) => d.active || d.id === chosen)
      .map((d) => ({ id: d.id, label: departmentName(d, lang) }));
  });

  protected readonly ownerOptions = computed(() => {
    const existing = this.existing();
    const owners = this.owners();
    if (existing && !owners.some((o) => o.id === existing.ownerUserId)) return [...owners, { id: existing.ownerUserId, name: existing.ownerName }];
    return owners;
  });

  /** The indicators in groups: the figures, each rating dimension, each comment theme. */
  protected readonly indicatorGroups = computed(() =>
    indicatorChoices(this.themes(), this.language.lang(), (key, params) => this.transloco.translate(key, params), this.indicator()),
  );

  constructor() {
    // The better direction follows the indicator until the user picks one.
    this.form.controls.indicator.valueChanges.pipe(takeUntilDestroyed()).subscribe((indicator) => {
      this.indicator.set(indicator);
      const direction = this.form.controls.betterDirection;
      if (isIndicatorKey(indicator) && direction.pristine) direction.setValue(indicatorDefinition(indicator).betterDirection);
    });
    if (this.actionId === null) {
      this.form.setValue(this.prefilled(emptyActionForm(this.user()?.id ?? null)));
      this.describePeriod();
    } else {
      this.api.action(this.actionId).subscribe({
        next: (action) => {
          this.existing.set(action);
          // Without events: the stored direction stays, whatever the indicator's own.
          this.form.setValue(actionFormOf(action), { emitEvent: false });
          this.indicator.set(action.indicator);
          this.loading.set(false);
        },
        error: (err: unknown) => {
          this.loading.set(false);
          this.notifier.error(err);
        },
      });
    }
  }

  protected submit(): void {
    if (this.pending()) return;
    // A refused save's errors are the server's to judge again: they never block the next try.
    for (const control of Object.values(this.form.controls)) if (control.hasError('server')) control.updateValueAndValidity({ emitEvent: false });
    this.form.updateValueAndValidity({ emitEvent: false });
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const request = actionRequestOf(this.form.getRawValue() as ActionFormValue);
    const save = this.actionId === null ? this.api.create(request) : this.api.update(this.actionId, request);
    this.pending.set(true);
    this.serverError.set(null);
    save.subscribe({
      next: (action) => {
        this.notifier.success(this.actionId === null ? 'improvement.form.created' : 'improvement.form.saved', { title: action.title });
        void this.router.navigate(actionLink(action.id));
      },
      error: (err: unknown) => {
        this.pending.set(false);
        const { fields, error } = actionFieldsOf(err);
        const message = translateError((key, params) => this.transloco.translate(key, params), error);
        this.serverError.set(message);
        for (const field of fields) this.markServerError(field, message);
      },
    });
  }

  private markServerError(field: ActionFormField, message: string): void {
    const control = this.form.controls[field];
    control.setErrors({ ...control.errors, server: message });
    control.markAsTouched();
  }

  /** A new action as "act on this" opened it: indicator, department, start date, and the period read in the description. */
  private prefilled(value: ActionFormValue): ActionFormValue {
    const params = this.route.snapshot.queryParamMap;
    const indicator = params.get('indicator');
    const from = calendarDayParam(params.get('from'));
    const to = calendarDayParam(params.get('to'));
    if (from && to) this.prefilledPeriod.set({ from, to });
    return {
      ...value,
      indicator: isIndicatorKey(indicator) ? indicator : value.indicator,
      betterDirection: isIndicatorKey(indicator) ? indicatorDefinition(indicator).betterDirection : value.betterDirection,
      departmentId: positiveIntParam(params.get('departmentId')) ?? value.departmentId,
      startDate: calendarDayParam(params.get('startDate')) ?? value.startDate,
    };
  }

  /** The period the prefilled figure was read over, written in the description once the page's words are loaded. */
  private describePeriod(): void {
    const period = this.prefilledPeriod();
    if (!period) return;
    this.transloco
      .selectTranslation(`${IMPROVEMENT_SCOPE}/${this.language.lang()}`)
      .pipe(take(1))
      .subscribe(() => {
        const description = this.form.controls.description;
        if (description.pristine && description.value === '') description.setValue(this.transloco.translate('improvement.form.fromDashboard', period));
      });
  }
}
