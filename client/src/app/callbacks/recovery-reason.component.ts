import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { RecoveryTrigger } from '@huifang/shared';
import { TranslocoDirective } from '@jsverse/transloco';
import { recoveryReasonParts } from './recovery-reason';

/**
 * Why a service-recovery call was opened: the answers that triggered it first (translated, e.g.
 * 候诊时间 2/5), then the patient's comment. Used by the call panel, the callback detail and the
 * patient timeline; `compact` puts it on one line for the queue.
 */
@Component({
  selector: 'hf-recovery-reason',
  imports: [TranslocoDirective],
  template: `
    <div *transloco="let t" class="recovery" [class.compact]="compact()" data-testid="recovery-reason">
      <ul class="scores" [attr.aria-label]="t('recoveryTrigger.title')">
        @for (part of parts(); track $index) {
          <li class="score" data-testid="recovery-score">
            {{ t(part.key, { value: part.value, max: part.max, dimension: part.dimensionKey ? t(part.dimensionKey) : '' }) }}
          </li>
        }
      </ul>
      @if (trigger()?.comment; as comment) {
        <p class="comment" data-testid="recovery-comment">
          @if (!compact()) {
            <span class="label">{{ t('recoveryTrigger.comment') }}</span>
          }
          {{ t('recoveryTrigger.quoted', { comment }) }}
        </p>
      }
    </div>
  `,
  styles: `
    .scores {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 6px;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .score {
      padding: 1px 8px;
      border-radius: 10px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
      font: var(--mat-sys-label-medium);
    }
    .comment {
      margin: 6px 0 0;
      overflow-wrap: anywhere;
    }
    .label {
      display: block;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-label-small);
    }
    .compact .comment {
      margin-top: 2px;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
      max-width: 24em;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RecoveryReasonComponent {
  readonly trigger = input.required<RecoveryTrigger | null>();
  readonly compact = input(false);
  protected readonly parts = computed(() => recoveryReasonParts(this.trigger()));
}
