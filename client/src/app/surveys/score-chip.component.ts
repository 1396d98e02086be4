import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { npsBand, ratingBand } from '@huifang/shared';

/** One score as a small coloured chip: red, amber or green by its band; a dash when not answered. */
@Component({
  selector: 'hf-score-chip',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    class: 'score-chip',
    '[class.band-low]': "band() === 'low'",
    '[class.band-mid]': "band() === 'mid'",
    '[class.band-high]': "band() === 'high'",
    '[class.empty]': 'score() === null',
    '[attr.data-band]': 'band()',
  },
  template: `{{ score() ?? '—' }}`,
  styles: `
    :host {
      display: inline-flex;
      align-items: center;
      justify-content: center;
      min-width: 28px;
      height: 24px;
      padding: 0 6px;
      box-sizing: border-box;
      border-radius: 12px;
      font: var(--mat-sys-label-large);
      font-variant-numeric: tabular-nums;
    }
    :host(.band-low) {
      background: #fde2e1;
      color: #8c1d18;
    }
    :host(.band-mid) {
      background: #fdefc8;
      color: #6b4b00;
    }
    :host(.band-high) {
      background: #d6f0dc;
      color: #14532d;
    }
    :host(.empty) {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class ScoreChipComponent {
  readonly score = input.required<number | null>();
  /** `nps` (0-10) or `rating` (1-5, also CSAT). */
  readonly scale = input<'nps' | 'rating'>('rating');

  protected readonly band = computed(() =>
    this.scale() === 'nps' ? npsBand(this.score()) : ratingBand(this.score()),
  );
}
