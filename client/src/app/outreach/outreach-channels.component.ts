import { ChangeDetectionStrategy, Component, computed, inject, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import type { OutreachChannel, OutreachChannelStatus } from '@huifang/shared';
import { TranslocoDirective } from '@jsverse/transloco';
import { finalize } from 'rxjs';
import { HospitalDatePipe } from '../i18n/hospital-date.pipe';
import { channelCards } from './channel-cards';
import { OutreachApiService } from './outreach-api.service';

/** Each channel now: configured or not, the last success, failures in the last day (a link to them in the outbox), queued. */
@Component({
  selector: 'hf-outreach-channels',
  imports: [HospitalDatePipe, MatButtonModule, MatCardModule, TranslocoDirective],
  template: `
    <ng-container *transloco="let t">
      @if (failed()) {
        <p class="load-error" role="alert">
          {{ t('outreach.channels.loadFailed') }}
          <button mat-button type="button" (click)="reload()">{{ t('common.retry') }}</button>
        </p>
      }
      <div class="cards" [class.stale]="loading()">
        @for (card of cards(); track card.channel) {
          <mat-card appearance="outlined" class="card" [class]="'tone-' + card.tone" [attr.data-testid]="'channel-' + card.channel">
            <mat-card-header>
              <mat-card-title>{{ t(card.nameKey) }}</mat-card-title>
              <mat-card-subtitle>
                <span class="tone" data-testid="channel-tone">{{ t('outreach.channels.tones.' + card.tone) }}</span>
                · {{ card.configured ? t('outreach.channels.configured') : t('outreach.channels.notConfigured') }}
              </mat-card-subtitle>
            </mat-card-header>
            <mat-card-content>
              <dl>
                <dt>{{ t('outreach.channels.lastSuccess') }}</dt>
                <dd data-testid="channel-last-success">
                  {{ card.lastSuccessAt ? (card.lastSuccessAt | hfDate: 'dateTime') : t('outreach.channels.noSuccess') }}
                </dd>
                <dt>{{ t('outreach.channels.failures') }}</dt>
                <dd data-testid="channel-failures">
                  {{ card.failedLast24h }}
                  @if (card.failedLast24h > 0) {
                    <button mat-button type="button" class="inline" [attr.data-testid]="'channel-show-failures-' + card.channel" (click)="showFailures.emit(card.channel)">
                      {{ t('outreach.channels.showFailures') }}
                    </button>
                  }
                </dd>
                <dt>{{ t('outreach.channels.queued') }}</dt>
                <dd data-testid="channel-queued">
                  {{ card.queued }}
                  @if (card.retrying > 0) {
                    <span class="muted">({{ t('outreach.channels.retrying', { count: card.retrying }) }})</span>
                  }
                </dd>
              </dl>
              @if (card.noteKey) {
                <p class="note" data-testid="channel-note">{{ t(card.noteKey) }}</p>
              }
            </mat-card-content>
          </mat-card>
        }
      </div>
    </ng-container>
  `,
  styles: `
    .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(240px, 1fr)); gap: 12px; }
    .stale { opacity: 0.6; }
    .card { border-left: 4px solid var(--mat-sys-outline-variant); }
    .tone-ok { border-left-color: #2e7d32; }
    .tone-warning { border-left-color: #b26a00; }
    .tone-problem { border-left-color: var(--mat-sys-error); }
    .tone-problem .tone { color: var(--mat-sys-error); }
    dl { display: grid; grid-template-columns: auto 1fr; gap: 4px 12px; margin: 8px 0 0; font: var(--mat-sys-body-medium); }
    dt { color: var(--mat-sys-on-surface-variant); }
    dd { margin: 0; font-variant-numeric: tabular-nums; }
    .inline { min-width: 0; height: 24px; padding: 0 6px; }
    .muted { color: var(--mat-sys-on-surface-variant); }
    .note { margin: 8px 0 0; font: var(--mat-sys-body-small); color: var(--mat-sys-on-surface-variant); }
    .load-error { color: var(--mat-sys-error); }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OutreachChannelsComponent {
  private readonly api = inject(OutreachApiService);

  /** "Show" on a channel's failures: the outbox filtered to them. */
  readonly showFailures = output<OutreachChannel>();

  private readonly statuses = signal<OutreachChannelStatus[]>([]);
  protected readonly cards = computed(() => channelCards(this.statuses()));
  protected readonly loading = signal(false);
  protected readonly failed = signal(false);

  constructor() {
    this.reload();
  }

  reload(): void {
    this.loading.set(true);
    this.api
      .channels()
      .pipe(finalize(() => this.loading.set(false)))
      .subscribe({
        next: (statuses) => {
          this.statuses.set(statuses);
          this.failed.set(false);
        },
        error: () => this.failed.set(true),
      });
  }
}
