import { ChangeDetectionStrategy, Component, computed, effect, input, signal, viewChildren } from '@angular/core';
import { type ControlValueAccessor, NG_VALUE_ACCESSOR } from '@angular/forms';
import type { ErrorStateMatcher } from '@angular/material/core';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInput, MatInputModule } from '@angular/material/input';

const TIME = /^\d{2}:\d{2}$/;

/**
 * A date and a time on the hospital's clock, as one form value `YYYY-MM-DDTHH:mm` (what
 * `<input type="datetime-local">` gave): the day from a Material datepicker in the UI language,
 * the time from a time input. Half a value, or a day that is no date, is passed on as `invalid` so
 * the form's validator reports it; nothing at all is ''. The page says what is wrong in `error`.
 * Test ids: `<testId>-day`, `<testId>-day-toggle`, `<testId>-time`.
 */
@Component({
  selector: 'hf-date-time-field',
  imports: [MatDatepickerModule, MatFormFieldModule, MatInputModule],
  providers: [{ provide: NG_VALUE_ACCESSOR, useExisting: DateTimeFieldComponent, multi: true }],
  template: `
    <div class="row">
      <mat-form-field appearance="outline" class="day">
        <mat-label>{{ dayLabel() }}</mat-label>
        <input
          matInput
          [matDatepicker]="picker"
          [value]="day()"
          [min]="minDay()"
          [disabled]="disabled()"
          [errorStateMatcher]="showError"
          [attr.data-testid]="testId() + '-day'"
          (dateChange)="setDay($event.value)"
          (blur)="touched()"
        />
        <mat-datepicker-toggle matIconSuffix [for]="picker" [attr.data-testid]="testId() + '-day-toggle'" />
        <mat-datepicker #picker />
        @if (hint()) {
          <mat-hint>{{ hint() }}</mat-hint>
        }
        @if (error(); as message) {
          <mat-error>{{ message }}</mat-error>
        }
      </mat-form-field>
      <mat-form-field appearance="outline" class="time">
        <mat-label>{{ timeLabel() }}</mat-label>
        <input
          #timeInput
          matInput
          type="time"
          [value]="time()"
          [disabled]="disabled()"
          [errorStateMatcher]="showError"
          [attr.data-testid]="testId() + '-time'"
          (input)="setTime(timeInput.value)"
          (blur)="touched()"
        />
      </mat-form-field>
    </div>
  `,
  styles: `
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .day {
      flex: 2 1 180px;
    }
    .time {
      flex: 1 1 110px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DateTimeFieldComponent implements ControlValueAccessor {
  readonly dayLabel = input.required<string>();
  readonly timeLabel = input.required<string>();
  /** The earliest moment offered, `YYYY-MM-DDTHH:mm` (only its day limits the calendar). */
  readonly min = input<string | null>(null);
  readonly hint = input<string | null>(null);
  /** The message to show, or null when the value is fine or the user has not touched it yet. */
  readonly error = input<string | null>(null);
  readonly testId = input.required<string>();

  protected readonly day = signal<string | null>(null);
  protected readonly time = signal('');
  protected readonly disabled = signal(false);
  protected readonly minDay = computed(() => this.min()?.slice(0, 10) ?? null);
  protected readonly showError: ErrorStateMatcher = { isErrorState: () => this.error() !== null };

  private readonly inputs = viewChildren(MatInput);

  private onChange: (value: string) => void = () => undefined;
  private onTouched: () => void = () => undefined;

  constructor() {
    // The inputs have no form control of their own, so Material does not re-check their error state.
    effect(() => {
      this.error();
      for (const field of this.inputs()) field.updateErrorState();
    });
  }

  writeValue(value: string | null): void {
    const [day, time] = (value ?? '').split('T');
    this.day.set(day || null);
    this.time.set(time && TIME.test(time) ? time : '');
  }

  registerOnChange(fn: (value: string) => void): void {
    this.onChange = fn;
  }

  registerOnTouched(fn: () => void): void {
    this.onTouched = fn;
  }

  setDisabledState(disabled: boolean): void {
    this.disabled.set(disabled);
  }

  protected setDay(day: string | null): void {
    this.day.set(day);
    this.emit();
  }

  protected setTime(time: string): void {
    this.time.set(time);
    this.emit();
  }

  protected touched(): void {
    this.onTouched();
  }

  private emit(): void {
    const day = this.day();
    const time = this.time();
    if (!day && !time) this.onChange('');
    else this.onChange(day && TIME.test(time) ? `${day}T${time}` : 'invalid');
  }
}
