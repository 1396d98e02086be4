import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { LifecycleStage } from '@huifang/shared';
import { TranslocoDirective } from '@jsverse/transloco';

/** The lifecycle stage as a coloured pill (初诊 / 治疗 / 康复 / 复诊). */
@Component({
  selector: 'hf-stage-badge',
  imports: [TranslocoDirective],
  template: `<span *transloco="let t" class="badge" [class]="'stage-' + stage()">{{ t('stages.' + stage()) }}</span>`,
  styles: `
    :host {
      display: inline-flex;
    }
    .badge {
      display: inline-block;
      padding: 2px 10px;
      border-radius: 999px;
      font: var(--mat-sys-label-medium);
      line-height: 20px;
      white-space: nowrap;
    }
    .stage-first_visit {
      background: #e3f0ff;
      color: #0b4a8f;
    }
    .stage-treatment {
      background: #f1e6ff;
      color: #5a2a9c;
    }
    .stage-rehabilitation {
      background: #dff5ef;
      color: #0d6650;
    }
    .stage-follow_up {
      background: #e6eaff;
      color: #2c3a99;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StageBadgeComponent {
  readonly stage = input.required<LifecycleStage>();
}
