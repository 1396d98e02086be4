import { ChangeDetectionStrategy, Component, ElementRef, Injector, afterNextRender, computed, inject, signal, viewChild } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatTableModule } from '@angular/material/table';
import { OUTREACH_TEMPLATE_LIMITS, type OutreachTemplate, type OutreachTemplatePreview } from '@huifang/shared';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { type Observable, filter, finalize } from 'rxjs';
import { type ErrorDescription, describeHttpError } from '../core/api-error';
import { ApiErrorComponent } from '../core/api-error.component';
import { confirmAction } from '../core/confirm-dialog.component';
import { Notifier } from '../core/notifier.service';
import { HospitalDatePipe } from '../i18n/hospital-date.pipe';
import { OutreachApiService } from './outreach-api.service';
import { type TemplateKey, insertPlaceholder, isChanged, orderedTemplates, replaceTemplate, templateKey, unknownVariablesOf } from './template-editing';

type Field = 'subject' | 'body';

/**
 * The message templates, kind × language: the hospital's own text or the built-in one. Editing one
 * shows the variables its kind offers (a click types one in at the cursor); Preview asks the server
 * for the text as a patient gets it (sample values, the opt-out line); a 400 (unknown variables)
 * is shown in place. Reset deletes the hospital's text (asked first).
 */
@Component({
  selector: 'hf-outreach-templates',
  imports: [ApiErrorComponent, HospitalDatePipe, MatButtonModule, MatFormFieldModule, MatInputModule, MatTableModule, TranslocoDirective],
  templateUrl: './outreach-templates.component.html',
  styleUrl: './outreach-templates.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OutreachTemplatesComponent {
  private readonly api = inject(OutreachApiService);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly transloco = inject(TranslocoService);
  private readonly injector = inject(Injector);

  protected readonly limits = OUTREACH_TEMPLATE_LIMITS;
  protected readonly columns = ['kind', 'language', 'state', 'updated', 'actions'];
  protected readonly templateKey = templateKey;

  protected readonly templates = signal<OutreachTemplate[]>([]);
  protected readonly loading = signal(false);
  protected readonly loadFailed = signal(false);

  protected readonly editingKey = signal<TemplateKey | null>(null);
  protected readonly editing = computed(() => this.templates().find((t) => templateKey(t) === this.editingKey()) ?? null);
  protected readonly subject = signal('');
  protected readonly body = signal('');
  protected readonly changed = computed(() => {
    const template = this.editing();
    return template !== null && isChanged(template, { subject: this.subject(), body: this.body() });
  });
  protected readonly preview = signal<OutreachTemplatePreview | null>(null);
  protected readonly error = signal<ErrorDescription | null>(null);
  /** The placeholders a 400 named as unknown to the kind, as written (`{nickname}, {time}`); null for other errors. */
  protected readonly unknownVariables = signal<string | null>(null);
  protected readonly busy = signal(false);

  private readonly subjectInput = viewChild<ElementRef<HTMLInputElement>>('subjectInput');
  private readonly bodyInput = viewChild<ElementRef<HTMLTextAreaElement>>('bodyInput');
  private readonly editor = viewChild<ElementRef<HTMLElement>>('editor');
  /** Where a clicked variable goes: the field last typed or clicked in (the text by default). */
  private lastField: Field = 'body';

  constructor() {
    this.load();
  }

  protected load(): void {
    this.loading.set(true);
    this.api
      .templates()
      .pipe(finalize(() => this.loading.set(false)))
      .subscribe({
        next: (templates) => {
          this.templates.set(orderedTemplates(templates));
          this.loadFailed.set(false);
        },
        error: (err: unknown) => {
          this.loadFailed.set(true);
          this.notifier.error(err);
        },
      });
  }

  protected open(template: OutreachTemplate): void {
    this.edit(template);
    // The editor is below the list: bring it into view.
    afterNextRender(() => this.editor()?.nativeElement.scrollIntoView({ behavior: 'smooth', block: 'nearest' }), { injector: this.injector });
  }

  private edit(template: OutreachTemplate): void {
    this.editingKey.set(templateKey(template));
    this.subject.set(template.subject);
    this.body.set(template.body);
    this.lastField = 'body';
    this.clearOutcome();
  }

  protected close(): void {
    this.editingKey.set(null);
    this.clearOutcome();
  }

  protected typed(field: Field, value: string): void {
    this.lastField = field;
    (field === 'subject' ? this.subject : this.body).set(value);
    // What was previewed or refused is no longer what is written.
    this.clearOutcome();
  }

  protected focused(field: Field): void {
    this.lastField = field;
  }

  protected insert(variable: string): void {
    const field = this.lastField;
    const element = (field === 'subject' ? this.subjectInput() : this.bodyInput())?.nativeElement;
    const value = field === 'subject' ? this.subject() : this.body();
    const { text, caret } = insertPlaceholder(value, variable, element?.selectionStart ?? null, element?.selectionEnd ?? null);
    this.typed(field, text);
    if (element) {
      element.value = text;
      element.focus();
      element.setSelectionRange(caret, caret);
    }
  }

  protected showPreview(): void {
    const template = this.editing();
    if (!template) return;
    this.run(this.api.preview({ kind: template.kind, language: template.language, subject: this.subject(), body: this.body() }), (preview) => this.preview.set(preview));
  }

  protected save(): void {
    const template = this.editing();
    if (!template) return;
    this.run(this.api.saveTemplate(template.kind, template.language, { subject: this.subject(), body: this.body() }), (saved) => {
      this.templates.update((list) => replaceTemplate(list, saved));
      this.edit(saved);
      this.notifier.success('outreach.templates.saved');
    });
  }

  protected reset(): void {
    const template = this.editing();
    if (!template) return;
    const params = { kind: this.transloco.translate(`outreachKinds.${template.kind}`), language: this.transloco.translate(`outreach.templates.languages.${template.language}`) };
    confirmAction(this.dialog, { titleKey: 'outreach.templates.resetTitle', messageKey: 'outreach.templates.resetMessage', confirmKey: 'outreach.templates.reset', params })
      .pipe(filter((confirmed) => confirmed))
      .subscribe(() =>
        this.run(this.api.resetTemplate(template.kind, template.language), (builtIn) => {
          this.templates.update((list) => replaceTemplate(list, builtIn));
          this.edit(builtIn);
          this.notifier.success('outreach.templates.resetDone');
        }),
      );
  }

  private run<T>(request: Observable<T>, done: (value: T) => void): void {
    this.busy.set(true);
    this.clearOutcome();
    request.pipe(finalize(() => this.busy.set(false))).subscribe({
      next: done,
      error: (err: unknown) => {
        this.error.set(describeHttpError(err));
        const unknown = unknownVariablesOf(err);
        this.unknownVariables.set(unknown.length > 0 ? unknown.map((name) => `{${name}}`).join(', ') : null);
      },
    });
  }

  private clearOutcome(): void {
    this.preview.set(null);
    this.error.set(null);
    this.unknownVariables.set(null);
  }
}

