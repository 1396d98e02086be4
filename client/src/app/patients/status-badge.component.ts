import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { RelationshipStatus } from '@huifang/shared';
import { TranslocoDirective } from '@jsverse/transloco';

/** The derived relationship status: active green, at risk amber, lapsed red. */
@Component({
  selector: 'hf-status-badge',
  imports: [TranslocoDirective],
  template: `<span *transloco="let t" class="badge" [class]="'status-' + status()"
    ><span class="dot" aria-hidden="true"></span>{{ t('statuses.' + status()) }}</span
  >`,
  styles: `
    :host {
      display: inline-flex;
    }
    .badge {
      display: inline-flex;
      align-items: center;
      gap: 6px;
      padding: 2px 10px;
      border-radius: 999px;
      font: var(--mat-sys-label-medium);
      line-height: 20px;
      white-space: nowrap;
    }
    .dot {
      width: 8px;
      height: 8px;
      border-radius: 50%;
      background: currentColor;
    }
    .status-active {
      background: #e2f6e7;
      color: #1b6b34;
    }
    .status-at_risk {
      background: #fff1d6;
      color: #8a5300;
    }
    .status-lapsed {
      background: #fde4e2;
      color: #a3221b;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StatusBadgeComponent {
  readonly status = input.required<RelationshipStatus>();
}
