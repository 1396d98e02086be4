import type { Lang } from '../i18n/language';

/** Looks a key up in the active language (a TranslocoService.translate, or a fake in tests). */
export type Translate = (key: string, params?: Record<string, unknown>) => string;

/** How a figure is read: minutes, a share in %, or an NPS (-100..100). */
export type FigureUnit = 'minutes' | 'percent' | 'nps' | 'count' | 'hours';

const FORMATS = new Map<string, Intl.NumberFormat>();

/** `12.5`, `1,234.0`: one decimal, as the API reports figures, in the UI language's digits. */
export function formatDecimal(value: number, lang: Lang, signed = false): string {
  const key = `${lang}:${signed}`;
  let format = FORMATS.get(key);
  if (!format) {
    format = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US', {
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
      signDisplay: signed ? 'exceptZero' : 'auto',
    });
    FORMATS.set(key, format);
  }
  return format.format(value);
}

/** A figure with its unit: `12.5 min`, `45.0%`, `+32.5` … counts as whole numbers. */
export function formatFigure(value: number, unit: FigureUnit, lang: Lang, t: Translate): string {
  switch (unit) {
    case 'count':
      return new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US').format(value);
    case 'nps':
      return formatDecimal(value, lang);
    default:
      return t(`dashboard.units.${unit}`, { value: formatDecimal(value, lang) });
  }
}

/** A change between two figures: `+2.1 min`, `-3.4 pts` (percentages change by points), `+5.0`. */
export function formatChange(change: number, unit: FigureUnit, lang: Lang, t: Translate): string {
  const value = formatDecimal(change, lang, true);
  switch (unit) {
    case 'percent':
      return t('dashboard.units.points', { value });
    case 'minutes':
    case 'hours':
      return t(`dashboard.units.${unit}`, { value });
    default:
      return value;
  }
}
