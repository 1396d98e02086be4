import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { type CommentTheme, type Department, IMPROVEMENT_NOTE_MAX_LENGTH, type ImprovementAction } from '@huifang/shared';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { finalize } from 'rxjs';
import { Notifier } from '../core/notifier.service';
import { CommentThemesApiService } from '../comment-themes/comment-themes-api.service';
import { departmentNameById } from '../departments/department-name';
import { DepartmentsApiService } from '../departments/departments-api.service';
import { HospitalDatePipe } from '../i18n/hospital-date.pipe';
import { positiveIntParam } from '../core/url-params';
import { evaluationView } from './evaluation-view';
import { ImprovementApiService } from './improvement-api.service';
import { IMPROVEMENT_PATH, editActionLink } from './improvement-links';
import { improvementWordsLang, provideImprovementScope } from './improvement-scope';
import { indicatorLabel } from './indicator-words';

/**
 * One improvement action: what it is, its baseline and follow-up windows with n, value, change,
 * 95% interval, p and the test used, the verdict in words, and its notes over time (add one).
 */
@Component({
  selector: 'hf-action-page',
  imports: [
    HospitalDatePipe,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    ReactiveFormsModule,
    RouterLink,
    TranslocoDirective,
  ],
  providers: [provideImprovementScope()],
  templateUrl: './action-page.component.html',
  styles: `
    .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(340px, 1fr)); gap: 16px; margin-top: 16px; }
    /* The evaluation's table needs the width: across the page, above the action and its notes. */
    .evaluation-card { grid-column: 1 / -1; }
    .evaluation-card dl.facts { margin-top: 12px; }
    dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0; }
    dl.facts dt { color: var(--mat-sys-on-surface-variant); }
    dl.facts dd { margin: 0; }
    .description { white-space: pre-wrap; }
    table.evaluation { border-collapse: collapse; width: 100%; }
    table.evaluation th, table.evaluation td { padding: 6px 8px; border-bottom: 1px solid rgba(0, 0, 0, 0.08); text-align: right; white-space: nowrap; }
    table.evaluation th[scope='row'], table.evaluation thead th:first-child { text-align: left; }
    .verdict-line { margin: 0 0 12px; font: var(--mat-sys-title-medium); }
    ol.notes { list-style: none; padding: 0; margin: 0 0 12px; display: flex; flex-direction: column; gap: 8px; }
    ol.notes li { border-left: 3px solid var(--mat-sys-outline-variant); padding-left: 8px; }
    ol.notes .text { white-space: pre-wrap; }
    .note-form { display: flex; flex-direction: column; gap: 4px; }
    .note-form button { align-self: flex-end; }
    .header-buttons { display: flex; gap: 8px; }
  `,
  styleUrl: './improvement-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ActionPageComponent {
  private readonly api = inject(ImprovementApiService);
  private readonly notifier = inject(Notifier);
  private readonly transloco = inject(TranslocoService);

  protected readonly actionId = positiveIntParam(inject(ActivatedRoute).snapshot.paramMap.get('id'));
  protected readonly listLink = [IMPROVEMENT_PATH];
  protected readonly editLink = this.actionId === null ? this.listLink : editActionLink(this.actionId);
  protected readonly noteMax = IMPROVEMENT_NOTE_MAX_LENGTH;

  protected readonly action = signal<ImprovementAction | null>(null);
  protected readonly loading = signal(true);
  protected readonly failed = signal(false);
  protected readonly savingNote = signal(false);

  private readonly departments = toSignal(inject(DepartmentsApiService).list(), { initialValue: [] as Department[] });
  private readonly themes = toSignal(inject(CommentThemesApiService).list(), { initialValue: [] as CommentTheme[] });
  private readonly t = (key: string, params?: Record<string, unknown>) => this.transloco.translate(key, params);
  /** The figures' units are written in TypeScript: once the words are there. */
  private readonly wordsLang = improvementWordsLang();

  protected readonly noteForm = inject(NonNullableFormBuilder).group({
    text: ['', [Validators.required, Validators.maxLength(IMPROVEMENT_NOTE_MAX_LENGTH)]],
  });

  protected readonly view = computed(() => {
    const action = this.action();
    const lang = this.wordsLang();
    if (!action || !lang) return null;
    return {
      indicator: indicatorLabel(action.indicator, lang, this.t, this.themes()),
      department: action.departmentId === null ? null : departmentNameById(this.departments(), action.departmentId, lang, action.departmentName ?? ''),
      evaluation: evaluationView(action, lang, this.t),
    };
  });

  constructor() {
    this.load();
  }

  protected load(): void {
    if (this.actionId === null) {
      this.loading.set(false);
      this.failed.set(true);
      return;
    }
    this.loading.set(true);
    this.api
      .action(this.actionId)
      .pipe(finalize(() => this.loading.set(false)))
      .subscribe({
        next: (action) => {
          this.action.set(action);
          this.failed.set(false);
        },
        error: (err: unknown) => {
          this.failed.set(true);
          this.notifier.error(err);
        },
      });
  }

  protected addNote(): void {
    const action = this.action();
    if (!action || this.savingNote()) return;
    const text = this.noteForm.controls.text.value.trim();
    if (this.noteForm.invalid || text === '') {
      this.noteForm.markAllAsTouched();
      return;
    }
    this.savingNote.set(true);
    this.api
      .addNote(action.id, { text })
      .pipe(finalize(() => this.savingNote.set(false)))
      .subscribe({
        next: (action) => {
          this.action.set(action);
          this.noteForm.reset();
          this.notifier.success('improvement.notes.added');
        },
        error: (err: unknown) => this.notifier.error(err),
      });
  }
}
