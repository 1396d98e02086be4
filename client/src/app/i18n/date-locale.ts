import { registerLocaleData } from '@angular/common';
import localeZh from '@angular/common/locales/zh';

/**
 * Angular's `en-US` data is built in; Chinese dates (`2026年3月2日`) need the `zh` data, registered
 * once at start-up under the id `dateLocaleFor('zh')` gives.
 */
export function registerDateLocales(): void {
  registerLocaleData(localeZh, 'zh-CN');
}
