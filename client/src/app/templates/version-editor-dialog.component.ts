import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TEMPLATE_NAME_MAX_LENGTH, type LocalizedText, type SurveyQuestion, type SurveyTemplate } from '@huifang/shared';
import { TranslocoDirective } from '@jsverse/transloco';
import { type ErrorDescription, describeHttpError } from '../core/api-error';
import { ApiErrorComponent } from '../core/api-error.component';
import { LanguageService } from '../i18n/language.service';
import { SurveysApiService } from '../surveys/surveys-api.service';
import { provideSurveysScope } from '../surveys/surveys-scope';
import { QuestionEditorComponent } from './question-editor.component';
import { QuestionListDraft } from './question-list-draft';

/** A new version of `template` (pre-filled from its latest version), or with `template: null` a new template. */
export interface VersionEditorData {
  template: SurveyTemplate | null;
}

/** A question the server's field paths name (`questions.3.dimension`). */
const QUESTION_FIELD = /^questions\.(\d+)(\.|$)/;

/** Edits the questions of a new draft version and saves it (POST …/versions); closes with the template. */
@Component({
  selector: 'hf-version-editor-dialog',
  imports: [
    ApiErrorComponent,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    QuestionEditorComponent,
    TranslocoDirective,
  ],
  providers: [provideSurveysScope()],
  templateUrl: './version-editor-dialog.component.html',
  styleUrl: './version-editor-dialog.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class VersionEditorDialogComponent {
  protected readonly data = inject<VersionEditorData>(MAT_DIALOG_DATA);
  private readonly api = inject(SurveysApiService);
  private readonly dialogRef = inject<MatDialogRef<VersionEditorDialogComponent, SurveyTemplate>>(MatDialogRef);

  private readonly language = inject(LanguageService);

  protected readonly template = this.data.template;
  protected readonly templateName = computed(() => (this.template ? this.template.name[this.language.lang()] : ''));
  /** The version the questions start from: the newest one. */
  protected readonly basedOn = this.template?.versions[0] ?? null;
  protected readonly nextVersion = this.template
    ? Math.max(0, ...this.template.versions.map((v) => v.version)) + 1
    : 1;
  /** The name's own limit, shorter than a question's text. */
  protected readonly nameMax = TEMPLATE_NAME_MAX_LENGTH;

  protected readonly draft = new QuestionListDraft(this.basedOn?.questions ?? []);
  protected readonly name = signal<LocalizedText>({ zh: '', en: '' });
  protected readonly nameMissing = computed(
    () => this.template === null && (!this.name().zh.trim() || !this.name().en.trim()),
  );
  protected readonly pending = signal(false);
  protected readonly saveError = signal<ErrorDescription | null>(null);
  /** Questions the server's field paths name (`questions.3.dimension`), highlighted in the editor. */
  protected readonly flagged = computed(() => {
    const flagged = new Set<number>();
    const fields = this.saveError()?.params['fields'];
    for (const field of Array.isArray(fields) ? fields : []) {
      const match = QUESTION_FIELD.exec(field);
      if (match) flagged.add(Number(match[1]));
    }
    return flagged;
  });
  protected readonly generalProblems = computed(() =>
    this.draft.problems().filter((problem) => problem.index === null),
  );
  protected readonly questionsWithProblems = computed(
    () => new Set(this.draft.problems().flatMap((p) => (p.index === null ? [] : [p.index]))).size,
  );
  protected readonly canSave = computed(() => this.draft.canSave() && !this.nameMissing() && !this.pending());

  constructor() {
    if (!this.basedOn) {
      this.draft.add('nps');
    }
  }

  protected setName(lang: keyof LocalizedText, value: string): void {
    this.name.update((name) => ({ ...name, [lang]: value }));
  }

  protected save(): void {
    if (!this.canSave()) {
      return;
    }
    const questions: SurveyQuestion[] = this.draft.toQuestions();
    const request = this.template
      ? this.api.createVersion(this.template.id, questions)
      : this.api.createTemplate({ name: { zh: this.name().zh.trim(), en: this.name().en.trim() }, questions });
    this.pending.set(true);
    this.saveError.set(null);
    request.subscribe({
      next: (template) => this.dialogRef.close(template),
      error: (err: unknown) => {
        this.pending.set(false);
        this.saveError.set(describeHttpError(err));
      },
    });
  }
}
