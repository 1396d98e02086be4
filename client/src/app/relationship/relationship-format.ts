import type { ClvUnit } from '@huifang/shared';
import { type Translate, formatDecimal } from '../dashboard/figure-format';
import type { Lang } from '../i18n/language';

const WHOLE = new Map<Lang, Intl.NumberFormat>();

/**
 * CLV or customer equity with its unit: whole yuan (`¥12,346`), or expected visits with one decimal
 * (`15.8 expected visits`) where no visit carries a charge (DOMAIN.md).
 */
export function formatClv(value: number, unit: ClvUnit, lang: Lang, t: Translate): string {
  if (unit === 'visits') return t('relationship.units.visits', { value: formatDecimal(value, lang) });
  let format = WHOLE.get(lang);
  if (!format) {
    format = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 0 });
    WHOLE.set(lang, format);
  }
  return t('relationship.units.CNY', { value: format.format(value) });
}

/** A rate or share in percent with one decimal (`48.4%`). */
export function formatPercent(value: number, lang: Lang, t: Translate): string {
  return t('relationship.units.percent', { value: formatDecimal(value, lang) });
}
