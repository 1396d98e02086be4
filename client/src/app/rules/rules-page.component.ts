import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { FOLLOW_UP_OFFSET_RANGE, type FollowUpRule, type FollowUpRuleKey } from '@huifang/shared';
import { TranslocoDirective } from '@jsverse/transloco';
import { provideCallbacksScope } from '../callbacks/callbacks-scope';
import { type ErrorDescription, describeHttpError } from '../core/api-error';
import { ApiErrorComponent } from '../core/api-error.component';
import { Notifier } from '../core/notifier.service';
import { FollowUpRulesApiService } from './follow-up-rules-api.service';
import {
  type RuleDraft,
  draftsFrom,
  hasChanges,
  parseOffset,
  spanKey,
  updateRequest,
} from './rules-draft';

interface RuleRow {
  draft: RuleDraft;
  offset: number | null;
  /** `callbacks.rules.span.*` key and number for the trigger description (the saved offset while the input is wrong). */
  span: { key: string; n: number };
}

/** The follow-up rules (admins): switch each on or off and set its offset; Save sends them all. */
@Component({
  selector: 'hf-rules-page',
  imports: [
    ApiErrorComponent,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSlideToggleModule,
    TranslocoDirective,
  ],
  providers: [provideCallbacksScope()],
  templateUrl: './rules-page.component.html',
  styleUrl: './rules-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RulesPageComponent {
  private readonly api = inject(FollowUpRulesApiService);
  private readonly notifier = inject(Notifier);

  protected readonly offsetMin = FOLLOW_UP_OFFSET_RANGE.min;
  protected readonly offsetMax = FOLLOW_UP_OFFSET_RANGE.max;
  protected readonly saved = signal<FollowUpRule[] | null>(null);
  protected readonly drafts = signal<RuleDraft[]>([]);
  protected readonly loadFailed = signal(false);
  protected readonly saving = signal(false);
  protected readonly error = signal<ErrorDescription | null>(null);
  /** Set after a Save with a wrong offset, so the message explains the disabled save. */
  protected readonly showInvalid = signal(false);

  protected readonly rows = computed<RuleRow[]>(() => {
    const saved = this.saved() ?? [];
    return this.drafts().map((draft) => {
      const offset = parseOffset(draft.offset);
      const n = offset ?? saved.find((r) => r.key === draft.key)?.offset ?? 0;
      return { draft, offset, span: { key: spanKey(draft.unit, n), n } };
    });
  });
  protected readonly dirty = computed(() => {
    const saved = this.saved();
    return !!saved && hasChanges(this.drafts(), saved);
  });
  protected readonly valid = computed(() => updateRequest(this.drafts()) !== null);

  constructor() {
    this.api
      .list()
      .pipe(takeUntilDestroyed())
      .subscribe({
        next: (rules) => this.load(rules),
        error: (err: unknown) => {
          this.loadFailed.set(true);
          this.error.set(describeHttpError(err));
        },
      });
  }

  protected setEnabled(key: FollowUpRuleKey, enabled: boolean): void {
    this.update(key, { enabled });
  }

  protected setOffset(key: FollowUpRuleKey, event: Event): void {
    this.update(key, { offset: (event.target as HTMLInputElement).value });
  }

  protected reset(): void {
    const saved = this.saved();
    if (saved) {
      this.load(saved);
    }
  }

  protected save(): void {
    if (this.saving()) {
      return;
    }
    const request = updateRequest(this.drafts());
    if (!request) {
      this.showInvalid.set(true);
      return;
    }
    this.saving.set(true);
    this.error.set(null);
    this.api.update(request).subscribe({
      next: (rules) => {
        this.saving.set(false);
        this.load(rules);
        this.notifier.success('callbacks.rules.saved');
      },
      error: (err: unknown) => {
        this.saving.set(false);
        this.error.set(describeHttpError(err));
      },
    });
  }

  private load(rules: FollowUpRule[]): void {
    this.saved.set(rules);
    this.drafts.set(draftsFrom(rules));
    this.showInvalid.set(false);
    this.error.set(null);
  }

  private update(key: FollowUpRuleKey, changes: Partial<Pick<RuleDraft, 'enabled' | 'offset'>>): void {
    this.drafts.update((drafts) => drafts.map((d) => (d.key === key ? { ...d, ...changes } : d)));
    this.error.set(null);
  }
}
