import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatDatepickerModule, type MatDatepickerInput } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';

/** One end of the period as shown: its day (`YYYY-MM-DD`, '' when cleared or not a date); setting it puts a day back. */
export interface PeriodEndInput {
  value: string;
}

/** Which end of a period changed, and its field (a page puts back the day that still applies when it refuses the new one). */
export interface PeriodEndChange {
  end: 'from' | 'to';
  input: PeriodEndInput;
}

/**
 * The "from" and "to" days of a period filter: Material datepickers in the UI language, calendar
 * days no later than `max` (see `provideLocalizedDatepicker`). Test ids: `<testIdPrefix>-from` and
 * `<testIdPrefix>-to` on the inputs, with `-toggle` on their calendar buttons.
 */
@Component({
  selector: 'hf-period-fields',
  imports: [MatDatepickerModule, MatFormFieldModule, MatInputModule],
  template: `
    <mat-form-field appearance="outline" subscriptSizing="dynamic">
      <mat-label>{{ fromLabel() }}</mat-label>
      <input
        #fromInput="matDatepickerInput"
        matInput
        [matDatepicker]="fromPicker"
        [value]="from()"
        [max]="max()"
        [attr.data-testid]="testIdPrefix() + '-from'"
        (dateChange)="changed('from', fromInput)"
      />
      <mat-datepicker-toggle matIconSuffix [for]="fromPicker" [attr.data-testid]="testIdPrefix() + '-from-toggle'" />
      <mat-datepicker #fromPicker />
    </mat-form-field>
    <mat-form-field appearance="outline" subscriptSizing="dynamic">
      <mat-label>{{ toLabel() }}</mat-label>
      <input
        #toInput="matDatepickerInput"
        matInput
        [matDatepicker]="toPicker"
        [value]="to()"
        [max]="max()"
        [attr.data-testid]="testIdPrefix() + '-to'"
        (dateChange)="changed('to', toInput)"
      />
      <mat-datepicker-toggle matIconSuffix [for]="toPicker" [attr.data-testid]="testIdPrefix() + '-to-toggle'" />
      <mat-datepicker #toPicker />
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
export class PeriodFieldsComponent {
  readonly from = input.required<string>();
  readonly to = input.required<string>();
  readonly max = input.required<string>();
  readonly fromLabel = input.required<string>();
  readonly toLabel = input.required<string>();
  readonly testIdPrefix = input.required<string>();

  readonly periodEnd = output<PeriodEndChange>();

  protected changed(end: 'from' | 'to', field: MatDatepickerInput<string>): void {
    this.periodEnd.emit({
      end,
      input: {
        get value() {
          return field.value ?? '';
        },
        set value(day: string) {
          field.value = day;
        },
      },
    });
  }
}
