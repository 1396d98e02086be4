import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { SurveyTemplate, SurveyTemplateVersion } from '@huifang/shared';
import { TranslocoDirective } from '@jsverse/transloco';
import { filter, finalize, switchMap } from 'rxjs';
import { Notifier } from '../core/notifier.service';
import { HospitalDatePipe } from '../i18n/hospital-date.pipe';
import { LanguageService } from '../i18n/language.service';
import { SurveysApiService } from '../surveys/surveys-api.service';
import { provideSurveysScope } from '../surveys/surveys-scope';
import { type PublishConfirmData, PublishConfirmDialogComponent } from './publish-confirm-dialog.component';
import { type VersionEditorData, VersionEditorDialogComponent } from './version-editor-dialog.component';
import { VersionQuestionsComponent } from './version-questions.component';

/**
 * Admins keep the survey templates: every version with its status and response count, its questions,
 * a new draft version edited from the latest one, and publishing a draft.
 */
@Component({
  selector: 'hf-templates-page',
  imports: [
    HospitalDatePipe,
    MatButtonModule,
    MatCardModule,
    MatProgressBarModule,
    TranslocoDirective,
    VersionQuestionsComponent,
  ],
  providers: [provideSurveysScope()],
  templateUrl: './templates-page.component.html',
  styleUrl: './templates-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TemplatesPageComponent {
  private readonly api = inject(SurveysApiService);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  protected readonly language = inject(LanguageService);

  protected readonly templates = signal<SurveyTemplate[]>([]);
  protected readonly loading = signal(false);
  protected readonly loadFailed = signal(false);
  /** Versions whose questions are shown, as `<templateId>-<version>`. */
  protected readonly expanded = signal<ReadonlySet<string>>(new Set());
  protected readonly publishing = signal<string | null>(null);

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
          this.templates.set(templates);
          this.loadFailed.set(false);
        },
        error: (err: unknown) => {
          this.loadFailed.set(true);
          this.notifier.error(err);
        },
      });
  }

  protected draftOf(template: SurveyTemplate): SurveyTemplateVersion | undefined {
    return template.versions.find((v) => v.status === 'draft');
  }

  protected versionKey(template: SurveyTemplate, version: SurveyTemplateVersion): string {
    return `${template.id}-${version.version}`;
  }

  protected isExpanded(template: SurveyTemplate, version: SurveyTemplateVersion): boolean {
    return this.expanded().has(this.versionKey(template, version));
  }

  protected toggle(template: SurveyTemplate, version: SurveyTemplateVersion): void {
    const key = this.versionKey(template, version);
    this.expanded.update((keys) => {
      const next = new Set(keys);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  }

  protected openNewVersion(template: SurveyTemplate): void {
    this.openEditor({ template });
  }

  protected openNewTemplate(): void {
    this.openEditor({ template: null });
  }

  protected publish(template: SurveyTemplate, version: SurveyTemplateVersion): void {
    const current = template.versions.find((v) => v.status === 'published');
    const data: PublishConfirmData = {
      templateName: template.name[this.language.lang()],
      version: version.version,
      current: current ? { version: current.version, responseCount: current.responseCount } : null,
    };
    const key = this.versionKey(template, version);
    this.dialog
      .open<PublishConfirmDialogComponent, PublishConfirmData, boolean>(PublishConfirmDialogComponent, {
        data,
        width: '520px',
        maxWidth: '95vw',
      })
      .afterClosed()
      .pipe(
        filter((confirmed) => confirmed === true),
        switchMap(() => {
          this.publishing.set(key);
          return this.api.publish(template.id, version.version).pipe(finalize(() => this.publishing.set(null)));
        }),
      )
      .subscribe({
        next: (updated) => {
          this.replace(updated);
          this.notifier.success('surveys.templates.published', { version: version.version });
        },
        error: (err: unknown) => this.notifier.error(err),
      });
  }

  private openEditor(data: VersionEditorData): void {
    this.dialog
      .open<VersionEditorDialogComponent, VersionEditorData, SurveyTemplate>(VersionEditorDialogComponent, {
        data,
        width: '1040px',
        maxWidth: '96vw',
        maxHeight: '92vh',
        disableClose: true,
        autoFocus: 'dialog',
      })
      .afterClosed()
      .subscribe((saved) => {
        if (!saved) {
          return;
        }
        if (data.template) {
          this.replace(saved);
        } else {
          this.templates.update((list) => [...list, saved]);
        }
        const draft = this.draftOf(saved);
        if (draft) {
          this.expanded.update((keys) => new Set(keys).add(this.versionKey(saved, draft)));
        }
        this.notifier.success('surveys.templates.draftSaved', { version: draft?.version ?? '' });
      });
  }

  private replace(template: SurveyTemplate): void {
    this.templates.update((list) => list.map((t) => (t.id === template.id ? template : t)));
  }
}
