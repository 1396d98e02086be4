import { type ValidatorFn, Validators } from '@angular/forms';
import {
  HOSPITAL_NAME_MAX_LENGTH,
  HOSPITAL_SETTING_RANGES,
  NUMERIC_HOSPITAL_SETTINGS,
  type HospitalSettings,
  type NumericHospitalSetting,
  type UpdateHospitalSettingsRequest,
} from '@huifang/shared';

/** The unit each number is shown with (`hospitalSettings.units.*`). */
export const SETTING_UNITS: Readonly<Record<NumericHospitalSetting, 'days' | 'minutes' | 'percent'>> = {
  returnGraceDays: 'days',
  waitThresholdMinutes: 'minutes',
  surveyExpiryDays: 'days',
  surveyMinDays: 'days',
  claimTimeoutMinutes: 'minutes',
  clvDiscountPercent: 'percent',
};

/** A whole number within the setting's range as declared in shared/ (the server checks the same). */
export function settingValidators(setting: NumericHospitalSetting): ValidatorFn[] {
  const { min, max } = HOSPITAL_SETTING_RANGES[setting];
  return [Validators.required, Validators.min(min), Validators.max(max), Validators.pattern(/^-?\d+$/)];
}

export const NAME_VALIDATORS: ValidatorFn[] = [Validators.maxLength(HOSPITAL_NAME_MAX_LENGTH)];

export type SettingsFormValue = Record<NumericHospitalSetting, number | string | null> & { nameZh: string; nameEn: string };

export function formValueOf(settings: HospitalSettings): SettingsFormValue {
  const numbers = Object.fromEntries(NUMERIC_HOSPITAL_SETTINGS.map((name) => [name, settings[name]]));
  return { ...(numbers as Record<NumericHospitalSetting, number>), nameZh: settings.hospitalName.zh, nameEn: settings.hospitalName.en };
}

/** Only what differs from the saved settings, so the audit log shows just the real changes. */
export function changesFrom(value: SettingsFormValue, saved: HospitalSettings): UpdateHospitalSettingsRequest {
  const changes: UpdateHospitalSettingsRequest = {};
  for (const name of NUMERIC_HOSPITAL_SETTINGS) {
    const next = Number(value[name]);
    if (next !== saved[name]) changes[name] = next;
  }
  const name = { zh: value.nameZh.trim(), en: value.nameEn.trim() };
  if (name.zh !== saved.hospitalName.zh || name.en !== saved.hospitalName.en) changes.hospitalName = name;
  return changes;
}

/** A file's bytes in base64, for the logo upload. */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
