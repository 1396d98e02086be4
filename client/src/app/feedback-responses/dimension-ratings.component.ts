import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RATING_DIMENSIONS, type RatingDimension } from '@huifang/shared';
import { TranslocoDirective } from '@jsverse/transloco';
import { ScoreChipComponent } from '../surveys/score-chip.component';

/**
 * The five dimension ratings of one response in a compact row of chips (the full dimension name is
 * each chip's tooltip and accessible name). Without `ratings` it shows the short dimension names in the
 * same grid, as the column header above such rows.
 */
@Component({
  selector: 'hf-dimension-ratings',
  imports: [ScoreChipComponent, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ul *transloco="let t" class="ratings">
      @for (dimension of dimensions; track dimension) {
        @if (ratings(); as scores) {
          <li
            [title]="t('surveys.dimensions.' + dimension)"
            [attr.aria-label]="t('surveys.dimensions.' + dimension) + ': ' + (scores[dimension] ?? '—')"
            [attr.data-dimension]="dimension"
          >
            <hf-score-chip [score]="scores[dimension] ?? null" aria-hidden="true" />
          </li>
        } @else {
          <li class="name" [title]="t('surveys.dimensions.' + dimension)">
            {{ t('surveys.dimensionsShort.' + dimension) }}
          </li>
        }
      }
    </ul>
  `,
  styles: `
    .ratings {
      display: grid;
      grid-template-columns: repeat(5, 40px);
      gap: 4px;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    li {
      display: flex;
      justify-content: center;
    }
    .name {
      font: var(--mat-sys-label-small);
      white-space: nowrap;
    }
  `,
})
export class DimensionRatingsComponent {
  /** One response's ratings; leave out for the header row of short names. */
  readonly ratings = input<Partial<Record<RatingDimension, number>> | null>(null);
  protected readonly dimensions = RATING_DIMENSIONS;
}
