import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import type { CommentTheme, CommentThemeChange } from '@huifang/shared';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { finalize } from 'rxjs';
import { Notifier } from '../core/notifier.service';
import { CommentThemeDialogComponent, type CommentThemeDialogData } from './comment-theme-dialog.component';
import { CommentThemesApiService } from './comment-themes-api.service';

/**
 * Admin: the themes patients' comments are tagged with. Add a theme found by its phrases, rename
 * any theme, switch one off or on. A change that alters the tags re-tags stored comments in the
 * background (the server says so, and the page passes it on).
 */
@Component({
  selector: 'hf-comment-themes-page',
  imports: [MatButtonModule, MatProgressBarModule, MatTableModule, TranslocoDirective],
  templateUrl: './comment-themes-page.component.html',
  styleUrls: ['../core/admin-table-page.scss', './comment-themes-page.component.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CommentThemesPageComponent {
  private readonly api = inject(CommentThemesApiService);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly transloco = inject(TranslocoService);

  protected readonly columns = ['key', 'nameZh', 'nameEn', 'kind', 'phrases', 'status', 'actions'];
  protected readonly themes = signal<CommentTheme[]>([]);
  protected readonly loading = signal(false);
  protected readonly loadFailed = signal(false);
  protected readonly busyKey = signal<string | null>(null);

  constructor() {
    this.load();
  }

  protected load(): void {
    this.loading.set(true);
    this.api
      .list()
      .pipe(finalize(() => this.loading.set(false)))
      .subscribe({
        next: (themes) => {
          this.themes.set(themes);
          this.loadFailed.set(false);
        },
        error: (err: unknown) => {
          this.loadFailed.set(true);
          this.notifier.error(err);
        },
      });
  }

  protected phrasesOf(theme: CommentTheme): string {
    return [...theme.phrasesZh, ...theme.phrasesEn].join(this.transloco.translate('errorFields.separator'));
  }

  protected openAdd(): void {
    this.openDialog(null, 'commentThemes.added');
  }

  protected openEdit(theme: CommentTheme): void {
    this.openDialog(theme, 'commentThemes.saved');
  }

  protected setEnabled(theme: CommentTheme, enabled: boolean): void {
    this.busyKey.set(theme.key);
    this.api
      .update(theme.key, { enabled })
      .pipe(finalize(() => this.busyKey.set(null)))
      .subscribe({
        next: (change) => {
          this.replace(change.theme);
          this.announce(enabled ? 'commentThemes.enabled' : 'commentThemes.disabled', change);
        },
        error: (err: unknown) => this.notifier.error(err),
      });
  }

  private openDialog(data: CommentThemeDialogData, successKey: string): void {
    this.dialog
      .open<CommentThemeDialogComponent, CommentThemeDialogData, CommentThemeChange>(CommentThemeDialogComponent, { width: '480px', data })
      .afterClosed()
      .subscribe((change) => {
        if (!change) return;
        this.announce(successKey, change);
        if (data) this.replace(change.theme);
        else this.themes.update((list) => [...list, change.theme]);
      });
  }

  private announce(key: string, change: CommentThemeChange): void {
    const params = { name: this.transloco.getActiveLang() === 'en' ? change.theme.nameEn : change.theme.nameZh };
    if (change.retagStarted) this.notifier.success('commentThemes.retagStarted', { done: this.transloco.translate(key, params) });
    else this.notifier.success(key, params);
  }

  private replace(theme: CommentTheme): void {
    this.themes.update((list) => list.map((t) => (t.key === theme.key ? theme : t)));
  }
}
