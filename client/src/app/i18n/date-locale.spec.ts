import { formatDate } from '@angular/common';
import { registerDateLocales } from './date-locale';
import { dateLocaleFor } from './language';

describe('registerDateLocales', () => {
  it('lets DatePipe / formatDate write Chinese dates under the id of the zh UI language', () => {
    registerDateLocales();
    expect(formatDate('2026-03-02', 'mediumDate', dateLocaleFor('zh'))).toBe('2026年3月2日');
    expect(formatDate('2026-03-02', 'y年M月d日', dateLocaleFor('zh'))).toBe('2026年3月2日');
    expect(formatDate('2026-03-02', 'mediumDate', dateLocaleFor('en'))).toBe('Mar 2, 2026');
  });
});
