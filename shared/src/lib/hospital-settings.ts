/**
 * The hospital's settings (admin page `/settings`, `GET`/`PUT /api/settings`). The server's
 * environment gives the defaults until an admin saves a value; the time zone is read-only (it
 * decides which day every stored visit belongs to, so it is chosen once, at installation).
 */

/** Whole-number settings and the range each accepts: the server validates, the admin form shows. */
export const HOSPITAL_SETTING_RANGES = {
  /** Days after an expected return date before a patient who has not come back counts as lapsed. */
  returnGraceDays: { min: 0, max: 365 },
  /** Waits longer than this count in "over threshold" (DOMAIN.md default 30). */
  waitThresholdMinutes: { min: 1, max: 240 },
  /** Days a survey link stays valid (DOMAIN.md default 14). */
  surveyExpiryDays: { min: 1, max: 365 },
  /** At most one survey invitation per patient within this many days. */
  surveyMinDays: { min: 0, max: 365 },
  /** A claimed callback returns to the queue after this many minutes (DOMAIN.md default 30). */
  claimTimeoutMinutes: { min: 5, max: 240 },
  /** The yearly discount rate of customer lifetime value, in percent (DOMAIN.md default 8). */
  clvDiscountPercent: { min: 0, max: 50 },
} as const;

export type NumericHospitalSetting = keyof typeof HOSPITAL_SETTING_RANGES;
export const NUMERIC_HOSPITAL_SETTINGS = Object.keys(HOSPITAL_SETTING_RANGES) as NumericHospitalSetting[];

/** Defaults where no environment variable names the value (DOMAIN.md). */
export const DEFAULT_WAIT_THRESHOLD_MINUTES = 30;
export const DEFAULT_CLAIM_TIMEOUT_MINUTES = 30;

export const HOSPITAL_NAME_MAX_LENGTH = 100;

/** Logos: PNG or JPEG only (an SVG can carry script), at most this many bytes. */
export const HOSPITAL_LOGO_TYPES = ['image/png', 'image/jpeg'] as const;
export type HospitalLogoType = (typeof HOSPITAL_LOGO_TYPES)[number];
export const HOSPITAL_LOGO_MAX_BYTES = 200 * 1024;

/** Where the public logo is served (no account needed: the survey form shows it). */
export const HOSPITAL_LOGO_PATH = '/api/public/hospital-logo';

export interface HospitalName {
  zh: string;
  en: string;
}

export interface HospitalSettings {
  /** IANA zone from `HUIFANG_TIMEZONE`; read-only. */
  timeZone: string;
  returnGraceDays: number;
  waitThresholdMinutes: number;
  surveyExpiryDays: number;
  surveyMinDays: number;
  claimTimeoutMinutes: number;
  clvDiscountPercent: number;
  /** Empty strings until an admin names the hospital. */
  hospitalName: HospitalName;
  /** The logo's URL (changes when the logo does), or null when none was uploaded. */
  logoUrl: string | null;
}

/** Any subset of the editable settings; fields left out keep their value. */
export type UpdateHospitalSettingsRequest = Partial<Record<NumericHospitalSetting, number>> & {
  hospitalName?: HospitalName;
};

/** A logo upload: the image's bytes in base64 and its type. */
export interface UploadHospitalLogoRequest {
  contentType: HospitalLogoType;
  data: string;
}

/** What the public survey form shows at its top. */
export interface PublicHospital {
  name: HospitalName;
  logoUrl: string | null;
}

/** Why a value is refused, or null when it is within its range. */
export function hospitalSettingProblem(setting: NumericHospitalSetting, value: unknown): 'integer' | 'range' | null {
  if (typeof value !== 'number' || !Number.isInteger(value)) return 'integer';
  const { min, max } = HOSPITAL_SETTING_RANGES[setting];
  return value < min || value > max ? 'range' : null;
}

/** The file type the bytes really are (by signature), whatever the upload claims. */
export function logoTypeOf(bytes: Uint8Array): HospitalLogoType | null {
  if (bytes.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => bytes[i] === b)) return 'image/png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  return null;
}
