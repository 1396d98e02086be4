import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators, type AbstractControl, type ValidationErrors } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import {
  COMMENT_THEME_KEY_PATTERN,
  COMMENT_THEME_NAME_MAX_LENGTH,
  COMMENT_THEME_PHRASE_MAX_LENGTH,
  COMMENT_THEME_PHRASES_MAX,
  type CommentTheme,
  type CommentThemeChange,
} from '@huifang/shared';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { translateError } from '../core/api-error';
import { CommentThemesApiService } from './comment-themes-api.service';
import { phrasesFromText, phrasesToText } from './phrase-text';
import { themeFieldsOf } from './theme-form-errors';

/** The theme to edit, or null to add one. */
export type CommentThemeDialogData = CommentTheme | null;

/** At most the bounds the API sets (the API checks them again and names the field if not). */
function phraseListValidator(control: AbstractControl<string>): ValidationErrors | null {
  const phrases = phrasesFromText(control.value);
  if (phrases.length > COMMENT_THEME_PHRASES_MAX || phrases.some((p) => [...p].length > COMMENT_THEME_PHRASE_MAX_LENGTH)) return { phrases: true };
  return null;
}

/**
 * Adds a comment theme (key, zh/en names, Chinese and English phrases) or edits one: a built-in theme
 * takes new names only. Stays open on a refused save, the API's error shown under each field it names.
 */
@Component({
  selector: 'hf-comment-theme-dialog',
  imports: [ReactiveFormsModule, MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule, TranslocoDirective],
  templateUrl: './comment-theme-dialog.component.html',
  styles: `
    .fields {
      display: flex;
      flex-direction: column;
      gap: 8px;
      padding-top: 8px;
    }
    .form-error {
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CommentThemeDialogComponent {
  private readonly api = inject(CommentThemesApiService);
  private readonly transloco = inject(TranslocoService);
  private readonly dialogRef = inject<MatDialogRef<CommentThemeDialogComponent, CommentThemeChange>>(MatDialogRef);
  protected readonly existing = inject<CommentThemeDialogData>(MAT_DIALOG_DATA);

  protected readonly nameMax = COMMENT_THEME_NAME_MAX_LENGTH;
  protected readonly phrasesMax = COMMENT_THEME_PHRASES_MAX;
  protected readonly phraseLength = COMMENT_THEME_PHRASE_MAX_LENGTH;
  protected readonly builtIn = this.existing?.builtIn ?? false;
  protected readonly pending = signal(false);
  /** The refused save's message, in the user's language; also set on each field it names (`server` error). */
  protected readonly serverError = signal<string | null>(null);

  protected readonly form = inject(NonNullableFormBuilder).group({
    key: [{ value: this.existing?.key ?? '', disabled: this.existing !== null }, [Validators.required, Validators.pattern(COMMENT_THEME_KEY_PATTERN)]],
    nameZh: [this.existing?.nameZh ?? '', [Validators.required, Validators.maxLength(COMMENT_THEME_NAME_MAX_LENGTH)]],
    nameEn: [this.existing?.nameEn ?? '', [Validators.required, Validators.maxLength(COMMENT_THEME_NAME_MAX_LENGTH)]],
    phrasesZh: [{ value: phrasesToText(this.existing?.phrasesZh ?? []), disabled: this.builtIn }, [phraseListValidator]],
    phrasesEn: [{ value: phrasesToText(this.existing?.phrasesEn ?? []), disabled: this.builtIn }, [phraseListValidator]],
  });

  protected submit(): void {
    if (this.pending()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    const names = { nameZh: value.nameZh.trim(), nameEn: value.nameEn.trim() };
    const phrases = { phrasesZh: phrasesFromText(value.phrasesZh), phrasesEn: phrasesFromText(value.phrasesEn) };
    const request = this.existing
      ? this.api.update(this.existing.key, this.builtIn ? names : { ...names, ...phrases })
      : this.api.create({ key: value.key, ...names, ...phrases });
    this.pending.set(true);
    this.serverError.set(null);
    request.subscribe({
      next: (change) => this.dialogRef.close(change),
      error: (err: unknown) => {
        this.pending.set(false);
        const { fields, error } = themeFieldsOf(err);
        const message = translateError((key, params) => this.transloco.translate(key, params), error);
        this.serverError.set(message);
        for (const field of fields) {
          const control = this.form.controls[field];
          control.setErrors({ ...control.errors, server: message });
          control.markAsTouched();
        }
      },
    });
  }
}
