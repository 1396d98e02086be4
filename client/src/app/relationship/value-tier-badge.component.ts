import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { ValueTier } from '@huifang/shared';
import { TranslocoDirective } from '@jsverse/transloco';

/** The patient's value tier (高/中/低价值) as a pill; with `score`, the 0-100 value score beside it. */
@Component({
  selector: 'hf-value-tier-badge',
  imports: [TranslocoDirective],
  template: `<span *transloco="let t" class="badge" [class]="'tier-' + tier()" [attr.title]="score() === null ? null : t('patients.valueScore', { score: score() })"
    >{{ t('valueTiers.' + tier()) }}@if (score() !== null) {<span class="score"> · {{ score() }}</span>}</span
  >`,
  styles: `
    :host { display: inline-flex; }
    .badge { display: inline-block; padding: 2px 10px; border-radius: 999px; font: var(--mat-sys-label-medium); line-height: 20px; white-space: nowrap; }
    .score { font-variant-numeric: tabular-nums; opacity: 0.85; }
    .tier-high { background: #ede7f6; color: #4527a0; }
    .tier-medium { background: #e8eef3; color: #37474f; }
    .tier-low { background: #f3f3f3; color: #5f6368; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ValueTierBadgeComponent {
  readonly tier = input.required<ValueTier>();
  /** The value score, shown after the tier when given. */
  readonly score = input<number | null>(null);
}
