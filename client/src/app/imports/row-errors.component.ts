import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { ImportRowError } from '@huifang/shared';
import { TranslocoDirective } from '@jsverse/transloco';
import { describeRowError, type RowErrorText, type TranslateFn } from './row-errors';

/** Rows that were not stored: row number, field, the problem in words, the value. Cards, so a phone shows them whole. */
@Component({
  selector: 'hf-import-row-errors',
  imports: [TranslocoDirective],
  template: `
    <ul *transloco="let t" class="errors" data-testid="import-row-errors">
      @for (rowError of errors(); track $index) {
        @let error = describe(t, rowError);
        <li class="error" data-testid="import-row-error">
          <span class="row">{{ t('imports.errors.row', { row: error.row }) }}</span>
          @if (error.field) {
            <span class="field">{{ error.field }}</span>
          }
          <span class="problem">{{ error.problem }}</span>
          @if (error.value) {
            <code class="value">{{ error.value }}</code>
          }
        </li>
      }
    </ul>
  `,
  styles: `
    .errors {
      list-style: none;
      padding: 0;
      margin: 0;
    }
    .error {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 12px;
      padding: 6px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .row {
      font-variant-numeric: tabular-nums;
      min-width: 5em;
    }
    .field {
      font-weight: 500;
    }
    .problem {
      color: var(--mat-sys-error);
    }
    .value {
      word-break: break-all;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RowErrorsComponent {
  readonly errors = input.required<readonly ImportRowError[]>();

  protected describe(t: TranslateFn, error: ImportRowError): RowErrorText {
    return describeRowError(t, error);
  }
}
