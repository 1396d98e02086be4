import { type EnvironmentProviders, effect, inject, makeEnvironmentProviders, provideEnvironmentInitializer } from '@angular/core';
import { DateAdapter, MAT_DATE_FORMATS, MAT_DATE_LOCALE, type MatDateFormats } from '@angular/material/core';
import type { Locale } from 'date-fns';
import { enUS, zhCN } from 'date-fns/locale';
import { CalendarDayDateAdapter } from './calendar-day-date-adapter';
import type { Lang } from './language';
import { LanguageService } from './language.service';

const DATE_FNS_LOCALES: Readonly<Record<Lang, Locale>> = { zh: zhCN, en: enUS };

/** How a date reads in each UI language: 2026/11/30 and 2026年11月 in Chinese, 11/30/2026 and Nov 2026 in English. */
const DISPLAY: Readonly<Record<Lang, MatDateFormats['display']>> = {
  zh: { dateInput: 'yyyy/MM/dd', monthYearLabel: 'yyyy年M月', dateA11yLabel: 'yyyy年M月d日', monthYearA11yLabel: 'yyyy年M月' },
  en: { dateInput: 'MM/dd/yyyy', monthYearLabel: 'LLL yyyy', dateA11yLabel: 'PP', monthYearA11yLabel: 'LLLL yyyy' },
};

/**
 * Typed dates are read in either language's spelling (year first is Chinese, year last English, so
 * they never clash): 2026/11/30, 2026-11-30, 2026年11月30日, 11/30/2026, Nov 30, 2026.
 */
const PARSE_FORMATS = ['yyyy/M/d', 'yyyy-M-d', 'yyyy年M月d日', 'M/d/yyyy', 'MMM d, yyyy'];

/** MAT_DATE_FORMATS whose display formats follow the UI language as it changes. */
function localizedFormats(language: LanguageService): MatDateFormats {
  return {
    parse: { dateInput: PARSE_FORMATS },
    display: {
      get dateInput() {
        return DISPLAY[language.lang()].dateInput;
      },
      get monthYearLabel() {
        return DISPLAY[language.lang()].monthYearLabel;
      },
      get dateA11yLabel() {
        return DISPLAY[language.lang()].dateA11yLabel;
      },
      get monthYearA11yLabel() {
        return DISPLAY[language.lang()].monthYearA11yLabel;
      },
    },
  };
}

/**
 * Material datepickers in the app's language: Angular Material's date-fns adapter (date-fns is
 * already a dependency) behind `CalendarDayDateAdapter`, whose dates are `YYYY-MM-DD` strings, its
 * locale switched with the UI language.
 */
export function provideLocalizedDatepicker(): EnvironmentProviders {
  return makeEnvironmentProviders([
    { provide: DateAdapter, useClass: CalendarDayDateAdapter },
    { provide: MAT_DATE_LOCALE, useFactory: () => DATE_FNS_LOCALES[inject(LanguageService).lang()] },
    { provide: MAT_DATE_FORMATS, useFactory: () => localizedFormats(inject(LanguageService)) },
    provideEnvironmentInitializer(() => {
      const adapter = inject<DateAdapter<string, Locale>>(DateAdapter);
      const language = inject(LanguageService);
      effect(() => adapter.setLocale(DATE_FNS_LOCALES[language.lang()]));
    }),
  ]);
}
