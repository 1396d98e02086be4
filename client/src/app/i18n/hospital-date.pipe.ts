import { Pipe, type PipeTransform, inject } from '@angular/core';
import { LanguageService } from './language.service';
import { type DateStyle, formatHospitalDate } from './hospital-date';

/**
 * `{{ encounter.checkedInAt | hfDate: 'dateTime' }}`: see `formatHospitalDate`. Impure so that it
 * follows a language switch; the work per call is small.
 */
@Pipe({ name: 'hfDate', pure: false })
export class HospitalDatePipe implements PipeTransform {
  private readonly language = inject(LanguageService);

  transform(value: string | number | Date | null | undefined, style: DateStyle = 'date', empty = '—'): string {
    if (value === null || value === undefined || value === '') {
      return empty;
    }
    return formatHospitalDate(value, style, this.language.lang()) || empty;
  }
}
