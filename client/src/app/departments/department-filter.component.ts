import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import type { Department } from '@huifang/shared';
import { LanguageService } from '../i18n/language.service';
import { departmentName } from './department-name';

/**
 * The "department" filter of the lists and the dashboard: all departments, or one. Inactive
 * departments are not offered, except the one already chosen (a shared link may name it).
 * Test ids: `<testId>` on the select, `<testId>-all` and `<testId>-<id>` on the options.
 */
@Component({
  selector: 'hf-department-filter',
  imports: [MatFormFieldModule, MatSelectModule],
  template: `
    <mat-form-field appearance="outline" subscriptSizing="dynamic" floatLabel="always">
      <mat-label>{{ label() }}</mat-label>
      <mat-select
        [value]="value()"
        [placeholder]="allLabel()"
        [attr.data-testid]="testId()"
        (selectionChange)="valueChange.emit($event.value)"
      >
        <mat-option [value]="null" [attr.data-testid]="testId() + '-all'">{{ allLabel() }}</mat-option>
        @for (option of options(); track option.id) {
          <mat-option [value]="option.id" [attr.data-testid]="testId() + '-' + option.id">{{ option.label }}</mat-option>
        }
      </mat-select>
    </mat-form-field>
  `,
  styles: `
    :host {
      display: contents;
    }
    mat-form-field {
      width: 200px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DepartmentFilterComponent {
  private readonly language = inject(LanguageService);

  readonly departments = input.required<readonly Department[]>();
  readonly value = input<number | null>(null);
  readonly label = input.required<string>();
  /** The option (and placeholder) for no filter. */
  readonly allLabel = input.required<string>();
  readonly testId = input.required<string>();

  readonly valueChange = output<number | null>();

  protected readonly options = computed(() => {
    const lang = this.language.lang();
    const chosen = this.value();
    return this.departments()
      .filter((d) => d.active || d.id === chosen)
      .map((d) => ({ id: d.id, label: departmentName(d, lang) }));
  });
}
