import type { Provider } from '@angular/core';
import { provideTranslocoScope } from '@jsverse/transloco';

/**
 * The Transloco scope of the admins' Outreach page: `client/public/i18n/outreach/<lang>.json`, keys
 * `outreach.*`. Kind, channel, status and suppression names are in the main file
 * (`outreachKinds.*` …): the patient timeline shows them too.
 */
export const OUTREACH_SCOPE = 'outreach';

export function provideOutreachScope(): Provider {
  return provideTranslocoScope(OUTREACH_SCOPE);
}
