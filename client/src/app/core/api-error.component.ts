import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoDirective } from '@jsverse/transloco';
import { type ErrorDescription, translateError } from './api-error';

/** A failed API call's message in the user's language (from its code and params; see `describeHttpError`). */
@Component({
  selector: 'hf-api-error',
  imports: [TranslocoDirective],
  template: `<ng-container *transloco="let t">{{ message(t) }}</ng-container>`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ApiErrorComponent {
  readonly error = input.required<ErrorDescription>();

  protected message(t: (key: string, params?: Record<string, unknown>) => string): string {
    return translateError(t, this.error());
  }
}
