import type { Provider } from '@angular/core';
import { provideTranslocoScope } from '@jsverse/transloco';

/** The Transloco scope of the survey pages: `client/public/i18n/surveys/<lang>.json`, keys `surveys.*`. */
export const SURVEYS_SCOPE = 'surveys';

/**
 * Provides the `surveys` scope to a page or dialog (put it in the component's `providers`, so a
 * dialog opened from another feature still finds its words).
 */
export function provideSurveysScope(): Provider {
  return provideTranslocoScope(SURVEYS_SCOPE);
}
