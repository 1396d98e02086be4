import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';

/** Which end of a period changed, and its input (a page puts back the day that still applies when it refuses the new one). */
export interface PeriodEndChange {
  end: 'from' | 'to';
  input: HTMLInputElement;
}

/**
 * The "from" and "to" days of a period filter (calendar days, no later than `max`). Test ids:
 * `<testIdPrefix>-from` and `<testIdPrefix>-to`.
 */
@Component({
  selector: 'hf-period-fields',
  imports: [MatFormFieldModule, MatInputModule],
  template: `
    <mat-form-field appearance="outline" subscriptSizing="dynamic">
      <mat-label>{{ fromLabel() }}</mat-label>
      <input
        #fromInput
        matInput
        type="date"
        [value]="from()"
        [max]="max()"
        [attr.data-testid]="testIdPrefix() + '-from'"
        (change)="periodEnd.emit({ end: 'from', input: fromInput })"
      />
    </mat-form-field>
    <mat-form-field appearance="outline" subscriptSizing="dynamic">
      <mat-label>{{ toLabel() }}</mat-label>
      <input
        #toInput
        matInput
        type="date"
        [value]="to()"
        [max]="max()"
        [attr.data-testid]="testIdPrefix() + '-to'"
        (change)="periodEnd.emit({ end: 'to', input: toInput })"
      />
    </mat-form-field>
  `,
  styles: `
    :host {
      display: contents;
    }
    mat-form-field {
      width: 170px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PeriodFieldsComponent {
  readonly from = input.required<string>();
  readonly to = input.required<string>();
  readonly max = input.required<string>();
  readonly fromLabel = input.required<string>();
  readonly toLabel = input.required<string>();
  readonly testIdPrefix = input.required<string>();

  readonly periodEnd = output<PeriodEndChange>();
}
