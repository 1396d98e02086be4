import { IMPORT_CHARGE_MAX_YUAN, MOBILE_PHONE_PATTERN, normalizeMobilePhone, type Gender } from '@huifang/shared';

/** C0 controls (tab and line breaks included: every mapped field is one line), DEL and C1 controls. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/g;

export function hasControlCharacters(text: string): boolean {
  CONTROL_CHARACTERS.lastIndex = 0;
  return CONTROL_CHARACTERS.test(text);
}

/** The text with each control character shown as `?` (for the error report). */
export function maskControlCharacters(text: string): string {
  return text.replace(CONTROL_CHARACTERS, '?');
}

/** Length in characters as a person counts them (a character outside the BMP is one). */
export function characterCount(text: string): number {
  let count = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) count--;
  }
  return count;
}

/** The stored 11 digits, or null when it is not a mainland mobile number (the registration rule). */
export function parsePhone(text: string): string | null {
  const phone = normalizeMobilePhone(text);
  return MOBILE_PHONE_PATTERN.test(phone) ? phone : null;
}

/** Genders as HIS exports write them, including the GB/T 2261.1 codes (0 unknown, 1 male, 2 female, 9 unstated). */
const GENDER_BY_TEXT = new Map<string, Gender>([
  ...['男', '男性', 'm', 'male', '1'].map((text) => [text, 'male'] as const),
  ...['女', '女性', 'f', 'female', '2'].map((text) => [text, 'female'] as const),
  ...['其他', '其它', 'o', 'other'].map((text) => [text, 'other'] as const),
  ...['未知', '不详', '未说明', 'u', 'unknown', '0', '9'].map((text) => [text, 'unknown'] as const),
]);

export function parseGender(text: string): Gender | null {
  return GENDER_BY_TEXT.get(text.toLowerCase()) ?? null;
}

/** Yuan with at most two decimals, optionally `¥` and thousands separators. */
const CHARGE = /^[¥￥]?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/;
const CHARGE_MAX_CENTS = IMPORT_CHARGE_MAX_YUAN * 100;

/** Integer fen, or null when `text` is no charge in range (negative, three decimals, too large). */
export function parseChargeCents(text: string): number | null {
  const match = CHARGE.exec(text);
  if (!match) return null;
  const yuan = match[1].replace(/,/g, '');
  if (yuan.length > 12) return null;
  const cents = Number(yuan) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return cents <= CHARGE_MAX_CENTS ? cents : null;
}
