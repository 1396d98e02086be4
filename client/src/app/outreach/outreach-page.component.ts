import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, viewChild } from '@angular/core';
import type { OutreachChannel } from '@huifang/shared';
import { TranslocoDirective } from '@jsverse/transloco';
import { OutboxTableComponent } from './outbox-table.component';
import { OutreachChannelsComponent } from './outreach-channels.component';
import { provideOutreachScope } from './outreach-scope';
import { OutreachTemplatesComponent } from './outreach-templates.component';

/** Admin: messages to patients — the channels now, the outbox, the message templates. */
@Component({
  selector: 'hf-outreach-page',
  imports: [OutboxTableComponent, OutreachChannelsComponent, OutreachTemplatesComponent, TranslocoDirective],
  providers: [provideOutreachScope()],
  template: `
    <section *transloco="let t" class="outreach-page">
      <header class="page-header">
        <h1>{{ t('outreach.title') }}</h1>
      </header>
      <p class="intro">{{ t('outreach.intro') }}</p>

      <h2>{{ t('outreach.channels.title') }}</h2>
      <hf-outreach-channels #channels (showFailures)="showFailures($event)" />

      <h2 id="outbox">{{ t('outreach.outbox.title') }}</h2>
      <hf-outbox-table (retried)="channels.reload()" />

      <h2>{{ t('outreach.templates.title') }}</h2>
      <hf-outreach-templates />
    </section>
  `,
  styleUrl: '../core/admin-table-page.scss',
  styles: `
    h2 { margin: 24px 0 8px; font: var(--mat-sys-title-large); }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OutreachPageComponent {
  private readonly document = inject(DOCUMENT);
  private readonly outbox = viewChild.required(OutboxTableComponent);

  protected showFailures(channel: OutreachChannel): void {
    this.outbox().show({ status: 'failed', channel });
    this.document.getElementById('outbox')?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }
}
