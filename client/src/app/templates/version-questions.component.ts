import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { SurveyQuestion } from '@huifang/shared';
import { TranslocoDirective } from '@jsverse/transloco';

/** The questions of one version, read-only: kind, Chinese and English wording, dimension, required. */
@Component({
  selector: 'hf-version-questions',
  imports: [TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ol *transloco="let t" class="questions">
      @for (q of questions(); track q.id; let i = $index) {
        <li class="question" [attr.data-testid]="testIdPrefix() + '-question-' + i">
          <span class="number" aria-hidden="true">{{ i + 1 }}</span>
          <div class="body">
            <p class="text" lang="zh-CN">{{ q.text.zh }}</p>
            <p class="text en" lang="en">{{ q.text.en }}</p>
            @if (q.options?.length) {
              <ul class="options">
                @for (option of q.options; track option.value) {
                  <li>
                    <span lang="zh-CN">{{ option.label.zh }}</span> / <span lang="en">{{ option.label.en }}</span>
                    <code>{{ option.value }}</code>
                  </li>
                }
              </ul>
            }
          </div>
          <div class="meta">
            <span class="tag kind">{{ t('surveys.kinds.' + q.kind) }}</span>
            @if (q.dimension) {
              <span class="tag">{{ t('surveys.dimensions.' + q.dimension) }}</span>
            }
            <span class="tag" [class.required]="q.required">
              {{ q.required ? t('surveys.templates.required') : t('surveys.templates.optional') }}
            </span>
            <code class="id">{{ q.id }}</code>
          </div>
        </li>
      }
    </ol>
  `,
  styles: `
    .questions {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .question {
      display: grid;
      grid-template-columns: 28px 1fr auto;
      gap: 12px;
      padding: 10px 0;
      border-top: 1px solid var(--mat-sys-outline-variant);
    }
    .number {
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-on-surface-variant);
      text-align: right;
    }
    .text {
      margin: 0;
    }
    .en {
      color: var(--mat-sys-on-surface-variant);
    }
    .options {
      margin: 4px 0 0;
      padding-left: 18px;
      font: var(--mat-sys-body-small);
    }
    .meta {
      display: flex;
      flex-wrap: wrap;
      justify-content: flex-end;
      align-items: flex-start;
      gap: 6px;
      max-width: 320px;
    }
    .tag {
      padding: 2px 8px;
      border-radius: 8px;
      background: var(--mat-sys-surface-container-high);
      font: var(--mat-sys-label-medium);
      white-space: nowrap;
    }
    .kind {
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .required {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    code {
      font-size: 12px;
      color: var(--mat-sys-on-surface-variant);
    }
    .id {
      padding: 2px 0;
    }
  `,
})
export class VersionQuestionsComponent {
  readonly questions = input.required<readonly SurveyQuestion[]>();
  /** `version-<templateId>-<version>`: question rows get `<prefix>-question-<index>`. */
  readonly testIdPrefix = input('version');
}
