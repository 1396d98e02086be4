import type { Provider } from '@angular/core';
import { provideTranslocoScope } from '@jsverse/transloco';

/**
 * The Transloco scope of the relationship view and the patient page's relationship card:
 * `client/public/i18n/relationship/<lang>.json`, keys `relationship.*`. Phase and value-tier names
 * are in the main file (`phases.*`, `valueTiers.*`): the patient list and the queue show them too.
 */
export const RELATIONSHIP_SCOPE = 'relationship';

export function provideRelationshipScope(): Provider {
  return provideTranslocoScope(RELATIONSHIP_SCOPE);
}
