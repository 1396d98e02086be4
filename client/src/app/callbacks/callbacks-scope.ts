import type { Provider } from '@angular/core';
import { provideTranslocoScope } from '@jsverse/transloco';

/** The Transloco scope of the callback queue and the follow-up rules: `client/public/i18n/callbacks/<lang>.json`, keys `callbacks.*`. */
export const CALLBACKS_SCOPE = 'callbacks';

/**
 * Provides the `callbacks` scope to a page or dialog (put it in the component's `providers`, so the
 * schedule dialog opened from the patient page still finds its words).
 */
export function provideCallbacksScope(): Provider {
  return provideTranslocoScope(CALLBACKS_SCOPE);
}
