import {
  DEFAULT_CLAIM_TIMEOUT_MINUTES,
  DEFAULT_CLV_DISCOUNT_PERCENT,
  DEFAULT_WAIT_THRESHOLD_MINUTES,
  HOSPITAL_LOGO_PATH,
  NUMERIC_HOSPITAL_SETTINGS,
  type HospitalSettings,
  type NumericHospitalSetting,
  type UpdateHospitalSettingsRequest,
} from '@huifang/shared';
import type { AppConfig } from '../core/config/app-config';

/** Saved settings are `app_setting` rows `hospital.<field>`; the logo's bytes live apart (read only when served). */
export const SETTING_KEY_PREFIX = 'hospital.';

/** `audit_entry.detail` holds 500 characters. */
const AUDIT_DETAIL_MAX_LENGTH = 500;

/** What holds until an admin saves a value: the environment, else DOMAIN.md's defaults. */
export function defaultSettings(config: AppConfig): HospitalSettings {
  return {
    timeZone: config.timeZone,
    returnGraceDays: config.returnGraceDays,
    waitThresholdMinutes: DEFAULT_WAIT_THRESHOLD_MINUTES,
    surveyExpiryDays: config.surveyExpiryDays,
    surveyMinDays: config.surveyMinDays,
    claimTimeoutMinutes: DEFAULT_CLAIM_TIMEOUT_MINUTES,
    clvDiscountPercent: DEFAULT_CLV_DISCOUNT_PERCENT,
    hospitalName: { zh: '', en: '' },
    logoUrl: null,
  };
}

export function settingsFromRows(rows: readonly { key: string; value: string }[], config: AppConfig): HospitalSettings {
  const settings = defaultSettings(config);
  const stored = new Map(rows.map((row) => [row.key.slice(SETTING_KEY_PREFIX.length), row.value]));
  for (const name of NUMERIC_HOSPITAL_SETTINGS) {
    const value = stored.get(name);
    if (value !== undefined) settings[name] = Number(value);
  }
  const name = stored.get('hospitalName');
  if (name !== undefined) settings.hospitalName = JSON.parse(name) as HospitalSettings['hospitalName'];
  const logoVersion = stored.get('logoVersion');
  if (logoVersion !== undefined) settings.logoUrl = `${HOSPITAL_LOGO_PATH}?v=${logoVersion}`;
  return settings;
}

/** The rows to save and the audit detail (`field: old → new`) for the fields that really change. */
export function hospitalSettingsChange(
  before: HospitalSettings,
  input: UpdateHospitalSettingsRequest,
): { rows: { key: string; value: string }[]; detail: string } {
  const rows: { key: string; value: string }[] = [];
  const changes: string[] = [];
  for (const name of NUMERIC_HOSPITAL_SETTINGS as NumericHospitalSetting[]) {
    const next = input[name];
    if (next === undefined || next === before[name]) continue;
    rows.push({ key: `${SETTING_KEY_PREFIX}${name}`, value: String(next) });
    changes.push(`${name}: ${before[name]} → ${next}`);
  }
  if (input.hospitalName) {
    const next = { zh: input.hospitalName.zh.trim(), en: input.hospitalName.en.trim() };
    if (next.zh !== before.hospitalName.zh || next.en !== before.hospitalName.en) {
      rows.push({ key: `${SETTING_KEY_PREFIX}hospitalName`, value: JSON.stringify(next) });
      changes.push(`hospitalName: ${JSON.stringify(before.hospitalName)} → ${JSON.stringify(next)}`);
    }
  }
  const detail = changes.join('; ');
  return { rows, detail: detail.length > AUDIT_DETAIL_MAX_LENGTH ? `${detail.slice(0, AUDIT_DETAIL_MAX_LENGTH - 1)}…` : detail };
}
