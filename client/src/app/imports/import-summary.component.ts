import { KeyValuePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { ImportSummary } from '@huifang/shared';
import { TranslocoDirective } from '@jsverse/transloco';

/** Counts of an import (or a preview): patients and visits created / updated / unchanged / failed, what was skipped. */
@Component({
  selector: 'hf-import-summary',
  imports: [KeyValuePipe, RouterLink, TranslocoDirective],
  template: `
    <ng-container *transloco="let t">
      <dl class="counts" data-testid="import-summary">
        @for (kind of kinds(); track kind) {
          <div class="count-card" [attr.data-testid]="'import-summary-' + kind">
            <dt>{{ t('imports.summary.' + kind) }}</dt>
            @for (count of countNames; track count) {
              <dd>
                <span class="label">{{ t('imports.summary.counts.' + count) }}</span>
                <span class="value" [attr.data-testid]="'import-count-' + kind + '-' + count">{{ summary()[kind]?.[count] ?? 0 }}</span>
              </dd>
            }
          </div>
        }
      </dl>
      @if ((summary().skippedByType | keyvalue).length > 0) {
        <p data-testid="import-skipped">
          {{ t('imports.summary.skipped') }}
          @for (entry of summary().skippedByType | keyvalue; track entry.key; let last = $last) {
            <span>{{ entry.key }} {{ entry.value }}{{ last ? '' : t('imports.summary.separator') }}</span>
          }
        </p>
      }
      @if (summary().unmappedDepartments.length > 0) {
        <p class="unmapped" data-testid="import-unmapped">
          {{ t('imports.summary.unmapped', { codes: summary().unmappedDepartments.join(t('imports.summary.separator')) }) }}
          <a routerLink="/imports/fhir-departments">{{ t('imports.summary.mapDepartments') }}</a>
        </p>
      }
    </ng-container>
  `,
  styles: `
    .counts {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(160px, 1fr));
      gap: 12px;
      margin: 0 0 12px;
    }
    .count-card {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
      padding: 8px 12px;
    }
    dt {
      font: var(--mat-sys-title-small);
      margin-bottom: 4px;
    }
    dd {
      display: flex;
      justify-content: space-between;
      margin: 0;
    }
    .value {
      font-variant-numeric: tabular-nums;
    }
    .unmapped {
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImportSummaryComponent {
  readonly summary = input.required<ImportSummary>();

  /** Feedback imports count survey responses; history imports patients and visits. */
  protected readonly kinds = computed(() => {
    const responses = this.summary().responses;
    const anyResponses = responses && Object.values(responses).some((count) => count > 0);
    return anyResponses ? (['responses'] as const) : (['patients', 'encounters'] as const);
  });
  protected readonly countNames = ['created', 'updated', 'unchanged', 'failed'] as const;
}
