import type { Provider } from '@angular/core';
import { provideTranslocoScope } from '@jsverse/transloco';

/** The Transloco scope of the dashboard and the live board: `client/public/i18n/dashboard/<lang>.json`, keys `dashboard.*`. */
export const DASHBOARD_SCOPE = 'dashboard';

/** Provides the `dashboard` scope to a page, dialog or the live board (put it in the component's `providers`). */
export function provideDashboardScope(): Provider {
  return provideTranslocoScope(DASHBOARD_SCOPE);
}
