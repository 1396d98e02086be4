import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { DEFAULT_WAIT_THRESHOLD_MINUTES, waitLevel } from '@huifang/shared';
import { TranslocoDirective } from '@jsverse/transloco';
import { HospitalSettingsService } from '../hospital-settings/hospital-settings-api.service';

/**
 * Wait minutes with a colour hint: over the hospital's wait threshold amber, over twice it red (the
 * rule in shared/). The number alone carries `testId`.
 */
@Component({
  selector: 'hf-wait-chip',
  imports: [DecimalPipe, TranslocoDirective],
  template: `
    <span *transloco="let t" class="chip" [class]="'level-' + level()" [attr.title]="t('encounters.waitTitle')">
      <span class="label">{{ live() ? t('encounters.waitingFor') : t('encounters.waited') }}</span>
      @if (minutes() !== null) {
        <strong [attr.data-testid]="testId()">{{ minutes() | number: '1.0-1' }}</strong>
        <span class="unit">{{ t('encounters.minutes') }}</span>
      } @else {
        <strong [attr.data-testid]="testId()">—</strong>
      }
    </span>
  `,
  styles: `
    :host {
      display: inline-flex;
    }
    .chip {
      display: inline-flex;
      align-items: baseline;
      gap: 4px;
      padding: 2px 10px;
      border-radius: 999px;
      font: var(--mat-sys-label-medium);
      line-height: 20px;
      white-space: nowrap;
      background: var(--mat-sys-surface-container-high);
      color: var(--mat-sys-on-surface-variant);
    }
    strong {
      font-variant-numeric: tabular-nums;
    }
    .level-long {
      background: #fff1d6;
      color: #8a5300;
    }
    .level-very-long {
      background: #fde4e2;
      color: #a3221b;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WaitChipComponent {
  readonly minutes = input.required<number | null>();
  /** Still waiting (the number grows) rather than the final wait. */
  readonly live = input(false);
  readonly testId = input<string | null>(null);
  private readonly settings = inject(HospitalSettingsService).settings;
  protected readonly level = computed(() =>
    waitLevel(this.minutes(), this.settings()?.waitThresholdMinutes ?? DEFAULT_WAIT_THRESHOLD_MINUTES),
  );
}
