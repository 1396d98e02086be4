import { ApiErrorComponent } from '../core/api-error.component';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import {
  HOSPITAL_LOGO_MAX_BYTES,
  HOSPITAL_LOGO_TYPES,
  HOSPITAL_NAME_MAX_LENGTH,
  HOSPITAL_SETTING_RANGES,
  NUMERIC_HOSPITAL_SETTINGS,
  type HospitalLogoType,
  type HospitalSettings,
  type NumericHospitalSetting,
} from '@huifang/shared';
import { TranslocoDirective } from '@jsverse/transloco';
import type { Observable } from 'rxjs';
import { type ErrorDescription, describeHttpError } from '../core/api-error';
import { Notifier } from '../core/notifier.service';
import { HospitalSettingsService } from './hospital-settings-api.service';
import { NAME_VALIDATORS, SETTING_UNITS, changesFrom, fileToBase64, formValueOf, settingValidators } from './settings-form';

/** `/settings` (admins): the hospital's name and logo, and the numbers the rules run on. */
@Component({
  selector: 'hf-hospital-settings-page',
  imports: [
    ApiErrorComponent,
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    TranslocoDirective,
  ],
  templateUrl: './hospital-settings-page.component.html',
  styleUrl: './hospital-settings-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HospitalSettingsPageComponent {
  private readonly service = inject(HospitalSettingsService);
  private readonly notifier = inject(Notifier);

  protected readonly numbers = NUMERIC_HOSPITAL_SETTINGS;
  protected readonly ranges = HOSPITAL_SETTING_RANGES;
  protected readonly units = SETTING_UNITS;
  protected readonly nameMax = HOSPITAL_NAME_MAX_LENGTH;
  protected readonly logoTypes = HOSPITAL_LOGO_TYPES.join(',');
  protected readonly logoMaxKb = Math.floor(HOSPITAL_LOGO_MAX_BYTES / 1024);

  protected readonly saved = signal<HospitalSettings | null>(null);
  protected readonly loadFailed = signal(false);
  protected readonly saving = signal(false);
  protected readonly error = signal<ErrorDescription | null>(null);
  protected readonly logoProblem = signal<'type' | 'size' | null>(null);
  protected readonly logoUrl = computed(() => this.saved()?.logoUrl ?? null);

  protected readonly form = new FormGroup({
    ...(Object.fromEntries(
      NUMERIC_HOSPITAL_SETTINGS.map((name) => [name, new FormControl<number | string | null>(null, settingValidators(name))]),
    ) as Record<NumericHospitalSetting, FormControl<number | string | null>>),
    nameZh: new FormControl('', { nonNullable: true, validators: NAME_VALIDATORS }),
    nameEn: new FormControl('', { nonNullable: true, validators: NAME_VALIDATORS }),
  });

  constructor() {
    this.service.load().then(
      (settings) => this.show(settings),
      (err: unknown) => {
        this.loadFailed.set(true);
        this.error.set(describeHttpError(err));
      },
    );
  }

  protected control(name: NumericHospitalSetting): FormControl<number | string | null> {
    return this.form.controls[name];
  }

  protected reset(): void {
    const saved = this.saved();
    if (saved) this.show(saved);
  }

  protected save(): void {
    const saved = this.saved();
    if (!saved || this.saving()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.run(this.service.save(changesFrom(this.form.getRawValue(), saved)));
  }

  protected async chooseLogo(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    this.logoProblem.set(null);
    if (!(HOSPITAL_LOGO_TYPES as readonly string[]).includes(file.type)) {
      this.logoProblem.set('type');
      return;
    }
    if (file.size > HOSPITAL_LOGO_MAX_BYTES) {
      this.logoProblem.set('size');
      return;
    }
    this.run(this.service.uploadLogo({ contentType: file.type as HospitalLogoType, data: await fileToBase64(file) }));
  }

  protected removeLogo(): void {
    this.run(this.service.removeLogo());
  }

  private run(request: Observable<HospitalSettings>): void {
    this.saving.set(true);
    this.error.set(null);
    request.subscribe({
      next: (settings) => {
        this.saving.set(false);
        this.show(settings);
        this.notifier.success('hospitalSettings.saved');
      },
      error: (err: unknown) => {
        this.saving.set(false);
        this.error.set(describeHttpError(err));
      },
    });
  }

  private show(settings: HospitalSettings): void {
    this.saved.set(settings);
    this.form.reset(formValueOf(settings));
  }
}
