import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import type { OutreachIndicator } from '@huifang/shared';
import { TranslocoDirective } from '@jsverse/transloco';
import { Subject } from 'rxjs';
import { type LoadResult, loadEach, loadFailed, loadedValue, withReload } from '../core/load-result';
import type { ChartContext } from './chart-model';
import { type DashboardState, indicatorQuery } from './dashboard-state';
import { IndicatorsApiService } from './indicators-api.service';
import { outreachRateRows } from './outreach-rates';

/** Inside the follow-up panel: messages to patients per channel, their delivery and survey response rates with n. */
@Component({
  selector: 'hf-outreach-rates',
  imports: [MatButtonModule, TranslocoDirective],
  template: `
    <section *transloco="let t" data-testid="outreach-rates">
      <h3 class="sub-title">{{ t('dashboard.outreach.title') }}</h3>
      <p class="note">{{ t('dashboard.outreach.note') }}</p>
      @if (failed()) {
        <p role="alert" class="failed">
          {{ t('dashboard.loadFailed') }}
          <button mat-button type="button" (click)="reload$.next()">{{ t('dashboard.retry') }}</button>
        </p>
      } @else if (rows(); as rows) {
        @if (rows.length === 0) {
          <p class="note" data-testid="outreach-rates-empty">{{ t('dashboard.outreach.empty') }}</p>
        } @else {
          <div class="wrap" [class.stale]="loading()">
            <table>
              <thead>
                <tr>
                  <th scope="col">{{ t('dashboard.outreach.channel') }}</th>
                  <th scope="col" class="num">{{ t('dashboard.outreach.created') }}</th>
                  <th scope="col" class="num">{{ t('dashboard.outreach.sent') }}</th>
                  <th scope="col" class="num">{{ t('dashboard.outreach.failed') }}</th>
                  <th scope="col" class="num">{{ t('dashboard.outreach.suppressed') }}</th>
                  <th scope="col">{{ t('dashboard.outreach.delivery') }}</th>
                  <th scope="col">{{ t('dashboard.outreach.response') }}</th>
                </tr>
              </thead>
              <tbody>
                @for (row of rows; track row.channel) {
                  <tr [attr.data-testid]="'outreach-rates-' + row.channel">
                    <th scope="row">{{ t(row.channelKey) }}</th>
                    <td class="num">{{ row.created }}</td>
                    <td class="num">{{ row.sent }}</td>
                    <td class="num">{{ row.failed }}</td>
                    <td class="num">{{ row.suppressed }}</td>
                    <td [class]="row.delivery.state" data-testid="outreach-delivery-rate">{{ row.delivery.text }}</td>
                    <td [class]="row.response.state" data-testid="outreach-response-rate">{{ row.response.text }}</td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        }
      }
    </section>
  `,
  styles: `
    .sub-title { font: var(--mat-sys-title-small); margin: 16px 0 0; }
    .note { font: var(--mat-sys-body-small); color: var(--mat-sys-on-surface-variant); margin: 2px 0 6px; }
    .wrap { overflow-x: auto; }
    .stale { opacity: 0.6; }
    table { border-collapse: collapse; font: var(--mat-sys-body-small); width: 100%; }
    th, td { padding: 4px 8px; text-align: left; border-bottom: 1px solid var(--mat-sys-outline-variant); white-space: nowrap; }
    .num { text-align: right; font-variant-numeric: tabular-nums; }
    .small { color: var(--mat-sys-on-surface-variant); font-style: italic; }
    .none { color: var(--mat-sys-on-surface-variant); }
    .failed { color: var(--mat-sys-error); }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OutreachRatesComponent {
  private readonly api = inject(IndicatorsApiService);

  readonly state = input.required<DashboardState>();
  /** Null until the dashboard's words are loaded in the UI language. */
  readonly context = input<ChartContext | null>(null);

  protected readonly reload$ = new Subject<void>();
  private readonly loaded = signal<LoadResult<OutreachIndicator> | null>(null);
  protected readonly loading = signal(false);
  protected readonly failed = computed(() => loadFailed(this.loaded()));
  protected readonly rows = computed(() => {
    const indicator = loadedValue(this.loaded());
    const context = this.context();
    return indicator && context ? outreachRateRows(indicator, context.lang, context.t) : null;
  });

  constructor() {
    loadEach(withReload(toObservable(this.state), this.reload$), (state) => this.api.outreach(indicatorQuery(state)), {
      loading: this.loading,
      result: this.loaded,
    })
      .pipe(takeUntilDestroyed())
      .subscribe();
  }
}
