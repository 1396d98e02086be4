import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { RelationshipPhase } from '@huifang/shared';
import { TranslocoDirective } from '@jsverse/transloco';

/** The relationship phase as a pill (考察期 / 发展期 / 稳定期 / 退化期): decline stands out in red. */
@Component({
  selector: 'hf-phase-badge',
  imports: [TranslocoDirective],
  template: `<span *transloco="let t" class="badge" [class]="'phase-' + phase()">{{ t('phases.' + phase()) }}</span>`,
  styles: `
    :host { display: inline-flex; }
    .badge { display: inline-block; padding: 2px 10px; border-radius: 999px; font: var(--mat-sys-label-medium); line-height: 20px; white-space: nowrap; }
    .phase-exploration { background: #e3f0ff; color: #0b4a8f; }
    .phase-development { background: #fff4d6; color: #7a4b00; }
    .phase-stable { background: #e2f6e7; color: #1b6b34; }
    .phase-decline { background: #fde4e2; color: #a3221b; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PhaseBadgeComponent {
  readonly phase = input.required<RelationshipPhase>();
}
