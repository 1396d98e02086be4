import { formatDate } from '@angular/common';
import { utcOffsetMinutes } from '@huifang/shared';
import { hospitalTimeZone } from '../hospital-settings/hospital-clock';
import { type Lang, dateLocaleFor } from './language';

export type DateStyle = 'date' | 'dateTime' | 'time' | 'timeSeconds';

const PATTERNS: Readonly<Record<Lang, Readonly<Record<DateStyle, string>>>> = {
  zh: { date: 'y年M月d日', dateTime: 'y年M月d日 HH:mm', time: 'HH:mm', timeSeconds: 'HH:mm:ss' },
  en: { date: 'MMM d, y', dateTime: 'MMM d, y, HH:mm', time: 'HH:mm', timeSeconds: 'HH:mm:ss' },
};

const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A date or time as staff read it: in the UI language, and for instants in the hospital's time zone
 * (the zone that decides which day a visit belongs to), whatever the browser's zone. A calendar day
 * (`2026-03-02`, e.g. `nextVisitDue`) is shown as that day, never shifted.
 */
export function formatHospitalDate(
  value: string | number | Date,
  style: DateStyle,
  lang: Lang,
  timeZone: string = hospitalTimeZone(),
): string {
  const locale = dateLocaleFor(lang);
  const pattern = PATTERNS[lang][style];
  if (typeof value === 'string' && CALENDAR_DAY.test(value)) {
    return formatDate(value, pattern, locale);
  }
  const at = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(at.getTime())) {
    return '';
  }
  return formatDate(at, pattern, locale, utcOffset(at, timeZone));
}

/** `+0800` for a zone eight hours ahead of UTC: the offset DatePipe / formatDate take; undefined if the zone is unknown. */
export function utcOffset(at: Date, timeZone: string): string | undefined {
  try {
    const minutes = utcOffsetMinutes(at, timeZone);
    const abs = Math.abs(minutes);
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`;
  } catch {
    return undefined;
  }
}
