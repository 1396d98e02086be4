import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';

/**
 * A calendar-day field with a Material datepicker in the UI language (see `provideLocalizedDatepicker`).
 * In and out: `YYYY-MM-DD` (the adapter's date type) or null (cleared, or typed text that is no date). Test ids: `<testId>` on
 * the input, `<testId>-toggle` on the calendar button.
 */
@Component({
  selector: 'hf-date-field',
  imports: [MatDatepickerModule, MatFormFieldModule, MatInputModule],
  template: `
    <mat-form-field appearance="outline" subscriptSizing="dynamic">
      <mat-label>{{ label() }}</mat-label>
      <input
        matInput
        [matDatepicker]="picker"
        [value]="value()"
        [min]="min()"
        [max]="max()"
        [attr.data-testid]="testId()"
        (dateChange)="valueChange.emit($event.value)"
      />
      <mat-datepicker-toggle matIconSuffix [for]="picker" [attr.data-testid]="testId() + '-toggle'" />
      <mat-datepicker #picker />
    </mat-form-field>
  `,
  styles: `
    :host {
      display: contents;
    }
    mat-form-field {
      width: 180px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DateFieldComponent {
  readonly value = input<string | null>(null);
  readonly label = input.required<string>();
  readonly min = input<string | null>(null);
  readonly max = input<string | null>(null);
  readonly testId = input.required<string>();

  readonly valueChange = output<string | null>();
}
