import { TextFieldModule } from '@angular/cdk/text-field';
import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatTooltipModule } from '@angular/material/tooltip';
import { QUESTION_KINDS, RATING_DIMENSIONS } from '@huifang/shared';
import { TranslocoDirective } from '@jsverse/transloco';
import { type ProblemCode, MAX_TEXT_LENGTH, type QuestionListDraft } from './question-list-draft';

/**
 * Edits the question list of a draft: kind, id, Chinese and English wording, dimension (ratings),
 * options (choices), required; move up or down, remove, add. Shows each question's problems under
 * it. No HTTP: the dialog around it saves.
 */
@Component({
  selector: 'hf-question-editor',
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatSlideToggleModule,
    MatTooltipModule,
    TextFieldModule,
    TranslocoDirective,
  ],
  templateUrl: './question-editor.component.html',
  styleUrl: './question-editor.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class QuestionEditorComponent {
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  readonly draft = input.required<QuestionListDraft>();
  /** Questions the server named in its last refusal (0-based), highlighted until edited. */
  readonly flagged = input<ReadonlySet<number>>(new Set());

  protected readonly kinds = QUESTION_KINDS;
  protected readonly dimensions = RATING_DIMENSIONS;
  protected readonly maxText = MAX_TEXT_LENGTH;

  protected readonly problemsByIndex = computed(() => {
    const byIndex = new Map<number, ProblemCode[]>();
    for (const problem of this.draft().problems()) {
      if (problem.index !== null) {
        byIndex.set(problem.index, [...(byIndex.get(problem.index) ?? []), problem.code]);
      }
    }
    return byIndex;
  });

  protected has(index: number, code: ProblemCode): boolean {
    return this.problemsByIndex().get(index)?.includes(code) ?? false;
  }

  protected add(): void {
    const index = this.draft().add();
    // Let the new card render, then bring it into view with its first field focused.
    setTimeout(() => {
      const card = this.host.nativeElement.querySelector<HTMLElement>(`[data-testid="editor-question-${index}"]`);
      card?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
      card?.querySelector<HTMLInputElement>('input[data-field="id"]')?.focus();
    });
  }
}
